"""What goes back to the platform: the completion as a score (AGS, through an
outbox that loses nothing when the platform is down) and the roster read from
it (NRPS); what administrators see; what erasure removes."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrolment
from courses.services import complete_enrolment
from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from lms.audit.models import AuditEvent
from lms.lti.client import PlatformError
from lms.lti.models import LtiIdentity, LtiResourceLink, LtiScore
from lms.lti.platform_fake import INSTRUCTOR, LEARNER
from lms.lti.sending import send_due
from lms.lti.services import read_roster
from tests.factories import UserFactory, client_as

from .conftest import launch

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return UserFactory(roles=["Admin"], is_staff=True)


@pytest.fixture
def launched(platform, platform_fake, course):
    """Rina launched the course from the platform and is enrolled."""
    response, _t, _r = launch(Client(), platform_fake, course)
    assert response.status_code == 302
    return Enrolment.objects.get(course=course)


def test_a_completion_goes_back_to_the_platform_grade_book(
    launched, platform_fake, time_machine
):
    complete_enrolment(enrolment=launched)
    assert LtiScore.objects.get().status == LtiScore.Status.PENDING

    run = send_due()

    assert run.sent == 1
    [score] = platform_fake.scores
    assert score["userId"] == "moodle-user-41"
    assert score["scoreGiven"] == 100.0 and score["scoreMaximum"] == 100.0
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    assert LtiScore.objects.get().status == LtiScore.Status.SENT
    # The token was asked with Sigap's signed assertion (checked by the fake
    # against /lti/jwks.json) for the score scope only.
    assert any("token.php" in call for call in platform_fake.calls)
    assert send_due().sent == 0


def test_a_platform_down_keeps_the_score_queued_and_it_is_sent_later(
    launched, platform_fake, time_machine
):
    complete_enrolment(enrolment=launched)
    platform_fake.fail_next("timeout")

    run = send_due()

    assert run.sent == 0 and run.failed == 1
    row = LtiScore.objects.get()
    assert row.status == LtiScore.Status.FAILED
    assert "time-out" in row.last_error
    assert row.next_attempt_at is not None
    assert platform_fake.scores == []
    assert send_due().sent == 0  # not due yet

    time_machine.move_to(row.next_attempt_at, tick=False)
    platform_fake.fail_next("500")
    send_due()
    row.refresh_from_db()
    assert row.attempts == 2 and "HTTP 500" in row.last_error

    time_machine.move_to(row.next_attempt_at, tick=False)
    assert send_due().sent == 1
    assert len(platform_fake.scores) == 1
    assert LtiScore.objects.get().status == LtiScore.Status.SENT


def test_a_score_the_platform_refuses_waits_for_an_administrator(
    launched, platform_fake, admin
):
    complete_enrolment(enrolment=launched)
    platform_fake.refuse_scores = "userId tidak dikenal"
    send_due()
    row = LtiScore.objects.get()
    assert row.status == LtiScore.Status.FAILED
    assert row.next_attempt_at is None
    assert "HTTP 400" in row.last_error and "userId tidak dikenal" in row.last_error

    platform_fake.refuse_scores = ""
    response = client_as(admin).post(reverse("sigap_lti_retry"))
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="lti.retry_failed", actor=admin).exists()
    assert send_due().sent == 1


def test_a_completion_rolled_back_sends_nothing(launched, platform_fake):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        complete_enrolment(enrolment=launched)
        raise RuntimeError
    assert not LtiScore.objects.exists()


def test_a_link_without_a_grade_column_queues_no_score(launched):
    LtiResourceLink.objects.update(lineitem_url="")
    complete_enrolment(enrolment=launched)
    assert not LtiScore.objects.exists()


def test_the_roster_is_read_page_by_page(launched, platform_fake):
    platform_fake.members = [
        {
            "user_id": "41",
            "name": "Rina Marlina",
            "email": "rina@bkpsdm.test",
            "roles": [LEARNER],
            "status": "Active",
        },
        {
            "user_id": "42",
            "name": "Andi Saputra",
            "email": "andi@bkpsdm.test",
            "roles": [LEARNER],
            "status": "Active",
        },
        {
            "user_id": "7",
            "name": "Dra. Sri Wahyuni",
            "email": "sri@bkpsdm.test",
            "roles": [INSTRUCTOR],
            "status": "Active",
        },
    ]
    members = read_roster(link=LtiResourceLink.objects.get())
    assert [m.name for m in members] == [
        "Rina Marlina",
        "Andi Saputra",
        "Dra. Sri Wahyuni",
    ]
    assert members[2].roles == (INSTRUCTOR,)
    assert sum("memberships" in call for call in platform_fake.calls) == 2


def test_a_roster_the_platform_cannot_give_says_why(launched, platform_fake):
    platform_fake.fail_next("timeout")
    with pytest.raises(PlatformError, match="time-out"):
        read_roster(link=LtiResourceLink.objects.get())


def test_administrators_see_the_tool_addresses_links_and_roster(
    launched, platform_fake, admin
):
    platform_fake.members = [
        {"user_id": "41", "name": "Rina Marlina", "roles": [LEARNER]}
    ]
    client = client_as(admin)
    page = client.get(reverse("sigap_lti_overview")).content.decode()
    assert "/lti/jwks.json" in page and "/lti/login/" in page
    # Moodle's Content Selection URL (deep linking).
    assert "/lti/pilih-kursus/" in page
    assert "Latsar CPNS 2026" in page
    roster = client.get(
        reverse("sigap_lti_roster", args=[LtiResourceLink.objects.get().pk])
    )
    assert roster.status_code == 200
    assert "Rina Marlina" in roster.content.decode()


def test_rotating_the_tool_key_keeps_the_old_one_published(admin, client):
    first = client.get("/lti/jwks.json").json()["keys"]
    response = client_as(admin).post(reverse("sigap_lti_rotate"))
    assert response.status_code == 302
    keys = client.get("/lti/jwks.json").json()["keys"]
    assert len(keys) == 2
    assert first[0]["kid"] in {key["kid"] for key in keys}
    assert AuditEvent.objects.filter(action="lti.key_rotated").exists()


@pytest.mark.parametrize("role", ["Peserta", "Pengajar", "HR", "Peninjau"])
def test_only_administrators_reach_the_lti_screens(role, db):
    client = client_as(UserFactory(roles=[role], is_staff=role != "Peserta"))
    assert client.get(reverse("sigap_lti_overview")).status_code in (302, 403)
    assert client.post(reverse("sigap_lti_rotate")).status_code in (302, 403)
    assert client.post(reverse("sigap_lti_retry")).status_code in (302, 403)
    assert client.get("/cms/snippets/lti/ltiplatform/").status_code in (302, 403)


def test_the_data_export_lists_the_platform_identity(launched):
    data = collect_personal_data(user=launched.user)
    assert data.sections["lti.ltiidentity"][0]["sub"] == "moodle-user-41"


def test_erasure_removes_identities_and_unsent_scores(launched, platform_fake, admin):
    complete_enrolment(enrolment=launched)
    person = launched.user
    erase_person(person=person, by=admin)
    assert not LtiIdentity.objects.exists()
    assert not LtiScore.objects.exists()
    event = AuditEvent.objects.filter(action="privacy.erasure").latest("pk")
    assert event.data["lti_identities_removed"] == 1
    assert event.data["lti_scores_unsent_removed"] == 1


def test_retention_removes_old_sent_scores_and_never_unsent_ones(
    launched, platform_fake, time_machine
):
    import datetime

    from django.utils import timezone

    from lms.accounts.retention import apply_retention

    complete_enrolment(enrolment=launched)
    send_due()
    unsent = LtiScore.objects.create(
        launch=LtiScore.objects.get().launch, payload={}, next_attempt_at=None
    )
    time_machine.move_to(timezone.now() + datetime.timedelta(days=91), tick=False)
    removed = apply_retention()
    assert removed["lti.ltiscore"] == 1
    assert list(LtiScore.objects.all()) == [unsent]
