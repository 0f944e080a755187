"""Trainers author sessions in the admin inside their own courses only; the start
and end are typed on the wall clock of the session's time zone and kept in UTC."""

import datetime

import pytest

from courses.sessions.models import SessionPage
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db


def _add_url(course) -> str:
    return f"/cms/pages/add/livesessions/sessionpage/{course.pk}/"


def _form(**fields) -> dict:
    data = {
        "title": "Webinar WITA",
        "slug": "webinar-wita",
        "intro": "",
        "speakers": "Narasumber Satu",
        "time_zone": "Asia/Makassar",
        "starts_at": "2027-03-15 10:00",
        "ends_at": "2027-03-15 11:30",
        "mode": "online",
        "meeting_url": "https://meet.example/abc-defg-hij",
        "place": "",
        "capacity": "",
        "min_presence": "",
        "required": "on",
        "recording_url": "",
        "transcript": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(fields)
    return data


def test_a_trainer_adds_a_session_to_their_course_in_the_sessions_time_zone(
    webinar_course, trainer
):
    client = client_as(trainer)
    assert client.get(_add_url(webinar_course)).status_code == 200
    response = client.post(_add_url(webinar_course), _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    session = SessionPage.objects.get(slug="webinar-wita")
    assert not session.live  # a draft: it goes live with the course's review
    revision = session.latest_revision.as_object()
    assert revision.starts_at == datetime.datetime(
        2027, 3, 15, 2, 0, tzinfo=datetime.UTC
    )
    assert revision.ends_at == datetime.datetime(
        2027, 3, 15, 3, 30, tzinfo=datetime.UTC
    )
    # The editor shows the times again as typed, on the session's clock.
    edit = client.get(f"/cms/pages/{session.pk}/edit/").content.decode()
    assert 'value="2027-03-15 10:00"' in edit


def test_an_online_session_needs_a_link_and_the_end_after_the_start(
    webinar_course, trainer
):
    response = client_as(trainer).post(
        _add_url(webinar_course),
        _form(meeting_url="", ends_at="2027-03-15 09:00"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sesi daring memerlukan tautan rapat." in page
    assert "Waktu selesai harus sesudah waktu mulai." in page
    assert not SessionPage.objects.exists()


def test_another_trainer_cannot_add_a_session_to_the_course(webinar_course):
    stranger = client_as(UserFactory(roles=["Pengajar"]))
    assert stranger.get(_add_url(webinar_course)).status_code != 200
    stranger.post(_add_url(webinar_course), _form())
    assert not SessionPage.objects.exists()
