"""The adapter to the national personnel system (SIASN, BKN): course history.

A small client shaped like SIASN's API: an OAuth2 client-credentials token from
the API gateway (``Authorization: Bearer``), a token from SIASN's SSO (``Auth:
bearer``), then ``POST /apisiasn/1.0/upload-dok-rw`` for the certificate PDF and
``POST /apisiasn/1.0/kursus/save`` for the record. Every call has a time-out.
Failures become ``SiasnError`` with a message for HR in Indonesian and whether
trying again later may help. ``lms.hr.siasn_sync`` decides what to send and when.
"""

import time
from dataclasses import dataclass

import requests
from django.conf import settings
from django.utils.translation import gettext as _

SAVE_PATH = "/apisiasn/1.0/kursus/save"
UPLOAD_PATH = "/apisiasn/1.0/upload-dok-rw"
HISTORY_PATH = "/apisiasn/1.0/pns/rw-kursus/{nip}"
# Tokens are renewed this many seconds before the server says they expire.
TOKEN_MARGIN = 30


class SiasnError(Exception):
    """A call to SIASN failed. ``message`` is for HR (Indonesian); ``retry`` says
    whether the same call may succeed later (time-out, 5xx, 401) or needs a
    person to change something first (a refused record); ``ambiguous`` that the
    server may have stored it even so (a time-out or a 5xx after sending)."""

    def __init__(self, message: str, *, retry: bool, ambiguous: bool = False):
        super().__init__(message)
        self.message = message
        self.retry = retry
        self.ambiguous = ambiguous


def is_enabled() -> bool:
    """Whether the sync is configured (off while ``SIGAP_SIASN_BASE_URL`` is empty)."""
    return bool(settings.SIGAP_SIASN_BASE_URL)


@dataclass
class _Token:
    value: str
    expires_at: float


class SiasnClient:
    """One agency's connection to SIASN, configured by the ``SIGAP_SIASN_*``
    settings; ``session`` may be given (the fake mounts itself on one)."""

    def __init__(self, *, session: requests.Session | None = None):
        self.base_url = settings.SIGAP_SIASN_BASE_URL
        self.timeout = settings.SIGAP_SIASN_TIMEOUT
        self.session = session or default_session()
        self._gateway: _Token | None = None
        self._sso: _Token | None = None

    # --- the calls -------------------------------------------------------------

    def upload_document(self, pdf: bytes, *, filename: str = "sertifikat.pdf") -> dict:
        """Upload the certificate PDF; the document reference SIASN returns goes
        into the record's ``path`` list."""
        data = self._call(
            "POST",
            UPLOAD_PATH,
            data={"id_ref_dokumen": settings.SIGAP_SIASN_DOK_ID},
            files={"file": (filename, pdf, "application/pdf")},
        )
        reference = data.get("data") if isinstance(data, dict) else None
        if not isinstance(reference, dict) or not reference.get("dok_uri"):
            raise SiasnError(
                _("SIASN tidak mengembalikan rujukan dokumen sertifikat."), retry=True
            )
        return reference

    def save_course(self, record: dict) -> str:
        """Save a course record (with ``id`` it replaces that record); the id
        SIASN gives it."""
        data = self._call("POST", SAVE_PATH, json=record)
        remote = data.get("mapData", {}) if isinstance(data, dict) else {}
        remote_id = (remote or {}).get("rwKursusId") or record.get("id")
        if not remote_id:
            raise SiasnError(
                _("SIASN menerima data tetapi tidak mengembalikan ID riwayat."),
                retry=True,
                ambiguous=True,
            )
        return str(remote_id)

    def find_course(self, *, nip: str, certificate_number: str) -> str | None:
        """The id of the person's course record with this certificate number, if
        SIASN has one (asked before sending again after an unclear failure)."""
        data = self._call("GET", HISTORY_PATH.format(nip=nip))
        rows = data.get("data") if isinstance(data, dict) else None
        for row in rows or []:
            if row.get("nomorSertipikat") == certificate_number and row.get("id"):
                return str(row["id"])
        return None

    # --- plumbing ----------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs) -> dict:
        headers = {
            "Authorization": f"Bearer {self._gateway_token()}",
            "Accept": "application/json",
        }
        if settings.SIGAP_SIASN_SSO_URL:
            headers["Auth"] = f"bearer {self._sso_token()}"
        response = self._send(method, self.base_url + path, headers=headers, **kwargs)
        if response.status_code == 401:
            # A token revoked early: forget both so the next call asks again.
            self._gateway = self._sso = None
        return _json_or_error(response)

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        try:
            return self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as error:
            raise SiasnError(
                _("SIASN tidak menjawab dalam %(seconds)s detik (time-out).")
                % {"seconds": f"{self.timeout:g}"},
                retry=True,
                ambiguous=method != "GET",
            ) from error
        except requests.RequestException as error:
            raise SiasnError(
                _("SIASN tidak dapat dihubungi: %(error)s")
                % {"error": type(error).__name__},
                retry=True,
            ) from error

    def _gateway_token(self) -> str:
        if self._gateway is None or self._gateway.expires_at <= time.monotonic():
            url = settings.SIGAP_SIASN_TOKEN_URL or f"{self.base_url}/oauth2/token"
            self._gateway = self._token(
                url,
                {"grant_type": "client_credentials"},
                auth=(
                    settings.SIGAP_SIASN_CLIENT_ID,
                    settings.SIGAP_SIASN_CLIENT_SECRET,
                ),
            )
        return self._gateway.value

    def _sso_token(self) -> str:
        if self._sso is None or self._sso.expires_at <= time.monotonic():
            client_id = (
                settings.SIGAP_SIASN_SSO_CLIENT_ID or settings.SIGAP_SIASN_CLIENT_ID
            )
            if settings.SIGAP_SIASN_USERNAME:
                form = {
                    "grant_type": "password",
                    "client_id": client_id,
                    "username": settings.SIGAP_SIASN_USERNAME,
                    "password": settings.SIGAP_SIASN_PASSWORD,
                }
            else:
                form = {
                    "grant_type": "client_credentials",
                    "client_id": client_id,
                    "client_secret": settings.SIGAP_SIASN_CLIENT_SECRET,
                }
            self._sso = self._token(settings.SIGAP_SIASN_SSO_URL, form)
        return self._sso.value

    def _token(self, url: str, form: dict, auth=None) -> _Token:
        response = self._send("POST", url, data=form, auth=auth)
        if response.status_code in (400, 401, 403):
            raise SiasnError(
                _(
                    "Kredensial SIASN ditolak (HTTP %(status)s): periksa "
                    "SIGAP_SIASN_CLIENT_ID, SIGAP_SIASN_CLIENT_SECRET dan akun SSO."
                )
                % {"status": response.status_code},
                retry=True,
            )
        data = _json_or_error(response)
        token = data.get("access_token") if isinstance(data, dict) else None
        if not token:
            raise SiasnError(_("SIASN tidak memberikan token akses."), retry=True)
        lifetime = int(data.get("expires_in") or 300)
        return _Token(token, time.monotonic() + max(lifetime - TOKEN_MARGIN, 1))


def _server_message(response: requests.Response) -> str:
    """What the server said, short: its JSON message if any, else the text."""
    try:
        data = response.json()
    except ValueError:
        return response.text[:300].strip()
    if isinstance(data, dict):
        for key in ("message", "error_description", "error", "data"):
            if data.get(key):
                return str(data[key])[:300]
    return str(data)[:300]


def _json_or_error(response: requests.Response) -> dict:
    status = response.status_code
    if status == 401:
        raise SiasnError(
            _("SIASN menolak akses (HTTP 401): token atau kredensial tidak berlaku."),
            retry=True,
        )
    if status == 429 or status >= 500:
        raise SiasnError(
            _("SIASN sedang bermasalah (HTTP %(status)s): %(message)s")
            % {"status": status, "message": _server_message(response)},
            retry=True,
            ambiguous=status != 429,
        )
    if status >= 400:
        raise SiasnError(
            _("SIASN menolak data (HTTP %(status)s): %(message)s")
            % {"status": status, "message": _server_message(response)},
            retry=False,
        )
    try:
        data = response.json()
    except ValueError as error:
        raise SiasnError(
            _("Jawaban SIASN tidak dapat dibaca (bukan JSON)."),
            retry=True,
            ambiguous=True,
        ) from error
    if isinstance(data, dict) and data.get("success") is False:
        raise SiasnError(
            _("SIASN menolak data: %(message)s")
            % {"message": _server_message(response)},
            retry=False,
        )
    return data


def default_session() -> requests.Session:
    """A plain session, or one answered in-process by the fake (demo, tests)."""
    session = requests.Session()
    if settings.SIGAP_SIASN_FAKE:
        from .siasn_fake import mount_fake  # in-function: demo and tests only

        mount_fake(session)
    return session
