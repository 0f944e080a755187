"""The learner's agenda: course deadlines and what the parts add (live sessions
they registered for), for the dashboard ("Kursus saya"), the month calendar and
the calendar feed a phone's calendar app subscribes to.

The feed's address carries a key made from the person's id and their password
hash: a calendar app cannot sign in, the address is theirs alone, and changing the
password retires every address given out before (docs/privacy.md)."""

import calendar as month_calendar
import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from lms.ics import Event
from lms.numbers import parse_int

from .models import Enrolment, LessonVisit
from .parts import COURSE_PARTS, AgendaItem

FEED_SALT = "sigap.courses.agenda-feed"
# Deadlines and sessions this far back stay on the agenda (an overdue course is
# still to do; a session of last week may have its recording).
LOOK_BACK = datetime.timedelta(days=30)
PRODUCT = "-//Sigap//Agenda belajar//ID"


def agenda(*, user, now: datetime.datetime | None = None) -> list[AgendaItem]:
    """Every dated item of the learner from a month ago on, in time order."""
    now = now or timezone.now()
    since = now - LOOK_BACK
    items = [
        AgendaItem(
            when=enrolment.deadline,
            title=enrolment.course.title,
            url=enrolment.course.url or "",
            kind=_("Batas waktu kursus"),
            course_title=enrolment.course.title,
            uid=f"batas-kursus-{enrolment.pk}",
        )
        for enrolment in Enrolment.objects.current()
        .for_user(user)
        .filter(
            status=Enrolment.Status.ACTIVE,
            deadline__isnull=False,
            deadline__gte=timezone.localdate(since),
        )
        .select_related("course")
    ]
    for part in COURSE_PARTS:
        items += part.agenda(user=user, since=since)
    return sorted(items, key=lambda item: item.sort_key)


def upcoming(items: list[AgendaItem], *, today: datetime.date) -> list[AgendaItem]:
    """What the dashboard lists: overdue deadlines and what is still to come."""
    return [
        item
        for item in items
        if item.day >= today or not isinstance(item.when, datetime.datetime)
    ]


@dataclass(frozen=True)
class Resume:
    """Where "Lanjutkan" takes the learner: the course they last worked in."""

    enrolment: Enrolment
    started: bool  # False: enrolled, nothing opened yet ("Mulai")


def resume(*, user) -> Resume | None:
    """The active course the learner opened a lesson of last (or, before any, the
    latest they enrolled in)."""
    visit = (
        LessonVisit.objects.filter(
            enrolment__user=user, enrolment__status=Enrolment.Status.ACTIVE
        )
        .select_related("enrolment__course")
        .order_by("-last_opened_at")
        .first()
    )
    if visit is not None:
        return Resume(enrolment=visit.enrolment, started=True)
    enrolment = (
        Enrolment.objects.current()
        .for_user(user)
        .filter(status=Enrolment.Status.ACTIVE)
        .select_related("course")
        .order_by("-enrolled_at")
        .first()
    )
    return Resume(enrolment=enrolment, started=False) if enrolment else None


@dataclass(frozen=True)
class Day:
    date: datetime.date
    in_month: bool
    items: list[AgendaItem]


def month_grid(items: list[AgendaItem], *, year: int, month: int) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with its items."""
    by_day: dict[datetime.date, list[AgendaItem]] = {}
    for item in items:
        by_day.setdefault(item.day, []).append(item)
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [
        [Day(day, day.month == month, by_day.get(day, [])) for day in week]
        for week in weeks
    ]


def feed_events(items: list[AgendaItem]) -> list[Event]:
    events = []
    for item in items:
        if item.event is not None:
            events.append(item.event)
        else:
            events.append(
                Event(
                    uid=item.uid,
                    start=item.when,
                    summary=f"{item.kind}: {item.title}",
                    url=item.url,
                )
            )
    return events


def feed_key(user) -> str:
    """The secret part of the learner's feed address (changes with the password)."""
    return (
        f"{user.pk}-"
        + salted_hmac(
            FEED_SALT, f"{user.pk}:{user.password}", algorithm="sha256"
        ).hexdigest()[:40]
    )


def user_from_feed_key(key: str):
    """The active person whose feed address this is, or None."""
    pk = parse_int(key.partition("-")[0], min_value=1)
    if pk is None:
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    if user is None or not constant_time_compare(feed_key(user), key):
        return None
    return user
