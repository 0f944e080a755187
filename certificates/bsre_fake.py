"""A fake BSrE signing service for the tests and the demo: in-process, no network.

Mounted on a ``requests.Session`` as a transport adapter (like
``lms/hr/siasn_fake.py``). ``/api/sign/pdf`` checks basic auth, a 16-digit NIK and
the passphrase, then really signs the PDF (PAdES, with a throwaway self-signed key
made once per process); ``/api/sign/verify`` validates the signature with pyHanko
and answers what BSrE answers: validity and the signer. It can be told to fail the
next calls: ``FAKE.fail_next("timeout" | "500" | "401")``.
"""

import functools
import io
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from lms.fake_http import json_response, multipart_fields

NIK = re.compile(r"^\d{16}$")
FAKE_PASSWORD = "fake-bsre"  # noqa: S105 (a throwaway key, tests and demo only)


@dataclass
class FakeBsre:
    """The fake's memory: the calls seen, failures queued for the next calls, the
    passphrase it expects (any, when empty)."""

    calls: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    passphrase: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.failures.clear()
            self.passphrase = ""

    def fail_next(self, *modes: str) -> None:
        with self.lock:
            self.failures.extend(modes)


FAKE = FakeBsre()


def mount_fake(session: requests.Session, fake: FakeBsre = FAKE) -> None:
    adapter = FakeBsreAdapter(fake)
    session.mount("https://", adapter)
    session.mount("http://", adapter)


@functools.cache
def _fake_signer():
    # in-function: only the fake signs; pyHanko is slow to import.
    from .signing import Pkcs12Signer, create_self_signed_p12

    with tempfile.TemporaryDirectory() as folder:
        path = create_self_signed_p12(
            path=Path(folder) / "bsre-palsu.p12",
            password=FAKE_PASSWORD,
            common_name="Pejabat Penanda Tangan (BSrE palsu)",
            organisation="Balai Sertifikasi Elektronik (palsu)",
        )
        return Pkcs12Signer(path=path, password=FAKE_PASSWORD)


class FakeBsreAdapter(BaseAdapter):
    def __init__(self, fake: FakeBsre):
        super().__init__()
        self.fake = fake

    def close(self) -> None:
        pass

    def send(self, request, stream=False, timeout=None, **kwargs):
        if timeout is None:
            raise AssertionError("every BSrE call must have a time-out")
        path = urlsplit(request.url).path
        with self.fake.lock:
            self.fake.calls.append(path)
            mode = self.fake.failures.pop(0) if self.fake.failures else ""
        if mode == "timeout":
            raise requests.ReadTimeout("fake BSrE: no answer")
        if mode == "500":
            return json_response(request, 500, {"error": "Internal Server Error"})
        if mode == "401" or not request.headers.get("Authorization", "").startswith(
            "Basic "
        ):
            return json_response(request, 401, {"error": "Unauthorized"})
        parts = multipart_fields(request)
        if request.method == "POST" and path.endswith("/api/sign/pdf"):
            return self._sign(request, parts)
        if request.method == "POST" and path.endswith("/api/sign/verify"):
            return self._verify(request, parts)
        return json_response(request, 404, {"error": "Not Found"})

    def _sign(self, request, parts: dict[str, bytes]):
        pdf = parts.get("file", b"")
        if not pdf.startswith(b"%PDF"):
            return json_response(request, 400, {"error": "File harus PDF"})
        if not NIK.match(parts.get("nik", b"").decode()):
            return json_response(request, 400, {"error": "NIK tidak terdaftar"})
        passphrase = parts.get("passphrase", b"").decode()
        if not passphrase or (
            self.fake.passphrase and passphrase != self.fake.passphrase
        ):
            return json_response(request, 400, {"error": "Passphrase anda salah"})
        signed = _fake_signer().sign(
            pdf,
            reason=parts.get("reason", b"").decode(),
            location=parts.get("location", b"").decode(),
        )
        response = json_response(request, 200, {})
        response._content = signed.data
        response.headers = CaseInsensitiveDict({"Content-Type": "application/pdf"})
        return response

    def _verify(self, request, parts: dict[str, bytes]):
        # in-function: only the fake validates; pyHanko is slow to import.
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext

        pdf = parts.get("signed_file", b"")
        try:
            signatures = PdfFileReader(
                io.BytesIO(pdf), strict=False
            ).embedded_signatures
        except Exception:  # noqa: BLE001 (any unreadable file is "not a PDF")
            return json_response(request, 400, {"error": "File harus PDF"})
        trust = ValidationContext(trust_roots=[_fake_signer()._signer.signing_cert])
        details = []
        for signature in signatures:
            status = validate_pdf_signature(signature, trust)
            details.append(
                {
                    "signer_name": status.signing_cert.subject.native.get(
                        "common_name", ""
                    ),
                    "valid": bool(status.intact and status.valid and status.trusted),
                    "modified": status.coverage.name != "ENTIRE_FILE",
                }
            )
        return json_response(
            request,
            200,
            {
                "conclusion": "VALID"
                if details and all(d["valid"] and not d["modified"] for d in details)
                else "NO_SIGNATURE"
                if not details
                else "INVALID",
                "signature_count": len(details),
                "details": details,
            },
        )
