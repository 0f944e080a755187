"""Damaged PDFs as claim evidence: a form error in Indonesian, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.competencies.models import ExternalLearningClaim

from .test_claims import claim_data

pytestmark = pytest.mark.django_db

TRAILER = b"1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n"


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n" + TRAILER + b"99999999999999999999999999\n%%EOF",  # Overflow
        b"%PDF-1.4\n" + TRAILER + b"9223372036854775808\n%%EOF",
        b"%PDF-1.4\n" + TRAILER + b"\xc2\xb2\n%%EOF",  # a Unicode digit
        b"%PDF-1.4\n" + b"[" * 5000 + b"\n%%EOF",  # deep nesting
    ],
)
def test_a_damaged_pdf_is_refused_with_a_message_and_the_form_kept(
    learner_client, content
):
    response = learner_client.post(
        reverse("competencies:claim_create"),
        {**claim_data(), "evidence": SimpleUploadedFile("bukti.pdf", content)},
    )
    assert response.status_code == 400
    assert "PDF tidak dapat dibaca" in response.text
    assert 'value="Workshop Layanan Darurat"' in response.text
    assert not ExternalLearningClaim.objects.exists()
