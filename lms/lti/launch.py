"""The LTI 1.3 launch, checked: the OIDC login initiation (a third-party
initiated login) and the id_token the platform posts back: a resource link
launch (``LtiResourceLinkRequest``) or a deep linking request
(``LtiDeepLinkingRequest``, Deep Linking 2.0), both through the same checks.

What protects the launch (it is a cross-site POST, so Django's CSRF token
cannot): the ``state`` Sigap made at the login initiation, stored server-side
and usable once, and for a resource link launch the cookie that ties it to the
browser that started the login; the ``nonce`` it made then, which the id_token
must carry; and
the id_token's RS256 signature by a key of the registered platform's JWKS, its
issuer, audience (our client ID), deployment, and time window. Any launch that
fails one of these is refused with a reason (``LaunchRefused.code``).
"""

import datetime
import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import jwt
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .client import PlatformError, platform_jwks
from .models import LtiDeployment, LtiLaunchState, LtiPlatform

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
CLAIM_NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
CLAIM_AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
CLAIM_DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest"
DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest"
# A login initiation must come back as a launch within this time.
STATE_SECONDS = 600
# Clock difference tolerated between the platform and Sigap.
LEEWAY_SECONDS = 60
# The cookie set at the login initiation, named with its state (state_cookie_name).
STATE_COOKIE_PREFIX = "sigap_lti_"
# LTI 1.3: ``sub`` "MUST NOT exceed 255 ASCII characters in length".
SUB_MAX_LENGTH = 255
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Claims that are JSON objects when present; anything else is dropped, as if the
# platform had not sent it (each is optional, or checked as missing below).
OBJECT_CLAIMS = (
    CLAIM + "context",
    CLAIM + "resource_link",
    CLAIM + "custom",
    CLAIM + "launch_presentation",
    CLAIM_NRPS,
    CLAIM_AGS,
)


class LaunchRefused(Exception):
    """A launch or login initiation that is not believed; ``code`` names the
    check that failed (for the audit trail), ``message`` says it in Indonesian."""

    def __init__(self, code: str, message: str, *, issuer: str = "", status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.issuer = issuer
        self.status = status


def claim_text(value, max_length: int) -> str:
    """A claim's text as Sigap keeps it: a string or a number written out
    (anything else is empty), without control characters (PostgreSQL stores no
    NUL), cut to the column it goes into."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return ""
    return CONTROL_CHARACTERS.sub("", str(value)).strip()[:max_length]


def claim_strings(value) -> list[str]:
    """A claim that is a list of texts (roles, scopes): its texts only."""
    return (
        [item for item in value if isinstance(item, str)]
        if isinstance(value, list)
        else []
    )


def _well_formed(claims: dict, *, issuer: str) -> dict:
    """The claims with each object claim an object and the roles strings only;
    refused when ``sub`` is not a short text (it names the person for good)."""
    sub = claims.get("sub")
    if (
        not isinstance(sub, str)
        or not sub.strip()
        or len(sub) > SUB_MAX_LENGTH
        or CONTROL_CHARACTERS.search(sub)
    ):
        raise LaunchRefused(
            "invalid_claim",
            _("Klaim %(claim)s tidak sah: %(rule)s.")
            % {
                "claim": "sub",
                "rule": _("teks 1–255 karakter tanpa karakter kontrol"),
            },
            issuer=issuer,
        )
    clean = {
        name: value
        for name, value in claims.items()
        if name not in OBJECT_CLAIMS or isinstance(value, dict)
    }
    clean[CLAIM + "roles"] = claim_strings(claims[CLAIM + "roles"])
    if not isinstance(clean.get(CLAIM + "target_link_uri"), str):
        clean.pop(CLAIM + "target_link_uri", None)
    return clean


def launch_url() -> str:
    return settings.SITE_URL + reverse("lti:launch")


def state_cookie_name(state: str) -> str:
    """The cookie that ties a login's ``state`` to the browser that started it:
    one per login, so that two launches in two tabs do not overwrite each other."""
    return STATE_COOKIE_PREFIX + state


@dataclass(frozen=True)
class LoginRedirect:
    """Where the login initiation sends the browser, and the state it started."""

    url: str
    state: str


def start_login(params) -> LoginRedirect:
    """The OIDC authentication request to send the browser to, for the login
    initiation ``params`` (``iss``, ``login_hint``, ``target_link_uri``, and
    optionally ``client_id``, ``lti_message_hint``, ``lti_deployment_id``)."""
    issuer = params.get("iss", "")
    login_hint = params.get("login_hint", "")
    target = params.get("target_link_uri", "")
    if not issuer or not login_hint or not target:
        raise LaunchRefused(
            "login_incomplete",
            _("Permintaan login LTI tidak lengkap (iss, login_hint, target_link_uri)."),
            issuer=issuer,
        )
    platforms = LtiPlatform.objects.filter(issuer=issuer, active=True)
    if params.get("client_id"):
        platforms = platforms.filter(client_id=params["client_id"])
    found = list(platforms[:2])
    if len(found) != 1:
        raise LaunchRefused(
            "unknown_platform",
            _("Platform %(issuer)s tidak terdaftar di Sigap.") % {"issuer": issuer},
            issuer=issuer,
        )
    platform = found[0]
    if not (target == settings.SITE_URL or target.startswith(settings.SITE_URL + "/")):
        raise LaunchRefused(
            "foreign_target",
            _("Tujuan peluncuran bukan alamat Sigap."),
            issuer=issuer,
        )
    state = LtiLaunchState.objects.create(
        platform=platform,
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        target_link_uri=target,
    )
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": launch_url(),
        "login_hint": login_hint,
        "state": state.state,
        "nonce": state.nonce,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if "?" in platform.auth_login_url else "?"
    return LoginRedirect(
        url=platform.auth_login_url + separator + urlencode(query), state=state.state
    )


@dataclass(frozen=True)
class Launch:
    """A launch that passed every check."""

    platform: LtiPlatform
    deployment: LtiDeployment
    claims: dict

    def claim(self, name: str, default=None):
        return self.claims.get(CLAIM + name, default)

    @property
    def message_type(self) -> str:
        return self.claims[CLAIM + "message_type"]

    @property
    def deep_linking_settings(self) -> dict:
        return self.claims.get(CLAIM_DL + "deep_linking_settings") or {}


def _consume_state(value: str) -> LtiLaunchState:
    """The login this launch answers, marked used now (whatever follows): a
    second launch with the same state is a replay."""
    if not value:
        raise LaunchRefused("missing_state", _("Peluncuran LTI tanpa state."))
    row = LtiLaunchState.objects.select_related("platform").filter(state=value).first()
    if row is None:
        raise LaunchRefused(
            "unknown_state",
            _("Peluncuran LTI tidak dikenal (state tidak dibuat oleh Sigap)."),
        )
    spend_once(
        row,
        replay=_("Peluncuran LTI ini sudah dipakai (nonce/state sekali pakai)."),
        expired=_("Peluncuran LTI kedaluwarsa; mulai lagi dari platform."),
    )
    return row


def spend_once(row, *, replay: str, expired: str) -> None:
    """Mark a one-time row (a login's state, a deep-linking picker's token) used
    now, whatever follows: a second use is refused as a replay, and one older
    than ``STATE_SECONDS`` as expired."""
    used = (
        type(row)
        .objects.filter(pk=row.pk, used_at__isnull=True)
        .update(used_at=timezone.now())
    )
    if not used:
        raise LaunchRefused("replay", replay, issuer=row.platform.issuer)
    if timezone.now() - row.created_at > datetime.timedelta(seconds=STATE_SECONDS):
        raise LaunchRefused("state_expired", expired, issuer=row.platform.issuer)


def _signing_key(platform: LtiPlatform, token: str):
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as error:
        raise LaunchRefused(
            "malformed", _("id_token bukan JWT yang sah."), issuer=platform.issuer
        ) from error
    if header.get("alg") != "RS256":
        raise LaunchRefused(
            "bad_algorithm",
            _("id_token harus ditandatangani dengan RS256."),
            issuer=platform.issuer,
        )
    kid = header.get("kid")
    try:
        for fresh in (False, True):
            jwks = jwt.PyJWKSet.from_dict(platform_jwks(platform, fresh=fresh))
            for key in jwks.keys:
                if kid is None or key.key_id == kid:
                    return key.key
    except PlatformError as error:
        raise LaunchRefused(
            "jwks_unavailable",
            _("Kunci publik platform tidak dapat diambil: %(reason)s")
            % {"reason": error.message},
            issuer=platform.issuer,
        ) from error
    except jwt.PyJWTError as error:
        raise LaunchRefused(
            "jwks_invalid",
            _("Kunci publik platform (JWKS) tidak sah."),
            issuer=platform.issuer,
        ) from error
    raise LaunchRefused(
        "unknown_key",
        _("id_token ditandatangani kunci yang tidak ada di JWKS platform."),
        issuer=platform.issuer,
    )


def _unverified_claims(token: str) -> dict:
    try:
        return jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as error:
        raise LaunchRefused("malformed", _("id_token bukan JWT yang sah.")) from error


def _check_deep_linking_settings(claims: dict, *, issuer: str) -> None:
    """A deep linking request must say where the answer goes and accept what
    Sigap answers with (LTI Deep Linking 2.0: ``deep_link_return_url``,
    ``accept_types``)."""
    settings_claim = claims.get(CLAIM_DL + "deep_linking_settings")
    if not isinstance(settings_claim, dict):
        raise LaunchRefused(
            "missing_claim",
            _("id_token tanpa klaim wajib %(claim)s.")
            % {"claim": "deep_linking_settings"},
            issuer=issuer,
        )
    return_url = settings_claim.get("deep_link_return_url")
    parts = (
        urlsplit(return_url)
        if isinstance(return_url, str) and return_url == claim_text(return_url, 1000)
        else None
    )
    if parts is None or parts.scheme not in ("https", "http") or not parts.netloc:
        raise LaunchRefused(
            "missing_claim",
            _("id_token tanpa klaim wajib %(claim)s.")
            % {"claim": "deep_link_return_url"},
            issuer=issuer,
        )
    data = settings_claim.get("data")
    if data is not None and not (
        isinstance(data, str) and len(data) <= 4096 and "\x00" not in data
    ):
        # Given back to the platform as it came; Sigap keeps it until then.
        raise LaunchRefused(
            "invalid_claim",
            _("Klaim %(claim)s tidak sah: %(rule)s.")
            % {"claim": "data", "rule": _("teks sampai 4096 karakter")},
            issuer=issuer,
        )
    accepted = settings_claim.get("accept_types")
    if not isinstance(accepted, list) or "ltiResourceLink" not in accepted:
        raise LaunchRefused(
            "unsupported_content",
            _(
                "Platform tidak menerima tautan LTI (ltiResourceLink), satu-satunya "
                "yang dapat dikirim Sigap."
            ),
            issuer=issuer,
        )


def validate_launch(*, id_token: str, state: str, cookies: dict) -> Launch:
    """The launch posted back with ``id_token`` and ``state`` by a browser with
    ``cookies``, checked; refused (``LaunchRefused``) at the first check it fails."""
    login = _consume_state(state)
    if not id_token:
        raise LaunchRefused("missing_token", _("Peluncuran LTI tanpa id_token."))
    unverified = _unverified_claims(id_token)
    issuer = str(unverified.get("iss", ""))
    platform = login.platform
    if not platform.active:
        raise LaunchRefused(
            "unknown_platform",
            _("Platform %(issuer)s tidak terdaftar di Sigap.") % {"issuer": issuer},
            issuer=issuer,
        )
    if issuer != platform.issuer:
        raise LaunchRefused(
            "wrong_issuer",
            _("Penerbit id_token (%(issuer)s) bukan platform yang memulai login.")
            % {"issuer": issuer},
            issuer=issuer,
        )
    key = _signing_key(platform, id_token)
    try:
        claims = jwt.decode(
            id_token,
            key,
            algorithms=["RS256"],
            audience=platform.client_id,
            issuer=platform.issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "iss", "aud", "sub", "nonce"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise LaunchRefused(
            "expired", _("id_token sudah kedaluwarsa."), issuer=issuer
        ) from error
    except jwt.ImmatureSignatureError as error:
        raise LaunchRefused(
            "not_yet_valid", _("id_token dibuat di masa depan (iat)."), issuer=issuer
        ) from error
    except jwt.InvalidAudienceError as error:
        raise LaunchRefused(
            "wrong_audience",
            _("id_token bukan untuk Sigap (aud bukan client ID terdaftar)."),
            issuer=issuer,
        ) from error
    except jwt.MissingRequiredClaimError as error:
        raise LaunchRefused(
            "missing_claim",
            _("id_token tanpa klaim wajib %(claim)s.") % {"claim": error.claim},
            issuer=issuer,
        ) from error
    except jwt.InvalidSignatureError as error:
        raise LaunchRefused(
            "bad_signature",
            _("Tanda tangan id_token tidak cocok dengan kunci platform."),
            issuer=issuer,
        ) from error
    except jwt.PyJWTError as error:
        raise LaunchRefused(
            "invalid_token",
            _("id_token tidak sah: %(reason)s") % {"reason": str(error)},
            issuer=issuer,
        ) from error
    if not isinstance(claims.get("iat"), int | float) or claims["iat"] > (
        timezone.now().timestamp() + LEEWAY_SECONDS
    ):
        raise LaunchRefused(
            "not_yet_valid", _("id_token dibuat di masa depan (iat)."), issuer=issuer
        )
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != platform.client_id:
        raise LaunchRefused(
            "wrong_audience",
            _("id_token untuk beberapa penerima tanpa azp Sigap."),
            issuer=issuer,
        )
    if claims["nonce"] != login.nonce:
        raise LaunchRefused(
            "wrong_nonce",
            _("Nonce id_token bukan yang dibuat Sigap untuk login ini."),
            issuer=issuer,
        )
    deployment_id = claims.get(CLAIM + "deployment_id")
    deployment = (
        LtiDeployment.objects.filter(
            platform=platform, deployment_id=deployment_id
        ).first()
        if isinstance(deployment_id, str)
        and deployment_id == claim_text(deployment_id, 255)
        else None
    )
    if deployment is None:
        raise LaunchRefused(
            "unknown_deployment",
            _("Deployment %(id)s tidak terdaftar untuk platform ini.")
            % {"id": claim_text(deployment_id, 255) or "-"},
            issuer=issuer,
        )
    if claims.get(CLAIM + "version") != "1.3.0":
        raise LaunchRefused(
            "missing_claim",
            _("Klaim %(claim)s harus %(value)s.")
            % {"claim": "version", "value": "1.3.0"},
            issuer=issuer,
        )
    message_type = claims.get(CLAIM + "message_type")
    if message_type == RESOURCE_LINK_REQUEST:
        link = claims.get(CLAIM + "resource_link")
        if not isinstance(link, dict) or not claim_text(link.get("id"), 255):
            raise LaunchRefused(
                "missing_claim",
                _("id_token tanpa klaim wajib %(claim)s.") % {"claim": "resource_link"},
                issuer=issuer,
            )
        if cookies.get(state_cookie_name(login.state)) != "1":
            # A resource link launch signs its person in: only in the browser that
            # started its login, or someone could sign a victim in as themselves
            # (login CSRF) with a fresh id_token and state of their own. Deep
            # linking signs nobody in and runs in the platform's frame, where a
            # browser may withhold cookies, so it is not asked.
            raise LaunchRefused(
                "state_not_in_browser",
                _(
                    "Peluncuran ini tidak dimulai di peramban ini (cookie peluncuran "
                    "tidak ada). Buka kursus lagi dari platform. Bila Sigap tampil di "
                    "dalam bingkai halaman platform, minta admin platform membukanya "
                    "di jendela baru."
                ),
                issuer=issuer,
            )
    elif message_type == DEEP_LINKING_REQUEST:
        _check_deep_linking_settings(claims, issuer=issuer)
    else:
        raise LaunchRefused(
            "missing_claim",
            _("Klaim %(claim)s harus %(value)s.")
            % {
                "claim": "message_type",
                "value": f"{RESOURCE_LINK_REQUEST} / {DEEP_LINKING_REQUEST}",
            },
            issuer=issuer,
        )
    if not isinstance(claims.get(CLAIM + "roles"), list):
        raise LaunchRefused(
            "missing_claim",
            _("id_token tanpa klaim wajib %(claim)s.") % {"claim": "roles"},
            issuer=issuer,
        )
    return Launch(
        platform=platform,
        deployment=deployment,
        claims=_well_formed(claims, issuer=issuer),
    )
