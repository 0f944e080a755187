"""Calls to a platform: its key set (JWKS), its token endpoint (client
credentials with Sigap's signed assertion), the roster (NRPS) and scores (AGS).
Failures become ``PlatformError`` with a message in Indonesian and whether
trying again later may help."""

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from .keys import client_assertion
from .models import LtiPlatform

SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCOPE_MEMBERSHIPS = (
    "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
)
MEMBERSHIPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"
# A platform's key set is kept this long; an unknown ``kid`` fetches it again.
JWKS_CACHE_SECONDS = 300


class PlatformError(Exception):
    """A call to a platform failed; ``retry``: a time-out, 5xx, 429 or a
    refused token (may pass), not a request the platform refuses (4xx)."""

    def __init__(self, message: str, *, retry: bool):
        super().__init__(message)
        self.message = message
        self.retry = retry


def make_session() -> requests.Session:
    """A plain session (the tests' fake platform replaces this)."""
    return requests.Session()


def _jwks_cache_name(platform: LtiPlatform) -> str:
    return f"lti:jwks:{platform.pk}:{platform.jwks_url}"


def platform_jwks(platform: LtiPlatform, *, fresh: bool = False) -> dict:
    """``platform``'s JWK Set, from the cache unless ``fresh``."""
    name = _jwks_cache_name(platform)
    if not fresh:
        known = cache.get(name)
        if known is not None:
            return known
    response = _call(make_session(), "GET", platform.jwks_url)
    try:
        jwks = response.json()
    except ValueError as error:
        raise PlatformError(
            _("Kunci publik platform (JWKS) bukan JSON."), retry=True
        ) from error
    if not isinstance(jwks, dict) or not isinstance(jwks.get("keys"), list):
        raise PlatformError(_("Kunci publik platform (JWKS) tidak sah."), retry=True)
    cache.set(name, jwks, JWKS_CACHE_SECONDS)
    return jwks


class PlatformClient:
    """The service calls to one platform; one access token per scope set is
    asked once per client."""

    def __init__(self, platform: LtiPlatform, *, session=None):
        self.platform = platform
        self.session = session or make_session()
        self._tokens: dict[str, str] = {}

    def token(self, scopes: list[str]) -> str:
        scope = " ".join(sorted(scopes))
        if scope not in self._tokens:
            response = _call(
                self.session,
                "POST",
                self.platform.auth_token_url,
                data={
                    "grant_type": "client_credentials",
                    "client_assertion_type": (
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                    ),
                    "client_assertion": client_assertion(self.platform),
                    "scope": scope,
                },
            )
            token = _json(response).get("access_token")
            if not token:
                raise PlatformError(
                    _("Platform tidak memberi access token."), retry=True
                )
            self._tokens[scope] = token
        return self._tokens[scope]

    def memberships(self, url: str) -> list[dict]:
        """Every member of the context (NRPS), following ``Link: rel=next``."""
        token = self.token([SCOPE_MEMBERSHIPS])
        members: list[dict] = []
        next_url: str | None = url
        pages = 0
        while next_url and pages < 1000:
            response = _call(
                self.session,
                "GET",
                next_url,
                headers={
                    "Authorization": f"Bearer {token}",
                    "Accept": MEMBERSHIPS_MEDIA_TYPE,
                },
            )
            members.extend(_json(response).get("members") or [])
            next_url = response.links.get("next", {}).get("url")
            pages += 1
        return members

    def post_score(self, lineitem_url: str, payload: dict) -> None:
        """Send one score to a line item (AGS): ``<lineitem>/scores``."""
        token = self.token([SCOPE_SCORE])
        base, _sep, query = lineitem_url.partition("?")
        url = base.rstrip("/") + "/scores" + (f"?{query}" if query else "")
        _call(
            self.session,
            "POST",
            url,
            json=payload,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": SCORE_MEDIA_TYPE,
            },
        )


def _call(session, method: str, url: str, **kwargs) -> requests.Response:
    timeout = settings.SIGAP_LTI_TIMEOUT
    try:
        response = session.request(method, url, timeout=timeout, **kwargs)
    except requests.Timeout as error:
        raise PlatformError(
            _(
                "Platform tidak menjawab dalam %(seconds)s detik (time-out); "
                "dicoba lagi nanti."
            )
            % {"seconds": f"{timeout:g}"},
            retry=True,
        ) from error
    except requests.RequestException as error:
        raise PlatformError(
            _("Platform tidak dapat dihubungi (%(error)s); dicoba lagi nanti.")
            % {"error": type(error).__name__},
            retry=True,
        ) from error
    status = response.status_code
    if status < 300:
        return response
    message = response.text[:300].strip()
    if status in (401, 403, 429) or status >= 500:
        raise PlatformError(
            _("Platform menjawab HTTP %(status)s: %(message)s; dicoba lagi nanti.")
            % {"status": status, "message": message},
            retry=True,
        )
    raise PlatformError(
        _("Platform menolak permintaan (HTTP %(status)s): %(message)s")
        % {"status": status, "message": message},
        retry=False,
    )


def _json(response: requests.Response) -> dict:
    try:
        data = response.json()
    except ValueError as error:
        raise PlatformError(_("Jawaban platform bukan JSON."), retry=True) from error
    return data if isinstance(data, dict) else {}
