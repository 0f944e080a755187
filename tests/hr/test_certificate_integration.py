"""Once certificates are issued, HR exports and transcripts carry their numbers."""

import csv
import io

import pytest
from django.urls import reverse

from courses.services import complete_enrolment, enrol

certificates = pytest.importorskip("certificates.models")
if not hasattr(certificates, "Certificate"):
    pytest.skip("certificate issuing not installed", allow_module_level=True)


def test_certificate_number_in_national_export_and_transcript(
    officer_client, course, insider, django_capture_on_commit_callbacks
):
    enrolment, _ = enrol(user=insider, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment(enrolment=enrolment)
    certificate = certificates.Certificate.objects.get(enrolment=enrolment)
    response = officer_client.get(reverse("hr:export_riwayat_csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["nomorSertipikat"] == certificate.number
    assert record["jenisKursusSertipikat"] == "S"
    page = officer_client.get(reverse("hr:transcript", args=[insider.pk]))
    assert certificate.number in page.content.decode()
