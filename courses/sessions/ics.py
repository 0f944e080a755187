"""A session as an iCalendar file (RFC 5545, written by ``lms.ics``). The meeting
link is never in it; its address is the session's page in Sigap, which reveals the
link to registered learners near the start."""

import datetime

from django.utils import timezone

from lms.ics import Event, calendar

from .models import SessionMode, SessionPage

PRODUCT = "-//Sigap//Sesi langsung//ID"


def session_calendar(
    *, session: SessionPage, page_url: str, now: datetime.datetime | None = None
) -> str:
    """The session as one VEVENT in a VCALENDAR, CRLF line endings."""
    now = now or timezone.now()
    return calendar(
        [session_event(session=session, page_url=page_url)], product=PRODUCT, now=now
    )


def session_event(
    *, session: SessionPage, page_url: str, course_title: str | None = None
) -> Event:
    """The session as an event: on its own ``.ics`` and in a learner's agenda
    (which knows the course's title already: ``course_title``)."""
    if course_title is None:
        course = session.get_course()
        course_title = course.title if course else ""
    description = "\n".join(
        part
        for part in (
            course_title,
            session.intro,
            "\n".join(session.speaker_list),
            page_url,
        )
        if part
    )
    location = session.place if session.mode == SessionMode.CLASSROOM else page_url
    return Event(
        uid=f"sesi-{session.pk}",
        start=session.starts_at,
        end=session.ends_at,
        summary=session.title,
        description=description,
        location=location,
        url=page_url,
    )
