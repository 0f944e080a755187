"""Erasing a person (UU PDP) and the national export: HR sees what was kept or
removed, by certificate number, and the person is named nowhere new."""

import csv
import io

import pytest
from django.urls import reverse

from certificates.services import issue_certificate
from lms.accounts.privacy import erase_person
from lms.audit.models import AuditEvent
from lms.hr.exports import RIWAYAT_KURSUS_COLUMNS
from lms.hr.models import ErasedCompletion
from tests.factories import UserFactory, complete_enrolment_for, make_course

pytestmark = pytest.mark.django_db


def _export(client) -> list[dict]:
    response = client.get(reverse("hr:export_riwayat_csv"), {"year": "semua"})
    body = b"".join(response.streaming_content).decode()
    header, *rows = list(csv.reader(io.StringIO(body)))
    assert header == RIWAYAT_KURSUS_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def admin(db):
    return UserFactory(roles=["Admin"], is_staff=True, email="admin-hapus@sigap.test")


def test_certified_completion_stays_in_the_national_export_after_erasure(
    officer_client, learner, course, admin
):
    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    (before,) = _export(officer_client)
    assert before["nomorSertipikat"] == certificate.number

    erase_person(person=learner, by=admin)

    assert _export(officer_client) == [before]
    note = ErasedCompletion.objects.get()
    assert note.outcome == ErasedCompletion.Outcome.KEPT
    assert note.certificate_number == certificate.number
    event = AuditEvent.objects.get(action="privacy.erasure")
    assert event.data["national_records_kept"] == 1
    assert event.data["national_records_removed"] == 0


def test_uncertified_completion_leaves_the_export_and_hr_sees_which(
    officer_client, learner, catalog, course, admin, outsider
):
    certified = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    uncertified = make_course(catalog, title="Kursus Tanpa Sertifikat", lessons=1)
    complete_enrolment_for(learner, uncertified)
    complete_enrolment_for(outsider, uncertified)
    name, nip = learner.asn_profile.full_name, learner.asn_profile.nip
    assert len(_export(officer_client)) == 2

    erase_person(person=learner, by=admin)
    erase_person(person=outsider, by=admin)

    rows = _export(officer_client)
    assert [row["namaKursus"] for row in rows] == [course.title]
    response = officer_client.get(reverse("hr:exports"), {"year": "semua"})
    page = response.text
    assert certified.number in page
    assert "Kursus Tanpa Sertifikat" in page
    assert "tetap dalam ekspor nasional" in page
    assert "dihapus dari ekspor nasional" in page
    assert name not in page and nip not in page
    # The outsider's erasure is noted for their own HR, not for this officer.
    shown = sorted(
        (note.certificate_number, note.outcome) for note in response.context["erased"]
    )
    assert shown == [("", "removed"), (certified.number, "kept")]
    removed = ErasedCompletion.objects.filter(outcome=ErasedCompletion.Outcome.REMOVED)
    assert removed.count() == 2


def test_a_kept_record_leaves_the_export_when_its_certificate_is_revoked(
    officer_client, learner, course, admin
):
    from certificates.models import Certificate

    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    erase_person(person=learner, by=admin)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED
    )
    assert _export(officer_client) == []
