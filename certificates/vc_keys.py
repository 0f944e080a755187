"""The issuer key of Sigap's verifiable credentials, and where its public half is
published.

The issuer is ``did:web:<host of SITE_URL>``; its keys are published both as a
JWKS (``/.well-known/jwks.json``) and in the DID document
(``/.well-known/did.json``). A key's ``kid`` is ``<issuer>#<JWK thumbprint>``
(RFC 7638), so a verifier finds it with either. The signing key is
``SIGAP_VC_SIGNING_KEY`` (a PEM file's path, or the PEM itself): P-256 (ES256) or
Ed25519 (EdDSA). Retired keys stay published (``SIGAP_VC_RETIRED_KEYS``) so that
credentials signed before a rotation keep verifying. In a local run (DEBUG or
SIGAP_DEMO) without a key, a demo key is written once to
``SIGAP_DEMO_VC_KEY_PATH``. Otherwise no key: no credential is signed.
"""

import base64
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from django.conf import settings

# What each key type signs with; nothing else is accepted when verifying.
ALGORITHMS = {"EC": "ES256", "OKP": "EdDSA"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass(frozen=True)
class IssuerKey:
    """One key of the issuer: ``private`` only for the current signing key."""

    kid: str
    alg: str
    public_jwk: dict
    public: object
    private: object | None = None


def issuer_id() -> str:
    """``did:web`` of the host (a port is written ``%3A``, as did:web says)."""
    return "did:web:" + quote(urlsplit(settings.SITE_URL).netloc, safe="")


def _public_jwk(public) -> dict:
    if isinstance(public, ec.EllipticCurvePublicKey):
        if not isinstance(public.curve, ec.SECP256R1):
            raise ValueError("Only P-256 elliptic curve keys are supported.")
        numbers = public.public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": _b64(numbers.x.to_bytes(32, "big")),
            "y": _b64(numbers.y.to_bytes(32, "big")),
        }
    if isinstance(public, ed25519.Ed25519PublicKey):
        raw = public.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return {"kty": "OKP", "crv": "Ed25519", "x": _b64(raw)}
    raise ValueError("Only P-256 (ES256) and Ed25519 (EdDSA) keys are supported.")


def thumbprint(jwk: dict) -> str:
    """RFC 7638: SHA-256 of the required members, in order, without spaces."""
    members = ("crv", "kty", "x", "y") if jwk["kty"] == "EC" else ("crv", "kty", "x")
    canonical = json.dumps({name: jwk[name] for name in members}, separators=(",", ":"))
    return _b64(hashlib.sha256(canonical.encode()).digest())


def _key_from_pem(pem: bytes) -> IssuerKey:
    if b"PRIVATE KEY" in pem:
        private = serialization.load_pem_private_key(pem, password=None)
        public = private.public_key()
    else:
        private, public = None, serialization.load_pem_public_key(pem)
    jwk = _public_jwk(public)
    kid = f"{issuer_id()}#{thumbprint(jwk)}"
    alg = ALGORITHMS[jwk["kty"]]
    return IssuerKey(
        kid=kid,
        alg=alg,
        public_jwk={**jwk, "kid": kid, "alg": alg, "use": "sig"},
        public=public,
        private=private,
    )


def _pem(value: str) -> bytes:
    if value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).read_bytes()


def demo_key_path() -> Path:
    return Path(settings.SIGAP_DEMO_VC_KEY_PATH)


def create_signing_key(path: Path) -> Path:
    """Write a new P-256 private key (PEM, unencrypted, owner-only)."""
    key = ec.generate_private_key(ec.SECP256R1())
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    path.chmod(0o600)
    return path


@functools.cache
def _keys() -> tuple[IssuerKey | None, tuple[IssuerKey, ...]]:
    signing = None
    if settings.SIGAP_VC_SIGNING_KEY:
        signing = _key_from_pem(_pem(settings.SIGAP_VC_SIGNING_KEY))
    elif settings.LOCAL:
        if not demo_key_path().exists():
            create_signing_key(demo_key_path())
        signing = _key_from_pem(demo_key_path().read_bytes())
    if signing is not None and signing.private is None:
        raise ValueError("SIGAP_VC_SIGNING_KEY must be a private key.")
    retired = tuple(
        _key_from_pem(_pem(value)) for value in settings.SIGAP_VC_RETIRED_KEYS
    )
    return signing, retired


def signing_key() -> IssuerKey | None:
    """The key new credentials are signed with; None: credentials are off."""
    return _keys()[0]


def published_keys() -> list[IssuerKey]:
    """Every key a verifier may meet: the signing key first, then retired ones."""
    signing, retired = _keys()
    keys = [signing] if signing else []
    return keys + [key for key in retired if key.kid not in {k.kid for k in keys}]


def key_for(kid: str) -> IssuerKey | None:
    return next((key for key in published_keys() if key.kid == kid), None)


def reset_keys() -> None:
    """Forget the loaded keys (after settings change, e.g. in tests)."""
    _keys.cache_clear()


def jwks() -> dict:
    return {"keys": [key.public_jwk for key in published_keys()]}


def did_document() -> dict:
    """The ``did:web`` document: each published key as a JsonWebKey method."""
    did = issuer_id()
    keys = published_keys()
    methods = [
        {
            "id": key.kid,
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": {
                name: value for name, value in key.public_jwk.items() if name != "use"
            },
        }
        for key in keys
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/jwk/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        # Retired keys too: credentials signed before a rotation still verify.
        "assertionMethod": [key.kid for key in keys],
    }
