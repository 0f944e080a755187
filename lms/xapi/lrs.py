"""The adapter to a learning record store: ``POST <SIGAP_XAPI_LRS_URL>/statements``
with an array of statements, ``X-Experience-API-Version: 2.0.0``, basic auth,
and a time-out. Failures become ``LrsError`` with a message for administrators
in Indonesian and whether trying again later may help."""

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from .statements import XAPI_VERSION


class LrsError(Exception):
    """A call to the LRS failed; ``retry``: a time-out, 5xx, 429 or refused
    credentials (may pass), not a statement the LRS refuses (400, 409)."""

    def __init__(self, message: str, *, retry: bool):
        super().__init__(message)
        self.message = message
        self.retry = retry


class LrsClient:
    """One LRS, configured by ``SIGAP_XAPI_LRS_*``; ``session`` may be given
    (the tests' fake mounts itself on one)."""

    def __init__(self, *, session: requests.Session | None = None):
        self.url = settings.SIGAP_XAPI_LRS_URL.rstrip("/") + "/statements"
        self.timeout = settings.SIGAP_XAPI_LRS_TIMEOUT
        self.session = session or requests.Session()

    def send(self, statements: list[dict]) -> None:
        """Store ``statements`` (all or none, as an LRS does for a batch)."""
        auth = None
        if settings.SIGAP_XAPI_LRS_USERNAME:
            auth = (settings.SIGAP_XAPI_LRS_USERNAME, settings.SIGAP_XAPI_LRS_PASSWORD)
        try:
            response = self.session.post(
                self.url,
                json=statements,
                auth=auth,
                timeout=self.timeout,
                headers={
                    "X-Experience-API-Version": XAPI_VERSION,
                    "Accept": "application/json",
                },
            )
        except requests.Timeout as error:
            raise LrsError(
                _(
                    "LRS tidak menjawab dalam %(seconds)s detik (time-out); "
                    "pernyataan tetap antre dan dikirim lagi nanti."
                )
                % {"seconds": f"{self.timeout:g}"},
                retry=True,
            ) from error
        except requests.RequestException as error:
            raise LrsError(
                _(
                    "LRS tidak dapat dihubungi (%(error)s); pernyataan tetap antre "
                    "dan dikirim lagi nanti."
                )
                % {"error": type(error).__name__},
                retry=True,
            ) from error
        status = response.status_code
        if status < 300:
            return
        message = _server_message(response)
        if status in (401, 403):
            raise LrsError(
                _(
                    "LRS menolak akses (HTTP %(status)s): periksa "
                    "SIGAP_XAPI_LRS_USERNAME dan SIGAP_XAPI_LRS_PASSWORD."
                )
                % {"status": status},
                retry=True,
            )
        if status == 429 or status >= 500:
            raise LrsError(
                _(
                    "LRS sedang bermasalah (HTTP %(status)s): %(message)s; "
                    "pernyataan tetap antre dan dikirim lagi nanti."
                )
                % {"status": status, "message": message},
                retry=True,
            )
        raise LrsError(
            _("LRS menolak pernyataan (HTTP %(status)s): %(message)s")
            % {"status": status, "message": message},
            retry=False,
        )


def _server_message(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:300].strip()
    if isinstance(data, dict):
        for key in ("message", "detail", "error", "errors"):
            if data.get(key):
                return str(data[key])[:300]
    return str(data)[:300]
