"""The learner's dashboard ("Kursus saya"): where to continue, what is due (course
deadlines, registered live sessions), a month calendar and a private calendar
feed a phone subscribes to."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.agenda import feed_key
from courses.services import enrol
from courses.sessions.services import register_for_session
from tests.factories import AsnProfileFactory, make_course, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def _dashboard(client) -> str:
    response = client.get(reverse("courses:my_courses"))
    assert response.status_code == 200
    return response.content.decode()


def test_continue_takes_the_learner_to_the_course_they_last_opened(
    learner_client, learner, catalog
):
    first = make_course(catalog, lessons=2, title="Berpikir Cepat")
    second = make_course(catalog, lessons=2, title="Kepemimpinan Kolaboratif")
    enrol(user=learner, course=first)
    enrol(user=learner, course=second)
    # Nothing opened yet: the latest enrolment, to start.
    page = _dashboard(learner_client)
    assert "Belum Anda mulai" in page and ">Mulai</a>" in page
    learner_client.get(first.lessons()[0].url)
    page = _dashboard(learner_client)
    resume = page[page.index('class="card resume"') : page.index("due-title")]
    assert "Berpikir Cepat" in resume and ">Lanjutkan</a>" in resume
    assert first.url in resume


def test_due_lists_deadlines_and_registered_sessions_but_not_others(
    learner_client, learner, catalog
):
    today = timezone.localdate()
    late = make_course(catalog, lessons=1, title="Kursus Terlambat")
    soon = make_course(catalog, lessons=1, title="Kursus Minggu Depan")
    done = make_course(catalog, lessons=1, title="Kursus Sudah Selesai")
    enrol(user=learner, course=late, deadline=today - datetime.timedelta(days=2))
    enrol(user=learner, course=soon, deadline=today + datetime.timedelta(days=7))
    finished, _ = enrol(user=learner, course=done, deadline=today)
    finished.status = finished.Status.COMPLETED
    finished.save()
    webinar = make_course(catalog, lessons=0, title="Webinar Krisis")
    mine = make_session(
        webinar,
        title="Sesi Tanya Jawab",
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    make_session(
        webinar,
        title="Sesi Yang Tidak Saya Ikuti",
        starts_at=timezone.now() + datetime.timedelta(days=4),
    )
    register_for_session(user=learner, session=mine)
    other = AsnProfileFactory().user
    register_for_session(
        user=other,
        session=make_session(
            webinar,
            title="Sesi Orang Lain",
            starts_at=timezone.now() + datetime.timedelta(days=5),
        ),
    )
    page = _dashboard(learner_client)
    due = page[page.index("due-title") : page.index("Semua kursus saya")]
    assert "Kursus Terlambat" in due and "Terlambat</span>" in due
    assert "Kursus Minggu Depan" in due
    assert "Sesi Tanya Jawab" in due and "Webinar Krisis" in due  # its course
    assert "Kursus Sudah Selesai" not in due
    assert "Sesi Yang Tidak Saya Ikuti" not in due and "Sesi Orang Lain" not in due
    # In time order: the overdue course first, the session before next week's.
    assert (
        due.index("Kursus Terlambat")
        < due.index("Sesi Tanya Jawab")
        < due.index("Kursus Minggu Depan")
    )


def test_the_month_calendar_marks_the_days_and_lists_the_items(
    learner_client, learner, catalog
):
    course = make_course(catalog, lessons=1, title="Kursus Bulan Depan")
    deadline = (
        timezone.localdate().replace(day=1) + datetime.timedelta(days=40)
    ).replace(day=15)
    enrol(user=learner, course=course, deadline=deadline)
    url = reverse("courses:agenda_calendar")
    this_month = learner_client.get(url).content.decode()
    assert "Kursus Bulan Depan" not in this_month
    page = learner_client.get(url, {"bulan": f"{deadline:%Y-%m}"}).content.decode()
    assert "Kursus Bulan Depan" in page
    marked = re.findall(
        r'class="[^"]*busy[^"]*">\s*<span class="day-number">(\d+)<', page
    )
    assert marked == ["15"]
    # A month that cannot be read shows this month, not an error.
    for bad in ("2026-13", "abc", "99999-01", "2026-"):
        assert learner_client.get(url, {"bulan": bad}).status_code == 200


def test_the_feed_holds_the_learners_agenda_for_a_calendar_app(
    client, learner, catalog
):
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    course = make_course(catalog, lessons=1, title="Kursus; Krisis, Banjir")
    enrolment, _ = enrol(user=learner, course=course, deadline=deadline)
    webinar = make_course(catalog, lessons=0, title="Webinar")
    session = make_session(
        webinar,
        title="Sesi Daring",
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    register_for_session(user=learner, session=session)
    response = client.get(reverse("courses:agenda_feed", args=[feed_key(learner)]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"UID:batas-kursus-{enrolment.pk}@" in body
    assert f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}" in body
    assert "Kursus\\; Krisis\\, Banjir" in body  # escaped as RFC 5545 says
    assert f"UID:sesi-{session.pk}@" in body
    # The meeting link is never in a calendar file.
    assert "zoom.example" not in body


def test_the_feed_address_is_personal_and_retired_by_a_password_change(client, learner):
    key = feed_key(learner)
    url = reverse("courses:agenda_feed", args=[key])
    assert client.get(url).status_code == 200
    other = AsnProfileFactory().user
    forged = f"{other.pk}-{key.partition('-')[2]}"
    assert client.get(reverse("courses:agenda_feed", args=[forged])).status_code == 404
    assert client.get(reverse("courses:agenda_feed", args=["x-y"])).status_code == 404
    learner.set_password("kata-sandi-baru-2026")
    learner.save()
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("courses:agenda_feed", args=[feed_key(learner)])).status_code
        == 200
    )


def test_the_dashboard_and_calendar_need_sign_in():
    client = Client()
    for name in ("courses:my_courses", "courses:agenda_calendar"):
        response = client.get(reverse(name))
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )


def test_the_agenda_asks_the_same_queries_for_one_session_or_many(learner, catalog):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.sessions.parts import SessionsPart

    since = timezone.now()

    def register(n):
        webinar = make_course(catalog, lessons=0, title=f"Webinar {n}")
        session = make_session(
            webinar, title=f"Sesi {n}", starts_at=since + datetime.timedelta(days=n)
        )
        register_for_session(user=learner, session=session)

    def count() -> tuple[int, list]:
        with CaptureQueriesContext(connection) as queries:
            items = SessionsPart().agenda(user=learner, since=since)
        # Database queries; the site's root paths come from the cache.
        sql = [q for q in queries.captured_queries if "sigap_cache" not in q["sql"]]
        return len(sql), [(item.title, item.course_title) for item in items]

    register(1)
    SessionsPart().agenda(user=learner, since=since)  # site root paths cached
    one, items = count()
    assert items == [("Sesi 1", "Webinar 1")]
    register(2)
    register(3)
    many, items = count()
    assert [course for _, course in items] == ["Webinar 1", "Webinar 2", "Webinar 3"]
    assert many == one
