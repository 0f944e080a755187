"""A learner's record as HR sees it: courses, dates, scores, JP, certificates."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Min, Sum

from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonVisit
from courses.sessions.models import Attendance
from lms.accounts.models import AsnProfile, User
from lms.competencies.growth import _quiz_attempts
from lms.competencies.selectors import competency_profile

from .jp import jp_by_year


@dataclass
class TranscriptRow:
    enrolment: Enrolment
    pre: float | None = None
    post: float | None = None
    certificate: object = None
    active_seconds: int = 0
    first_opened_at: datetime | None = None

    @property
    def active_minutes(self) -> int:
        """Active time in the course's lessons (heartbeats counted by the server),
        in whole minutes."""
        return self.active_seconds // 60

    @property
    def certificate_ok(self) -> bool:
        """Valid and not past its end date (an expired one shows as expired)."""
        return getattr(self.certificate, "shown_status", "") == "valid"


@dataclass(frozen=True)
class SessionLine:
    """A live session the person attended (some or all of it)."""

    session_id: int
    title: str
    course: str
    starts_at: datetime
    minutes_present: int
    attended: bool


@dataclass
class Transcript:
    person: User
    profile: AsnProfile | None
    rows: list[TranscriptRow]
    jp_by_year: list[tuple[int, int]]
    competencies: list = field(default_factory=list)
    sessions: list[SessionLine] = field(default_factory=list)

    @property
    def completed_count(self) -> int:
        return sum(1 for row in self.rows if row.enrolment.is_completed)


def build_transcript(*, person: User) -> Transcript:
    """Everything on the transcript page and PDF, in a fixed number of queries."""
    profile = (
        AsnProfile.objects.select_related("unit", "instansi", "jabatan")
        .filter(user=person)
        .first()
    )
    enrolments = list(
        Enrolment.objects.for_user(person)
        .select_related("course")
        .order_by("-completed_at", "-enrolled_at")
    )
    rows = [TranscriptRow(enrolment=enrolment) for enrolment in enrolments]
    _attach_certificates(rows)
    _attach_scores(person, rows)
    _attach_time(rows)
    return Transcript(
        person=person,
        profile=profile,
        rows=rows,
        jp_by_year=jp_by_year(person=person),
        competencies=_competencies(person),
        sessions=_sessions(person),
    )


def _sessions(person: User) -> list[SessionLine]:
    """The person's recorded attendance of live sessions, newest first, with
    their courses' titles, in two queries (``courses.sessions``)."""
    attendances = list(
        Attendance.objects.filter(user=person)
        .select_related("session")
        .order_by("-session__starts_at")
    )
    course_path = {a.pk: a.session.path[: -a.session.steplen] for a in attendances}
    courses = dict(
        CoursePage.objects.filter(path__in=set(course_path.values())).values_list(
            "path", "title"
        )
    )
    return [
        SessionLine(
            session_id=attendance.session_id,
            title=attendance.session.title,
            course=courses.get(course_path[attendance.pk], ""),
            starts_at=attendance.session.starts_at,
            minutes_present=attendance.minutes_present,
            attended=attendance.attended,
        )
        for attendance in attendances
    ]


def _attach_certificates(rows: list[TranscriptRow]) -> None:
    """The newest certificate of each enrolment (valid, revoked or expired)."""
    if not rows:
        return
    by_enrolment = {}
    for certificate in Certificate.objects.filter(
        enrolment__in=[row.enrolment for row in rows]
    ).order_by("pk"):
        by_enrolment[certificate.enrolment_id] = certificate
    for row in rows:
        row.certificate = by_enrolment.get(row.enrolment.pk)


def _attach_time(rows: list[TranscriptRow]) -> None:
    """The active time and the first lesson opening of each enrolment, in one
    query (``courses.models.LessonVisit``)."""
    if not rows:
        return
    totals = {
        line["enrolment"]: line
        for line in LessonVisit.objects.filter(
            enrolment__in=[row.enrolment for row in rows]
        )
        .values("enrolment")
        .annotate(active=Sum("active_seconds"), first=Min("first_opened_at"))
        .order_by()
    }
    for row in rows:
        line = totals.get(row.enrolment.pk)
        if line is not None:
            row.active_seconds, row.first_opened_at = line["active"], line["first"]


def _attach_scores(person: User, rows: list[TranscriptRow]) -> None:
    """First pre-test and best post-test percent per course (quiz engine)."""
    if not rows:
        return
    for row in rows:
        pre, post = _quiz_attempts(user=person, course=row.enrolment.course)
        row.pre = round(pre.percent, 1) if pre and pre.percent is not None else None
        row.post = round(post.percent, 1) if post else None


@dataclass
class CompetencyLine:
    label: str
    assessed: int | None
    required: int | None
    gap: int | None


def _competencies(person: User) -> list[CompetencyLine]:
    """Competencies with a standard or evidence: assessed, required and gap."""
    return [
        CompetencyLine(
            label=f"{row.competency.code} {row.competency.name}",
            assessed=row.assessed_level,
            required=row.required_level,
            gap=max(row.gap, 0) if row.gap is not None else None,
        )
        for row in competency_profile(user=person)
        if row.assessed_level is not None or row.required_level is not None
    ]
