"""A fake LTI 1.3 platform for the tests and the demo: it signs its own launches
with its own RSA key and answers, in-process, its key set (JWKS), its token
endpoint (checking Sigap's signed client assertion against Sigap's published
keys), the roster (NRPS, two members a page, ``Link: rel=next``) and scores
(AGS). Mounted on a ``requests.Session`` as a transport adapter (as the fake
SIASN, BSrE and LRS). It can be told to fail the next calls
(``fake.fail_next("timeout" | "500" | "400")``) or to refuse
every score (``fake.refuse_scores = "message"``).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import jwt
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from requests.adapters import BaseAdapter

from lms.fake_http import json_response

from .client import MEMBERSHIPS_MEDIA_TYPE, SCOPE_MEMBERSHIPS, SCOPE_SCORE
from .keys import public_jwks
from .launch import CLAIM, CLAIM_AGS, CLAIM_DL, CLAIM_NRPS
from .models import LtiDeployment, LtiPlatform

LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


class ResponseRejected(Exception):
    """A deep linking response the platform does not believe."""


def _new_private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@dataclass
class FakePlatform:
    """A Moodle-shaped platform at ``issuer``."""

    issuer: str = "https://elearning.bkpsdm.test"
    client_id: str = "sigap-alat-1"
    deployment_id: str = "1"
    private_key_pem: str = field(default_factory=_new_private_key)
    kid: str = field(default_factory=lambda: uuid.uuid4().hex)
    members: list[dict] = field(default_factory=list)
    scores: list[dict] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # When set, every score is refused (HTTP 400) with this message.
    refuse_scores: str = ""
    # Deep linking: the opaque data of the last request, the links placed.
    deep_link_data: str = ""
    placed: list[dict] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def auth_login_url(self) -> str:
        return self.issuer + "/mod/lti/auth.php"

    @property
    def token_url(self) -> str:
        return self.issuer + "/mod/lti/token.php"

    @property
    def jwks_url(self) -> str:
        return self.issuer + "/mod/lti/certs.php"

    @property
    def memberships_url(self) -> str:
        return self.issuer + "/mod/lti/services.php/2/bindings/1/memberships"

    @property
    def lineitem_url(self) -> str:
        return self.issuer + "/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1"

    def register(self, *, name: str = "Moodle BKPSDM", **fields):
        """The platform as an administrator registers it in Sigap."""
        platform = LtiPlatform.objects.create(
            name=name,
            issuer=self.issuer,
            client_id=self.client_id,
            auth_login_url=self.auth_login_url,
            auth_token_url=self.token_url,
            jwks_url=self.jwks_url,
            **fields,
        )
        LtiDeployment.objects.create(
            platform=platform, deployment_id=self.deployment_id
        )
        return platform

    def public_jwks(self) -> dict:
        private = serialization.load_pem_private_key(
            self.private_key_pem.encode(), password=None
        )
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
        jwk.update({"kid": self.kid, "alg": "RS256", "use": "sig"})
        return {"keys": [jwk]}

    def launch_claims(
        self, *, nonce: str, target_link_uri: str, sub: str = "moodle-user-41"
    ) -> dict:
        """The claims of a resource link launch by a learner, as Moodle sends
        them (with NRPS and AGS)."""
        now = int(time.time())
        return {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + 60,
            "nonce": nonce,
            "email": "rina.marlina@bkpsdm.test",
            "name": "Rina Marlina",
            "given_name": "Rina",
            "family_name": "Marlina",
            CLAIM + "deployment_id": self.deployment_id,
            CLAIM + "message_type": "LtiResourceLinkRequest",
            CLAIM + "version": "1.3.0",
            CLAIM + "target_link_uri": target_link_uri,
            CLAIM + "resource_link": {"id": "12", "title": "Orientasi ASN"},
            CLAIM + "context": {
                "id": "2",
                "label": "LATSAR-2026",
                "title": "Latsar CPNS 2026",
            },
            CLAIM + "roles": [LEARNER],
            CLAIM_NRPS: {
                "context_memberships_url": self.memberships_url,
                "service_versions": ["2.0"],
            },
            CLAIM_AGS: {
                "scope": [
                    "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                    SCOPE_SCORE,
                ],
                "lineitem": self.lineitem_url,
                "lineitems": self.issuer + "/mod/lti/services.php/2/lineitems",
            },
        }

    @property
    def deep_link_return_url(self) -> str:
        return self.issuer + "/mod/lti/contentitem_return.php?course=2&id=1"

    def deep_linking_claims(
        self,
        *,
        nonce: str,
        target_link_uri: str,
        sub: str = "moodle-guru-7",
        roles: list[str] | None = None,
        accept_multiple: bool = True,
    ) -> dict:
        """The claims of a deep linking request (Moodle's *Select content* in an
        External tool activity), by an editing teacher unless ``roles`` says
        otherwise; ``data`` is new each time and must come back unchanged."""
        now = int(time.time())
        self.deep_link_data = "moodle-dl-" + uuid.uuid4().hex
        return {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": sub,
            "iat": now,
            "exp": now + 60,
            "nonce": nonce,
            "email": "guru.anwar@bkpsdm.test",
            "name": "Anwar Guru",
            CLAIM + "deployment_id": self.deployment_id,
            CLAIM + "message_type": "LtiDeepLinkingRequest",
            CLAIM + "version": "1.3.0",
            CLAIM + "target_link_uri": target_link_uri,
            CLAIM + "context": {
                "id": "2",
                "label": "LATSAR-2026",
                "title": "Latsar CPNS 2026",
            },
            CLAIM + "roles": [INSTRUCTOR] if roles is None else roles,
            CLAIM_DL + "deep_linking_settings": {
                "deep_link_return_url": self.deep_link_return_url,
                "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["frame", "iframe", "window"],
                "accept_multiple": accept_multiple,
                "accept_lineitem": True,
                "auto_create": False,
                "title": "",
                "text": "",
                "data": self.deep_link_data,
            },
        }

    def receive_deep_linking_response(self, token: str, *, tool_jwks: dict) -> list:
        """What the platform does with the JWT posted to its return URL: it
        believes it only when signed by a key of the tool's published key set,
        issued by its client ID, for this platform, in its deployment, with the
        message type, version and the request's ``data``; then it places each
        ``ltiResourceLink`` (with a grade column when it has a ``lineItem``)."""
        try:
            header = jwt.get_unverified_header(token)
            keys = jwt.PyJWKSet.from_dict(tool_jwks)
            key = next(k for k in keys.keys if k.key_id == header.get("kid"))
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                audience=self.issuer,
                issuer=self.client_id,
                options={"require": ["exp", "iat", "iss", "aud", "nonce"]},
            )
        except (jwt.PyJWTError, StopIteration) as error:
            raise ResponseRejected(f"signature or claims: {error}") from error
        expected = {
            CLAIM + "deployment_id": self.deployment_id,
            CLAIM + "message_type": "LtiDeepLinkingResponse",
            CLAIM + "version": "1.3.0",
            CLAIM_DL + "data": self.deep_link_data,
        }
        for name, value in expected.items():
            if claims.get(name) != value:
                raise ResponseRejected(f"{name} is {claims.get(name)!r}")
        items = claims.get(CLAIM_DL + "content_items")
        if not isinstance(items, list):
            raise ResponseRejected("content_items missing")
        for item in items:
            if item.get("type") != "ltiResourceLink" or not item.get("url"):
                raise ResponseRejected(f"not a resource link: {item!r}")
            line_item = item.get("lineItem")
            if line_item is not None and not (
                isinstance(line_item.get("scoreMaximum"), int | float)
                and line_item["scoreMaximum"] > 0
            ):
                raise ResponseRejected("lineItem without a positive scoreMaximum")
            self.placed.append(dict(item, resource_link_id=str(100 + len(self.placed))))
        return items

    def placed_launch_claims(self, placed: dict, *, nonce: str, **options) -> dict:
        """A learner's launch of a link placed by deep linking: its URL as the
        target, its custom parameters, its own resource link, and the grade
        column made for its ``lineItem`` (none without)."""
        claims = self.launch_claims(
            nonce=nonce, target_link_uri=placed["url"], **options
        )
        claims[CLAIM + "custom"] = dict(placed.get("custom") or {})
        claims[CLAIM + "resource_link"] = {
            "id": placed["resource_link_id"],
            "title": placed.get("title", ""),
        }
        if "lineItem" not in placed:
            claims.pop(CLAIM_AGS)
        return claims

    def sign(self, claims: dict, *, private_key_pem: str | None = None, kid=None):
        """``claims`` signed as they are: through JWS, not ``jwt.encode``, which
        refuses some claims a hostile platform could still sign (a number as
        ``iss``)."""
        return jwt.PyJWS().encode(
            json.dumps(claims, separators=(",", ":")).encode(),
            private_key_pem or self.private_key_pem,
            algorithm="RS256",
            headers={"kid": kid or self.kid},
        )

    def fail_next(self, *modes: str) -> None:
        with self.lock:
            self.failures.extend(modes)

    def mount(self, session: requests.Session) -> requests.Session:
        adapter = FakePlatformAdapter(self)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session


class FakePlatformAdapter(BaseAdapter):
    def __init__(self, fake: FakePlatform):
        super().__init__()
        self.fake = fake
        self.tokens: dict[str, str] = {}

    def close(self) -> None:
        pass

    def send(self, request, stream=False, timeout=None, **kwargs):
        if timeout is None:
            raise AssertionError("every platform call must have a time-out")
        fake = self.fake
        url = request.url or ""
        with fake.lock:
            fake.calls.append(f"{request.method} {url}")
            mode = fake.failures.pop(0) if fake.failures else ""
        if mode == "timeout":
            raise requests.ReadTimeout("fake platform: no answer")
        if mode in ("500", "400"):
            return json_response(request, int(mode), {"error": "fake failure"})
        base = url.split("?")[0]
        if request.method == "GET" and base == fake.jwks_url:
            return json_response(request, 200, fake.public_jwks())
        if request.method == "POST" and base == fake.token_url:
            return self._token(request)
        scope = self._bearer_scope(request)
        if request.method == "GET" and base == fake.memberships_url:
            if scope is None or SCOPE_MEMBERSHIPS not in scope:
                return json_response(request, 401, {"error": "invalid_token"})
            if request.headers.get("Accept") != MEMBERSHIPS_MEDIA_TYPE:
                return json_response(request, 406, {"error": "media type"})
            return self._members(request)
        if request.method == "POST" and base == fake.lineitem_url.split("?")[0] + (
            "/scores"
        ):
            if scope is None or SCOPE_SCORE not in scope:
                return json_response(request, 401, {"error": "invalid_token"})
            if request.headers.get("Content-Type") != (
                "application/vnd.ims.lis.v1.score+json"
            ):
                return json_response(request, 415, {"error": "media type"})
            if fake.refuse_scores:
                return json_response(request, 400, {"error": fake.refuse_scores})
            with fake.lock:
                fake.scores.append(json.loads(request.body))
            return json_response(request, 200, {})
        return json_response(request, 404, {"error": "not found"})

    def _token(self, request):
        form = {k: v[0] for k, v in parse_qs(request.body or "").items()}
        assertion = form.get("client_assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            keys = jwt.PyJWKSet.from_dict(public_jwks())
            key = next(k for k in keys.keys if k.key_id == header.get("kid"))
            jwt.decode(
                assertion,
                key.key,
                algorithms=["RS256"],
                audience=self.fake.token_url,
                issuer=self.fake.client_id,
            )
        except (jwt.PyJWTError, StopIteration):
            return json_response(request, 401, {"error": "invalid_client"})
        if form.get("grant_type") != "client_credentials":
            return json_response(request, 400, {"error": "unsupported_grant_type"})
        token = uuid.uuid4().hex
        self.tokens[token] = form.get("scope", "")
        return json_response(
            request,
            200,
            {"access_token": token, "token_type": "Bearer", "expires_in": 3600},
        )

    def _bearer_scope(self, request) -> list[str] | None:
        value = request.headers.get("Authorization", "")
        if not value.startswith("Bearer "):
            return None
        scope = self.tokens.get(value[7:])
        return None if scope is None else scope.split()

    def _members(self, request):
        query = parse_qs(urlsplit(request.url).query)
        page = int(query.get("page", ["0"])[0])
        members = self.fake.members[page * 2 : page * 2 + 2]
        response = json_response(
            request,
            200,
            {
                "id": request.url,
                "context": {"id": "2", "title": "Latsar CPNS 2026"},
                "members": members,
            },
        )
        response.headers["Content-Type"] = MEMBERSHIPS_MEDIA_TYPE
        if (page + 1) * 2 < len(self.fake.members):
            next_url = f"{self.fake.memberships_url}?page={page + 1}"
            response.headers["Link"] = f'<{next_url}>; rel="next"'
        return response
