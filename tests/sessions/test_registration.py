"""Registering for a live session, its calendar file, and the meeting link kept
from everyone who has not registered."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from courses.models import Enrolment
from courses.sessions.ics import session_calendar
from courses.sessions.models import SessionRegistration
from lms.accounts.models import TimeZone
from lms.ics import escape_text, fold
from tests.factories import MEETING_URL, AsnProfileFactory, client_as

from .conftest import START

pytestmark = pytest.mark.django_db
BEFORE = START - datetime.timedelta(days=3)
NEAR_START = START - datetime.timedelta(minutes=10)


def test_registering_enrols_in_the_course_and_keeps_one_place(learner, session):
    with time_machine.travel(BEFORE, tick=False):
        learner_client = client_as(learner)
        url = reverse("livesessions:register", args=[session.pk])
        assert learner_client.post(url).status_code == 302
        assert learner_client.post(url).status_code == 302
    assert (
        SessionRegistration.objects.filter(session=session, user=learner).count() == 1
    )
    assert Enrolment.objects.filter(user=learner, course=session.get_course()).exists()


def test_a_full_session_refuses_the_next_learner(session, learner, unit):
    session.capacity = 1
    session.save_revision().publish()
    other = AsnProfileFactory(unit=unit).user
    with time_machine.travel(BEFORE, tick=False):
        for person in (learner, other):
            client_as(person).post(reverse("livesessions:register", args=[session.pk]))
    assert list(
        SessionRegistration.objects.filter(session=session).values_list(
            "user", flat=True
        )
    ) == [learner.pk]


def test_times_are_shown_in_the_learners_own_zone(learner, session):
    unit = learner.asn_profile.unit
    with time_machine.travel(BEFORE, tick=False):
        learner_client = client_as(learner)
        assert "09.00 WIB" in learner_client.get(session.url).content.decode()
        unit.time_zone = TimeZone.WITA
        unit.save()
        assert "10.00 WITA" in learner_client.get(session.url).content.decode()
        unit.time_zone = TimeZone.WIT
        unit.save()
        page = learner_client.get(session.url).content.decode()
    assert "11.00 WIT" in page and "12.30 WIT" in page


@pytest.mark.parametrize("registered", [False, True])
def test_the_meeting_link_is_only_for_registered_learners_near_the_start(
    learner, session, registered
):
    if registered:
        SessionRegistration.objects.create(
            session=session, user=learner, registered_at=BEFORE
        )
    with time_machine.travel(BEFORE, tick=False):
        learner_client = client_as(learner)
        early = learner_client.get(session.url).content.decode()
        early_join = learner_client.post(
            reverse("livesessions:join", args=[session.pk])
        )
    with time_machine.travel(NEAR_START, tick=False):
        learner_client = client_as(learner)
        near = learner_client.get(session.url).content.decode()
        join = learner_client.post(reverse("livesessions:join", args=[session.pk]))
    assert MEETING_URL not in early and MEETING_URL not in near
    assert early_join.get("Location") != MEETING_URL
    if registered:
        assert join.status_code == 302 and join["Location"] == MEETING_URL
        assert SessionRegistration.objects.get(user=learner).joined_at == NEAR_START
    else:
        assert join.status_code == 404


def test_the_meeting_link_is_in_no_public_page(client, session, catalog):
    course = session.get_course()
    with time_machine.travel(NEAR_START, tick=False):
        pages = [
            client.get(session.url),
            client.get(course.url),
            client.get(catalog.url),
            client.get(catalog.url, {"q": "Webinar"}),
            client.get(catalog.url, {"q": "zoom"}),
            client.get(reverse("livesessions:calendar", args=[session.pk])),
        ]
    for response in pages:
        assert response.status_code == 200
        assert b"zoom.example" not in response.content
        assert b"rahasia" not in response.content


def test_the_calendar_file_holds_the_session_in_utc_and_not_the_link(
    learner_client, learner, session, settings
):
    settings.SITE_URL = "https://sigap.example.go.id"
    SessionRegistration.objects.create(
        session=session, user=learner, registered_at=BEFORE
    )
    response = learner_client.get(reverse("livesessions:calendar", args=[session.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "DTSTART:20270315T020000Z\r\n" in body
    assert "DTEND:20270315T033000Z\r\n" in body
    assert f"UID:sesi-{session.pk}@sigap.example.go.id\r\n" in body
    assert MEETING_URL not in body.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_calendar_text_is_escaped_and_folded_without_splitting_a_character():
    assert escape_text("Rapat; ruang 2, lantai\\3\nbaris") == (
        "Rapat\\; ruang 2\\, lantai\\\\3\\nbaris"
    )
    line = "SUMMARY:" + "Pelayanan publik — é" * 10
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(parts) == line


def test_the_calendar_of_a_classroom_session_names_its_place(webinar_course):
    from tests.factories import make_session

    room = make_session(webinar_course, starts_at=START, mode="classroom")
    body = session_calendar(session=room, page_url="https://sigap.test/x/")
    assert "LOCATION:Aula BKPSDM\\, Lantai 2\r\n" in body
