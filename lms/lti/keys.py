"""Sigap's own key as an LTI tool: made on first need, published as a JWK Set,
used to sign the client assertion of the platform's token endpoint (RFC 7523)."""

import json
import time
import uuid

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import transaction

from .models import LtiPlatform, LtiToolKey


def _new_key() -> LtiToolKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return LtiToolKey.objects.create(kid=uuid.uuid4().hex, private_key_pem=pem)


@transaction.atomic
def current_key() -> LtiToolKey:
    """The key that signs now: the newest active one, made if there is none."""
    key = LtiToolKey.objects.filter(active=True).order_by("-created_at", "-pk").first()
    return key or _new_key()


@transaction.atomic
def rotate_key() -> LtiToolKey:
    """A new signing key; the earlier ones stay published (a platform may hold a
    cached key set) until an administrator deletes them."""
    return _new_key()


def public_jwks() -> dict:
    """Every active key's public half, as a JWK Set."""
    current_key()
    keys = []
    for key in LtiToolKey.objects.filter(active=True).order_by("-created_at", "-pk"):
        private = serialization.load_pem_private_key(
            key.private_key_pem.encode(), password=None
        )
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
        jwk.update({"kid": key.kid, "alg": "RS256", "use": "sig"})
        keys.append(jwk)
    return {"keys": keys}


def client_assertion(platform: LtiPlatform) -> str:
    """A short-lived JWT proving to ``platform``'s token endpoint that the call
    comes from Sigap (``private_key_jwt``, as LTI 1.3 security asks)."""
    key = current_key()
    now = int(time.time())
    claims = {
        "iss": platform.client_id,
        "sub": platform.client_id,
        "aud": platform.auth_token_url,
        "iat": now,
        "exp": now + 300,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(
        claims, key.private_key_pem, algorithm="RS256", headers={"kid": key.kid}
    )
