"""Who may download, revoke and bundle certificates; "Sertifikat saya"."""

import io
import zipfile

from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates.models import Certificate
from certificates.services import issue_certificate
from lms.audit.models import AuditEvent
from tests.factories import (
    AsnProfileFactory,
    complete_enrolment_for,
    make_course,
    make_hr_officer,
    make_org_unit,
)


def test_holder_downloads_own_pdf(learner_client, certificate):
    response = learner_client.get(f"/sertifikat/{certificate.code}/unduh/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_learner_gets_404_for_someone_elses_pdf(client, certificate, unit):
    client.force_login(AsnProfileFactory(unit=unit).user)
    assert client.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 404


def test_hr_officer_without_scope_gets_404(client, certificate, user_factory):
    client.force_login(user_factory(roles=["HR"]))
    assert client.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 404


def test_administrator_downloads_any_pdf(client, certificate, user_factory):
    client.force_login(user_factory(roles=["Admin"]))
    assert client.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 200


def test_anonymous_download_asks_to_sign_in(client, certificate):
    response = client.get(f"/sertifikat/{certificate.code}/unduh/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_admin_revokes_with_a_reason_recorded_in_the_audit_trail(
    client, certificate, user_factory
):
    admin = user_factory(roles=["Admin"])
    client.force_login(admin)
    response = client.post(
        f"/sertifikat/{certificate.code}/cabut/",
        {"reason": "Peserta terbukti tidak mengikuti ujian."},
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    event = AuditEvent.objects.get(action="certificate.revoke")
    assert event.actor == admin
    assert event.data["reason"] == "Peserta terbukti tidak mengikuti ujian."


def test_too_short_reason_is_refused_and_kept_in_the_form(
    client, certificate, user_factory
):
    client.force_login(user_factory(roles=["Admin"]))
    response = client.post(
        f"/sertifikat/{certificate.code}/cabut/", {"reason": "salah"}
    )
    assert response.status_code == 400
    assert "salah" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_learner_cannot_revoke_even_their_own(learner_client, certificate):
    response = learner_client.post(
        f"/sertifikat/{certificate.code}/cabut/", {"reason": "Saya ingin mencabutnya."}
    )
    assert response.status_code == 404


def test_my_certificates_lists_status_download_and_share_link(
    learner_client, learner, catalog, certificate
):
    with CaptureQueriesContext(connection) as one_row:
        learner_client.get("/sertifikat/")
    for _ in range(3):
        issue_certificate(
            enrolment=complete_enrolment_for(learner, make_course(catalog, lessons=1))
        )
    with CaptureQueriesContext(connection) as four_rows:
        response = learner_client.get("/sertifikat/")
    page = response.content.decode()
    assert page.count("Unduh PDF") == 4
    assert certificate.verification_url in page
    assert "Sah" in page
    assert len(four_rows) <= len(one_row)  # one query for the list, not one per row


def test_trainer_downloads_a_zip_of_their_course_certificates(
    client, catalog, unit, user_factory, django_capture_on_commit_callbacks
):
    trainer = user_factory(roles=["Pengajar"])
    course = make_course(catalog, lessons=1, trainer=trainer)
    numbers = {
        issue_certificate(
            enrolment=complete_enrolment_for(AsnProfileFactory(unit=unit).user, course)
        ).number
        for _ in range(3)
    }
    client.force_login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/sertifikat/kursus/{course.pk}/zip/")
    bundle_url = response["Location"]
    page = client.get(bundle_url).content.decode()
    assert "3 dari 3" in page
    download = client.get(bundle_url + "unduh/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert len(archive.namelist()) == 3
    assert all(archive.read(name).startswith(b"%PDF") for name in archive.namelist())
    assert len(numbers) == 3


def test_other_trainer_cannot_bundle_a_course(client, course, user_factory):
    client.force_login(user_factory(roles=["Pengajar"]))
    assert client.post(f"/sertifikat/kursus/{course.pk}/zip/").status_code == 404


def test_hr_officer_downloads_and_revokes_only_within_their_subtree(
    client, certificate, instansi
):
    client.force_login(make_hr_officer(instansi))
    assert client.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 200
    assert client.get(f"/sertifikat/{certificate.code}/cabut/").status_code == 200

    elsewhere = make_org_unit("Pemkot Lain", code="PEMKOT-LAIN")
    client.force_login(make_hr_officer(elsewhere))
    assert client.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 404
    assert client.get(f"/sertifikat/{certificate.code}/cabut/").status_code == 404
