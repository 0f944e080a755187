"""Administrators filter and export the audit trail; nobody edits or deletes it."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from lms.audit.models import AuditEvent
from lms.audit.services import record_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(roles=["Admin"], is_staff=True)


@pytest.fixture
def admin_client(admin):
    client = Client()
    client.force_login(admin)
    return client


def test_filter_by_action_and_actor(admin_client, admin):
    someone = UserFactory(email="budi@sigap.test")
    record_event(actor=someone, action="certificate.revoke", target=someone)
    record_event(actor=admin, action="hr.export", target=admin)
    page = admin_client.get("/cms/jejak-audit/", {"action": "certificate."})
    html = page.content.decode()
    assert page.status_code == 200
    assert "certificate.revoke" in html and "hr.export" not in html
    page = admin_client.get("/cms/jejak-audit/", {"actor": "budi@"})
    assert "budi@sigap.test" in page.content.decode()


def test_csv_export_follows_the_filter_neutralises_formulas_and_is_logged(
    admin_client, admin
):
    record_event(actor=admin, action="hr.export", target=admin, note="=HYPERLINK(1)")
    record_event(actor=admin, action="certificate.issue", target=admin)
    response = admin_client.get("/cms/jejak-audit/ekspor.csv", {"action": "hr."})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["waktu", "pelaku", "tindakan"]
    assert [row[2] for row in rows[1:]] == ["hr.export"]
    assert AuditEvent.objects.filter(action="audit.export", actor=admin).exists()


@pytest.mark.parametrize("role", ["Peserta", "Pengajar", "Peninjau", "HR"])
def test_only_admins_see_the_audit_trail(role):
    client = Client()
    client.force_login(UserFactory(roles=[role], is_staff=role != "Peserta"))
    assert client.get("/cms/jejak-audit/").status_code != 200
    assert client.get("/cms/jejak-audit/ekspor.csv").status_code != 200


def test_events_cannot_be_changed_or_deleted(admin):
    event = record_event(actor=admin, action="x.y")
    for attempt in (
        lambda: event.save(),
        lambda: event.delete(),
        lambda: AuditEvent.objects.filter(pk=event.pk).update(action="z"),
        lambda: AuditEvent.objects.all().delete(),
    ):
        with pytest.raises(PermissionError):
            attempt()
    assert AuditEvent.objects.get(pk=event.pk).action == "x.y"


def test_no_admin_screen_offers_to_edit_or_delete_events(admin_client, admin):
    event = record_event(actor=admin, action="x.y")
    for path in (
        f"/cms/snippets/audit/auditevent/edit/{event.pk}/",
        f"/django-admin/audit/auditevent/{event.pk}/change/",
    ):
        assert admin_client.get(path).status_code in (302, 404)


def test_role_changes_in_wagtail_user_editor_are_recorded(admin_client, admin):
    person = UserFactory(roles=["Peserta"])
    trainer_group = Group.objects.get(name="Pengajar")
    person.groups.add(trainer_group)
    event = AuditEvent.objects.filter(
        action="role.add", target_id=str(person.pk)
    ).first()  # newest first
    assert event.data["roles"] == ["Pengajar"]
    person.groups.remove(trainer_group)
    assert AuditEvent.objects.filter(
        action="role.remove", target_id=str(person.pk)
    ).exists()


def test_role_change_through_the_admin_names_the_admin(admin_client, admin):
    person = UserFactory(roles=["Peserta"], email="calon@sigap.test")
    from wagtail.log_actions import LogContext

    with LogContext(user=admin):
        person.groups.add(Group.objects.get(name="HR"))
    event = AuditEvent.objects.filter(
        action="role.add", target_id=str(person.pk)
    ).first()
    assert event.data["roles"] == ["HR"]
    assert event.actor == admin


def test_a_certificate_downloaded_by_someone_else_is_recorded(learner, course):
    from certificates.services import issue_certificate
    from tests.factories import complete_enrolment_for

    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    holder = Client()
    holder.force_login(learner)
    holder.get(f"/sertifikat/{certificate.code}/unduh/")
    assert not AuditEvent.objects.filter(action="certificate.download").exists()
    admin = UserFactory(roles=["Admin"], is_staff=True)
    other = Client()
    other.force_login(admin)
    assert other.get(f"/sertifikat/{certificate.code}/unduh/").status_code == 200
    event = AuditEvent.objects.get(action="certificate.download")
    assert event.actor == admin and event.target_id == str(certificate.pk)
