"""Reads of live sessions: the course's sessions with the learner's standing,
the session page's overview, whether a learner attended what the course requires,
and attendance lists as each reader may see them. Nothing is written here."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from lms.accounts.models import User

from .models import (
    Attendance,
    AttendanceImport,
    SessionMode,
    SessionPage,
    SessionRegistration,
)
from .permissions import (
    attendance_in_scope,
    can_manage_attendance,
    code_accepted_now,
    may_join,
    may_register,
)
from .presence import local_clock, local_time, minutes_needed, zone_of


@dataclass(frozen=True)
class SessionLink:
    """A live session as the course outline lists it (the same for everyone:
    no meeting link, no code)."""

    pk: int
    title: str
    url: str | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    mode: str
    required: bool
    duration_minutes: int


@dataclass(frozen=True)
class SessionStatus:
    """A session in the outline with the learner's standing in it."""

    session: SessionLink
    registered: bool = False
    attended: bool = False
    minutes_present: int = 0


def live_sessions(*, course: CoursePage) -> QuerySet[SessionPage]:
    return SessionPage.objects.live().child_of(course).order_by("starts_at", "path")


def session_links(*, course: CoursePage, course_url: str | None) -> list[SessionLink]:
    return [
        SessionLink(
            pk=session.pk,
            title=session.title,
            url=course_url and f"{course_url}{session.slug}/",
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            mode=session.mode,
            required=session.required,
            duration_minutes=session.duration_minutes,
        )
        for session in live_sessions(course=course).only(
            "id", "title", "slug", "starts_at", "ends_at", "mode", "required"
        )
    ]


def session_records(*, user: User, session_ids: Collection[int]) -> list[tuple]:
    """The learner's registrations and attendances of these sessions:
    ``(session_id, kind, attended, minutes)``."""
    if not session_ids:
        return []
    registered = SessionRegistration.objects.filter(
        user=user, session_id__in=session_ids
    ).values_list("session_id", flat=True)
    attended = Attendance.objects.filter(
        user=user, session_id__in=session_ids
    ).values_list("session_id", "attended", "minutes_present")
    return [(pk, "registered", False, 0) for pk in registered] + [
        (pk, "attendance", done, minutes) for pk, done, minutes in attended
    ]


def session_standing(*, links: list[SessionLink], records: list) -> list[SessionStatus]:
    registered = {pk for pk, kind, _done, _m in records if kind == "registered"}
    attendance = {
        pk: (done, m) for pk, kind, done, m in records if kind == "attendance"
    }
    return [
        SessionStatus(
            session=link,
            registered=link.pk in registered,
            attended=attendance.get(link.pk, (False, 0))[0],
            minutes_present=attendance.get(link.pk, (False, 0))[1],
        )
        for link in links
    ]


def sessions_attended(*, enrolment: Enrolment) -> bool:
    """The course's completion requirement: every live required session attended
    with its minimum presence (or the course has none)."""
    required = set(
        live_sessions(course=enrolment.course)
        .filter(required=True)
        .values_list("pk", flat=True)
    )
    if not required:
        return True
    attended = set(
        Attendance.objects.attended()
        .filter(user_id=enrolment.user_id, session_id__in=required)
        .values_list("session_id", flat=True)
    )
    return required <= attended


@dataclass(frozen=True)
class SessionOverview:
    """What the session page shows the person reading it."""

    course: CoursePage
    zone: str
    starts: str
    ends_clock: str
    phase: str  # upcoming | live | past
    enrolled: bool
    registration: SessionRegistration | None
    can_register: bool
    seats_left: int | None
    join_open: bool
    code_open: bool
    minutes_needed: int
    attendance: Attendance | None
    can_manage: bool

    @property
    def full(self) -> bool:
        return self.seats_left is not None and self.seats_left <= 0


def seats_left(session: SessionPage) -> int | None:
    if not session.capacity:
        return None
    taken = SessionRegistration.objects.filter(session=session).count()
    return max(0, session.capacity - taken)


def session_phase(session: SessionPage, now: datetime.datetime) -> str:
    if now < session.starts_at:
        return "upcoming"
    if now <= session.ends_at:
        return "live"
    return "past"


def session_overview(
    *,
    session: SessionPage,
    user: User | AnonymousUser,
    request: HttpRequest | None = None,
    now: datetime.datetime | None = None,
) -> SessionOverview:
    now = now or timezone.now()
    course = session.get_course()
    zone = zone_of(user)
    registration = None
    attendance = None
    enrolled = False
    if user.is_authenticated:
        registration = SessionRegistration.objects.filter(
            session=session, user=user
        ).first()
        attendance = Attendance.objects.filter(session=session, user=user).first()
        enrolled = Enrolment.objects.current().filter(user=user, course=course).exists()
    return SessionOverview(
        course=course,
        zone=zone,
        starts=local_time(session.starts_at, zone),
        ends_clock=local_clock(session.ends_at, zone),
        phase=session_phase(session, now),
        enrolled=enrolled,
        registration=registration,
        can_register=registration is None
        and (not user.is_authenticated or may_register(user, session, request=request)),
        seats_left=seats_left(session),
        join_open=session.mode == SessionMode.ONLINE
        and may_join(session, registration, now=now),
        code_open=registration is not None and code_accepted_now(session, now=now),
        minutes_needed=minutes_needed(
            duration_minutes=session.duration_minutes,
            share_percent=session.presence_share,
        ),
        attendance=attendance,
        can_manage=can_manage_attendance(user, session),
    )


@dataclass(frozen=True)
class AttendanceRow:
    """One participant in a session's attendance list."""

    user_id: int
    name: str
    email: str
    nip: str
    unit: str
    registered: bool
    joined_at: datetime.datetime | None
    code_entered: bool
    minutes_present: int
    attended: bool
    sources: str


def participants(*, session: SessionPage) -> QuerySet[User]:
    """Everyone who registered for the session or is enrolled in its course."""
    return User.objects.filter(
        Q(session_registrations__session=session)
        | Q(enrolments__course=session.get_course())
    ).distinct()


def attendance_list(*, session: SessionPage, viewer: User) -> list[AttendanceRow]:
    """The session's participants with their attendance, as ``viewer`` may see
    them (everyone for the course's trainer, people in scope for HR)."""
    people = attendance_in_scope(
        participants(session=session), viewer, session, via=""
    ).select_related("asn_profile", "asn_profile__unit")
    people = people.order_by("name", "email")
    registrations = {
        r.user_id: r for r in SessionRegistration.objects.filter(session=session)
    }
    attendances = {a.user_id: a for a in Attendance.objects.filter(session=session)}
    rows = []
    for person in people:
        profile = getattr(person, "asn_profile", None)
        registration = registrations.get(person.pk)
        attendance = attendances.get(person.pk)
        rows.append(
            AttendanceRow(
                user_id=person.pk,
                name=person.display_name,
                email=person.email,
                nip=profile.masked_nip if profile else "",
                unit=profile.unit.name if profile and profile.unit else "",
                registered=registration is not None,
                joined_at=registration.joined_at if registration else None,
                code_entered=bool(registration and registration.code_entered_at),
                minutes_present=attendance.minutes_present if attendance else 0,
                attended=bool(attendance and attendance.attended),
                sources=attendance.sources if attendance else "",
            )
        )
    return rows


def recent_imports(*, session: SessionPage) -> list[AttendanceImport]:
    return list(
        AttendanceImport.objects.filter(session=session)
        .select_related("created_by")
        .order_by("-created_at")[:10]
    )
