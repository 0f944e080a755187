"""iCalendar files (a session's .ics, the learner's agenda feed) carry text that
trainers and editors type: no value can break out of its line and add a
property or an event of its own (CRLF injection, RFC 5545 3.1)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.agenda import feed_key
from courses.services import enrol
from lms.ics import Event, calendar
from tests.factories import make_course

INJECTED = "Rapat\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Phish\u2028ATTACH:x\x0by"


def _lines(body: str) -> list[str]:
    """The content lines, unfolded (RFC 5545 3.1)."""
    return body.replace("\r\n ", "").split("\r\n")


def test_no_field_of_an_event_can_start_a_line_of_its_own():
    event = Event(
        uid="sesi-1\r\nATTACH:https://evil.example/x",
        start=timezone.now(),
        summary=INJECTED,
        description=INJECTED,
        location=INJECTED,
        url="https://sigap.test/a\r\nATTACH:https://evil.example/x",
    )
    body = calendar([event], product="-//Sigap//Uji//ID", now=timezone.now())
    lines = _lines(body)
    assert lines.count("BEGIN:VEVENT") == 1
    assert lines.count("END:VEVENT") == 1
    assert not any(line.startswith(("ATTACH", "SUMMARY:Phish")) for line in lines)
    assert not any(ch in body for ch in ("\x0b", "\u2028"))
    # Every line but the last (empty after the final CRLF) is a property.
    assert all(":" in line for line in lines[:-1])


@pytest.mark.django_db
def test_a_course_title_cannot_add_an_event_to_the_learners_feed(
    client, learner, catalog
):
    course = make_course(catalog, lessons=1, title=INJECTED)
    enrol(
        user=learner,
        course=course,
        deadline=timezone.localdate() + datetime.timedelta(days=3),
    )
    body = client.get(
        reverse("courses:agenda_feed", args=[feed_key(learner)])
    ).content.decode()
    lines = _lines(body)
    assert lines.count("BEGIN:VEVENT") == 1
    assert not any(line.startswith("SUMMARY:Phish") for line in lines)
    # A calendar app splitting on Unicode line separators finds none either.
    assert "\u2028" not in body and "\x0b" not in body
