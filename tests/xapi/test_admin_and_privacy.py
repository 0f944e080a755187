"""Who sees the outbox, what the person's data export says, what erasure removes."""

import pytest
from django.urls import reverse

from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from lms.audit.models import AuditEvent
from lms.xapi import statements
from lms.xapi.models import XapiActor, XapiStatement
from lms.xapi.sending import send_due
from lms.xapi.services import record_statement
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return UserFactory(roles=["Admin"], is_staff=True)


def queue(user, course, count):
    for _ in range(count):
        record_statement(
            user=user,
            verb="experienced",
            obj=statements.page_activity(course, "course"),
        )


def test_administrators_see_counts_per_status_and_the_reasons_of_failures(
    lrs, lrs_client, admin, learner, course
):
    queue(learner, course, 3)
    send_due(client=lrs_client)
    queue(learner, course, 2)
    lrs.fail_next("timeout")
    send_due(client=lrs_client)
    queue(learner, course, 1)

    page = client_as(admin).get(reverse("sigap_xapi_outbox"))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<th id="xapi-sent">3</th>' in html
    assert '<th id="xapi-failed">2</th>' in html
    assert '<th id="xapi-pending">1</th>' in html
    assert "time-out" in html and "lrs.sigap.test" in html


@pytest.mark.parametrize("role", ["Peserta", "Pelatih", "HR", "Peninjau"])
def test_only_administrators_open_the_outbox(lrs, role):
    client = client_as(UserFactory(roles=[role], is_staff=role != "Peserta"))
    assert client.get(reverse("sigap_xapi_outbox")).status_code in (302, 403)
    assert client.post(reverse("sigap_xapi_retry")).status_code in (302, 403)


def test_kirim_ulang_makes_failed_statements_due_and_is_audited(
    lrs, lrs_client, admin, learner, course
):
    queue(learner, course, 2)
    lrs.refuse(XapiStatement.objects.first().statement_id, "ditolak")
    send_due(client=lrs_client)
    assert XapiStatement.objects.filter(status="failed").count() == 1
    lrs.refused.clear()
    response = client_as(admin).post(reverse("sigap_xapi_retry"))
    assert response.status_code == 302
    assert XapiStatement.objects.filter(status="pending").count() == 1
    assert AuditEvent.objects.filter(action="xapi.retry_failed", actor=admin).exists()
    assert send_due(client=lrs_client).sent == 1


def test_the_data_export_lists_the_statements_and_the_opaque_name(
    lrs, lrs_client, learner, course
):
    queue(learner, course, 2)
    send_due(client=lrs_client)
    data = collect_personal_data(user=learner)
    rows = data.sections["xapi.xapistatement"]
    assert [row["status"] for row in rows] == ["sent", "sent"]
    assert data.sections["xapi.xapiactor"][0]["name"] == (
        XapiActor.objects.get(user=learner).name
    )


def test_erasure_removes_the_persons_statements_and_name_and_says_how_many(
    lrs, lrs_client, admin, learner, course
):
    other = UserFactory()
    queue(learner, course, 2)
    send_due(client=lrs_client)
    queue(learner, course, 3)
    queue(other, course, 1)
    erase_person(person=learner, by=admin)
    assert not XapiStatement.objects.filter(user=learner).exists()
    assert not XapiActor.objects.filter(user=learner).exists()
    assert XapiStatement.objects.filter(user=other).count() == 1
    event = AuditEvent.objects.filter(action="privacy.erasure").latest("pk")
    assert event.data["xapi_unsent_removed"] == 3
    assert event.data["xapi_sent_forgotten"] == 2


def test_retention_removes_old_sent_copies_and_never_unsent_statements(
    lrs, lrs_client, learner, course
):
    import datetime

    import time_machine
    from django.utils import timezone

    from lms.accounts.retention import apply_retention

    queue(learner, course, 2)
    send_due(client=lrs_client)
    queue(learner, course, 1)
    lrs.fail_next("timeout")
    send_due(client=lrs_client)  # the third one failed: queued
    later = timezone.now() + datetime.timedelta(days=91)
    with time_machine.travel(later):
        removed = apply_retention()
    assert removed["xapi.xapistatement"] == 2
    assert list(XapiStatement.objects.values_list("status", flat=True)) == ["failed"]
