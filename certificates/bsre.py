"""The certificate PDF signed by a remote service shaped like BSrE's eSign API.

BSrE (Balai Sertifikasi Elektronik, BSSN) signs a PDF for a registered official:
``POST /api/sign/pdf`` (multipart: ``file``, ``nik``, ``passphrase``,
``tampilan=invisible``; basic auth) answers the signed PDF; ``POST
/api/sign/verify`` (``signed_file``) answers JSON about its signatures. On when
``SIGAP_BSRE_URL`` is set (``signing.get_signer``). Every call has a time-out; a
failure raises ``SigningError`` with a message in Indonesian, so the certificate
stays without a PDF and the next issuing run (``issue_missing_certificates``)
signs it again: nothing is stored unsigned by mistake, nothing is lost.
"""

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from .signing import SignedPdf, SigningError

SIGN_PATH = "/api/sign/pdf"
VERIFY_PATH = "/api/sign/verify"


def is_enabled() -> bool:
    return bool(settings.SIGAP_BSRE_URL)


def default_session() -> requests.Session:
    """A plain session, or one answered in-process by the fake (demo, tests)."""
    session = requests.Session()
    if settings.SIGAP_BSRE_FAKE:
        from .bsre_fake import mount_fake  # in-function: demo and tests only

        mount_fake(session)
    return session


class BsreSigner:
    """A ``Signer`` that asks the remote service to sign each PDF."""

    def __init__(self, *, session: requests.Session | None = None):
        self.base_url = settings.SIGAP_BSRE_URL
        self.timeout = settings.SIGAP_BSRE_TIMEOUT
        self.session = session or default_session()

    def sign(self, pdf: bytes, *, reason: str, location: str) -> SignedPdf:
        response = self._post(
            SIGN_PATH,
            data={
                "nik": settings.SIGAP_BSRE_NIK,
                "passphrase": settings.SIGAP_BSRE_PASSPHRASE,
                "tampilan": "invisible",
                "reason": reason,
                "location": location,
            },
            files={"file": ("sertifikat.pdf", pdf, "application/pdf")},
        )
        if response.status_code != 200:
            raise SigningError(_refusal(response))
        if not response.content.startswith(b"%PDF"):
            raise SigningError(
                _("Layanan tanda tangan elektronik tidak mengembalikan berkas PDF.")
            )
        return SignedPdf(
            data=response.content,
            signed=True,
            signer_info=_("BSrE, NIK %(nik)s")
            % {"nik": _masked(settings.SIGAP_BSRE_NIK)},
        )

    def verify(self, pdf: bytes) -> dict:
        """The service's view of a signed PDF (``valid``, signer details)."""
        response = self._post(
            VERIFY_PATH,
            files={"signed_file": ("sertifikat.pdf", pdf, "application/pdf")},
        )
        if response.status_code != 200:
            raise SigningError(_refusal(response))
        try:
            data = response.json()
        except ValueError as error:
            raise SigningError(
                _("Layanan tanda tangan elektronik menjawab dengan data rusak.")
            ) from error
        return data if isinstance(data, dict) else {}

    def _post(self, path: str, **kwargs) -> requests.Response:
        try:
            return self.session.post(
                self.base_url + path,
                auth=(settings.SIGAP_BSRE_USERNAME, settings.SIGAP_BSRE_PASSWORD),
                timeout=self.timeout,
                **kwargs,
            )
        except requests.Timeout as error:
            raise SigningError(
                _(
                    "Layanan tanda tangan elektronik tidak menjawab dalam "
                    "%(seconds)s detik; sertifikat akan ditandatangani pada "
                    "percobaan berikutnya."
                )
                % {"seconds": f"{self.timeout:g}"}
            ) from error
        except requests.RequestException as error:
            raise SigningError(
                _(
                    "Layanan tanda tangan elektronik tidak dapat dihubungi "
                    "(%(error)s); sertifikat akan ditandatangani pada percobaan "
                    "berikutnya."
                )
                % {"error": type(error).__name__}
            ) from error


def _masked(nik: str) -> str:
    return nik[:4] + "*" * max(0, len(nik) - 8) + nik[-4:] if len(nik) > 8 else "****"


def _refusal(response: requests.Response) -> str:
    try:
        data = response.json()
        detail = str(data.get("error") or data.get("message") or "")[:200]
    except (ValueError, AttributeError):
        detail = ""
    if response.status_code == 401:
        return _(
            "Layanan tanda tangan elektronik menolak akun Sigap (401): periksa "
            "SIGAP_BSRE_USERNAME dan SIGAP_BSRE_PASSWORD."
        )
    return _(
        "Layanan tanda tangan elektronik menolak permintaan (%(status)s): %(detail)s"
    ) % {"status": response.status_code, "detail": detail or "-"}
