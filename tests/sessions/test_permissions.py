"""Who reads and keeps a session's attendance: the course's trainer and
administrators everything, HR only people in their scope, learners only their
own (on the session page), nobody else anything."""

import pytest
from django.urls import reverse

from courses.services import enrol
from courses.sessions.models import AttendanceInterval
from courses.sessions.services import recompute_attendance
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    client_as,
    make_hr_officer,
    make_org_unit,
)

from .conftest import START

pytestmark = pytest.mark.django_db


@pytest.fixture
def attendees(session, unit):
    """Two attendees: one of the learner's unit, one of another instansi."""
    other_unit = make_org_unit("Pemkot Lain", code="PEMKOT-LAIN")
    mine = AsnProfileFactory(unit=unit, user__name="Ani Sekantor").user
    theirs = AsnProfileFactory(unit=other_unit, user__name="Budi Seberang").user
    for person in (mine, theirs):
        enrol(user=person, course=session.get_course())
        AttendanceInterval.objects.create(
            session=session,
            user=person,
            source="import",
            started_at=START,
            ended_at=session.ends_at,
        )
    recompute_attendance(session=session, user_ids=[mine.pk, theirs.pk])
    return mine, theirs


def _attendance(client, session):
    return client.get(reverse("livesessions:attendance", args=[session.pk]))


def test_the_courses_trainer_and_admins_see_everyone(session, trainer, attendees):
    for person in (trainer, UserFactory(roles=["Admin"])):
        response = _attendance(client_as(person), session)
        page = response.content.decode()
        assert response.status_code == 200
        assert "Ani Sekantor" in page and "Budi Seberang" in page
        assert session.attendance_code in page


def test_hr_sees_only_the_people_in_their_scope(session, unit, attendees):
    response = _attendance(client_as(make_hr_officer(unit)), session)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ani Sekantor" in page and "Budi Seberang" not in page
    assert session.attendance_code not in page  # HR reads, does not keep


@pytest.mark.parametrize("role", ["Peserta", "Pengajar", "Peninjau"])
def test_others_find_no_attendance_list(session, attendees, role):
    person = attendees[0] if role == "Peserta" else UserFactory(roles=[role])
    assert _attendance(client_as(person), session).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, session):
    assert _attendance(client, session).status_code == 302


def test_a_learner_sees_only_their_own_attendance_on_the_session_page(
    session, attendees
):
    mine, _theirs = attendees
    page = client_as(mine).get(session.url).content.decode()
    assert "90 menit tercatat" in page
    assert "Budi Seberang" not in page


@pytest.mark.parametrize("name", ["classroom_register", "import"])
def test_only_the_courses_trainer_keeps_attendance(
    session, unit, attendees, trainer, name
):
    url = reverse(f"livesessions:{name}", args=[session.pk])
    outsiders = [
        attendees[0],
        make_hr_officer(unit),
        UserFactory(roles=["Pengajar"]),
    ]
    for person in outsiders:
        assert (
            client_as(person).post(url, {"present": [attendees[0].pk]}).status_code
            == 404
        )
    assert (
        client_as(trainer)
        .get(reverse("livesessions:import", args=[session.pk]))
        .status_code
        == 200
    )


def test_hr_sees_session_attendance_on_the_transcript_of_someone_in_scope(
    session, unit, attendees
):
    mine, theirs = attendees
    officer = client_as(make_hr_officer(unit))
    page = officer.get(reverse("hr:transcript", args=[mine.pk])).content.decode()
    assert session.title in page
    assert reverse("livesessions:attendance", args=[session.pk]) in page
    assert officer.get(reverse("hr:transcript", args=[theirs.pk])).status_code == 404
