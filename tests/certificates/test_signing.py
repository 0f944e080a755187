"""PAdES signing behind the Signer seam, validated with pyHanko's own validator."""

import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from certificates.signing import (
    Pkcs12Signer,
    UnsignedSigner,
    create_self_signed_p12,
    get_signer,
)


@pytest.fixture
def signing_key(settings, tmp_path):
    path = create_self_signed_p12(
        path=tmp_path / "uji.p12", password="rahasia", common_name="Penanda Uji"
    )
    settings.SIGAP_SIGNING_P12_PATH = str(path)
    settings.SIGAP_SIGNING_P12_PASSWORD = "rahasia"
    return path


def test_configured_key_signs_the_certificate_and_pyhanko_validates_it(
    signing_key, completed
):
    from certificates.services import issue_certificate

    certificate = issue_certificate(enrolment=completed)
    assert certificate.signed and "Penanda Uji" in certificate.signature_info
    with certificate.pdf.open("rb") as handle:
        reader = PdfFileReader(io.BytesIO(handle.read()))
    signature = reader.embedded_signatures[0]
    trust_root = Pkcs12Signer(path=signing_key, password="rahasia")._signer.signing_cert
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[trust_root])
    )
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"


def test_without_a_key_certificates_are_unsigned_and_the_page_says_so(
    settings, certificate, client
):
    settings.SIGAP_SIGNING_P12_PATH = ""
    assert isinstance(get_signer(), UnsignedSigner)
    assert certificate.signed is False
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "tidak ditandatangani secara elektronik" in page


def test_demo_key_is_used_only_in_debug(settings, tmp_path):
    from certificates.signing import reset_signer

    settings.SIGAP_SIGNING_P12_PATH = ""
    settings.SIGAP_DEMO_SIGNING_P12_PATH = str(tmp_path / "demo.p12")
    create_self_signed_p12(
        path=tmp_path / "demo.p12",
        password=settings.SIGAP_DEMO_SIGNING_P12_PASSWORD,
        common_name="Demo",
    )
    settings.LOCAL = False  # production: DEBUG and SIGAP_DEMO both off
    reset_signer()
    assert isinstance(get_signer(), UnsignedSigner)
    settings.LOCAL = True  # DEBUG=1 or SIGAP_DEMO=1 (make demo)
    reset_signer()
    assert isinstance(get_signer(), Pkcs12Signer)
