"""The BSrE-shaped remote signer, against the in-process fake (no network)."""

import io
import logging

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from certificates.bsre import BsreSigner
from certificates.bsre_fake import FAKE, _fake_signer
from certificates.models import Certificate
from certificates.services import issue_certificate
from certificates.signing import Pkcs12Signer, SigningError, get_signer
from certificates.tasks import issue_certificate_task


@pytest.fixture
def bsre(settings):
    settings.SIGAP_BSRE_URL = "https://esign-palsu.invalid"
    settings.SIGAP_BSRE_FAKE = True
    settings.SIGAP_BSRE_USERNAME = "sigap"
    settings.SIGAP_BSRE_PASSWORD = "rahasia"
    settings.SIGAP_BSRE_NIK = "3171012345678901"
    settings.SIGAP_BSRE_PASSPHRASE = "frasa-sandi"
    settings.SIGAP_BSRE_TIMEOUT = 5
    FAKE.reset()
    yield FAKE
    FAKE.reset()


def pdf_of(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_off_unless_configured(settings):
    settings.SIGAP_BSRE_URL = ""
    settings.SIGAP_SIGNING_P12_PATH = ""
    assert not isinstance(get_signer(), BsreSigner)


def test_certificate_pdf_is_signed_by_the_service_and_validates(bsre, completed):
    certificate = issue_certificate(enrolment=completed)
    assert isinstance(get_signer(), BsreSigner)
    assert certificate.signed and "BSrE" in certificate.signature_info
    assert "3171" in certificate.signature_info
    assert "12345678" not in certificate.signature_info  # NIK masked
    assert bsre.calls == ["/api/sign/pdf"]
    # Independently of the fake's own answer: pyHanko finds an intact signature.
    signature = PdfFileReader(io.BytesIO(pdf_of(certificate))).embedded_signatures[0]
    trust = ValidationContext(trust_roots=[_fake_signer()._signer.signing_cert])
    status = validate_pdf_signature(signature, trust)
    assert status.intact and status.valid
    assert BsreSigner().verify(pdf_of(certificate))["conclusion"] == "VALID"


def test_an_altered_signed_pdf_does_not_verify(bsre, completed):
    certificate = issue_certificate(enrolment=completed)
    altered = pdf_of(certificate).replace(b"SERTIFIKAT", b"SERTIFIKAX", 1)
    answer = BsreSigner().verify(altered + b"\n%tambahan\n")
    assert answer["conclusion"] != "VALID"


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        ("timeout", "tidak menjawab dalam 5 detik"),
        ("500", r"menolak permintaan \(500\)"),
        ("401", r"menolak akun Sigap \(401\)"),
    ],
)
def test_service_down_or_slow_leaves_the_certificate_unrendered_then_signed_later(
    bsre, completed, failure, message
):
    bsre.fail_next(failure)
    with pytest.raises(SigningError, match=message):
        issue_certificate(enrolment=completed)
    certificate = Certificate.objects.get(enrolment=completed)
    assert not certificate.pdf and not certificate.signed  # nothing stored unsigned
    # The next run (issue_missing_certificates queues it) finishes the same one.
    again = issue_certificate(enrolment=completed)
    assert again.pk == certificate.pk and again.signed and again.pdf


def test_wrong_passphrase_is_refused_with_the_services_reason(
    bsre, settings, completed
):
    bsre.passphrase = "yang-benar"
    with pytest.raises(SigningError, match="Passphrase anda salah"):
        issue_certificate(enrolment=completed)


def test_the_issuing_task_logs_and_keeps_the_certificate_for_the_next_run(
    bsre, completed, caplog
):
    bsre.fail_next("timeout")
    with caplog.at_level(logging.WARNING, logger="certificates.tasks"):
        assert issue_certificate_task.call(completed.pk) is None
    assert "tidak menjawab" in caplog.text
    assert Certificate.objects.filter(enrolment=completed, pdf="").count() == 1


def test_the_bsre_service_wins_over_a_local_key(bsre, settings, tmp_path):
    from certificates.signing import create_self_signed_p12

    settings.SIGAP_SIGNING_P12_PATH = str(
        create_self_signed_p12(path=tmp_path / "k.p12", password="", common_name="X")
    )
    assert isinstance(get_signer(), BsreSigner)
    assert not isinstance(get_signer(), Pkcs12Signer)


def test_reissue_while_the_service_is_down_is_recorded_and_signed_later(
    bsre, completed, user_factory
):
    from certificates.services import reissue_certificate

    old = issue_certificate(enrolment=completed)
    bsre.fail_next("timeout")
    new = reissue_certificate(
        certificate=old, by=user_factory(roles=["Admin"]), reason="Nama salah ketik."
    )
    old.refresh_from_db()
    assert old.status == Certificate.Status.SUPERSEDED and old.superseded_by == new
    assert new.status == Certificate.Status.VALID and not new.pdf
    assert issue_certificate(enrolment=completed).pdf  # the next run signs it
