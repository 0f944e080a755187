"""Erasure anonymises the person; issued certificates stay verifiable."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from courses.services import enrol
from lms.accounts.models import AsnProfile, DataRequest, User
from lms.accounts.privacy import erase_person, request_erasure
from lms.audit.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    admin = UserFactory(roles=["Admin"], is_staff=True)
    client = Client()
    client.force_login(admin)
    return client, admin


def _text_of_every_row(exclude_models: set[str]) -> str:
    from django.apps import apps
    from django.core import serializers

    chunks = []
    for model in apps.get_models():
        if model._meta.label_lower in exclude_models or model._meta.proxy:
            continue
        if not model._meta.managed:
            continue
        chunks.append(serializers.serialize("json", model._base_manager.all()))
    return "\n".join(chunks)


def test_admin_erasure_removes_identity_everywhere(admin_client, learner, course):
    client, admin = admin_client
    learner.name = "Ratna Sari Dewi"
    learner.save()
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True)
    enrolment, _ = enrol(user=learner, course=course)
    email, nip = learner.email, learner.asn_profile.nip
    data_request = request_erasure(user=learner, reason="Pindah instansi")
    response = client.post(f"/cms/data-pribadi/{data_request.pk}/hapus/")
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.erased_at and not learner.is_active
    assert not learner.has_usable_password()
    assert not AsnProfile.objects.filter(user=learner).exists()
    # Nothing outside the audit trail (kept for its retention period) and the
    # certificates' own snapshots still names the person.
    text = _text_of_every_row({"audit.auditevent", "certificates.certificate"})
    assert email not in text and nip not in text and "Ratna Sari Dewi" not in text
    # learning records stay, without identity
    enrolment.refresh_from_db()
    assert enrolment.user == learner
    assert DataRequest.objects.get(pk=data_request.pk).status == "done"
    assert AuditEvent.objects.filter(action="privacy.erasure", actor=admin).exists()


def test_erased_person_cannot_sign_in(client, learner):
    email = learner.email
    erase_person(person=learner, by=learner)
    client.post("/accounts/login/", {"login": email, "password": "rahasia-uji-123"})
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email=email).exists()


@pytest.mark.parametrize("role", ["Peserta", "Pengajar", "Peninjau", "HR"])
def test_only_admins_carry_out_erasure(role, learner):
    data_request = request_erasure(user=learner, reason="")
    client = Client()
    client.force_login(UserFactory(roles=[role], is_staff=role != "Peserta"))
    client.post(f"/cms/data-pribadi/{data_request.pk}/hapus/")
    learner.refresh_from_db()
    assert learner.erased_at is None
    assert client.get("/cms/data-pribadi/").status_code != 200


def test_certificates_stay_verifiable_after_erasure(
    learner, course, django_capture_on_commit_callbacks
):
    pytest.importorskip("certificates.services")
    from certificates import services

    if not hasattr(services, "issue_certificate"):
        pytest.skip("certificates app has not landed yet")
    from courses.services import complete_enrolment

    enrolment, _ = enrol(user=learner, course=course)
    # The certificate is issued by a task queued when the completion commits.
    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment(enrolment=enrolment)
    from certificates.models import Certificate

    certificate = Certificate.objects.get(enrolment=enrolment)
    name = certificate.holder_name if hasattr(certificate, "holder_name") else None
    erase_person(person=learner, by=learner)
    response = Client().get(f"/v/{certificate.code}")
    assert response.status_code == 200
    if name:
        assert name in response.content.decode()
