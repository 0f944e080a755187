"""Writes of live sessions: registration, joining, the attendance code, the
classroom register, providers' reports, the attendance they add up to, and the
reminder e-mails. Each service is one transaction."""

import datetime
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.services import enrol, evaluate_completion
from lms.accounts.models import User
from lms.audit.services import record_event
from lms.emails import send_email
from lms.steps import run_steps

from .models import (
    Attendance,
    AttendanceImport,
    AttendanceInterval,
    AttendanceSource,
    SessionPage,
    SessionRegistration,
    SessionReminder,
)
from .permissions import code_accepted_now, may_register
from .presence import local_time, minutes_needed, minutes_present, zone_of
from .report_import import (
    ReportCheck,
    ReportFileError,
    check_report,
    read_report,
    read_text,
)
from .selectors import participants


class SessionRefused(Exception):
    """What was asked cannot be done; ``message`` (Indonesian) says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def register_for_session(
    *, user: User, session: SessionPage, request=None
) -> tuple[SessionRegistration, bool]:
    """Register ``user`` for ``session`` once (enrolling them in its course if
    they are not yet), within its capacity; return it and whether it is new."""
    existing = SessionRegistration.objects.filter(session=session, user=user).first()
    if existing is not None:
        return existing, False
    if not may_register(user, session, request=request):
        raise SessionRefused(_("Pendaftaran sesi ini sudah ditutup."))
    # The session's row is the lock that keeps two last seats from both going.
    locked = SessionPage.objects.select_for_update().get(pk=session.pk)
    if locked.capacity:
        taken = SessionRegistration.objects.filter(session=session).count()
        if taken >= locked.capacity:
            raise SessionRefused(_("Kursi sesi ini sudah penuh."))
    enrol(user=user, course=session.get_course())
    registration = SessionRegistration.objects.create(
        session=session, user=user, registered_at=timezone.now()
    )
    return registration, True


def note_join(*, registration: SessionRegistration) -> SessionRegistration:
    """Record the first time the learner joined through Sigap."""
    if registration.joined_at is None:
        registration.joined_at = timezone.now()
        registration.save(update_fields=["joined_at"])
    return registration


def _code_matches(session: SessionPage, code: str) -> bool:
    typed = "".join(code.split()).upper()
    return hmac.compare_digest(typed.encode(), session.attendance_code.encode())


# Wrong codes a learner may type for one session; then the trainer records them.
MAX_CODE_TRIES = 10


def enter_attendance_code(
    *, registration: SessionRegistration, code: str
) -> Attendance:
    """The learner typed the code shown during the session: they were present
    from when they joined through Sigap (or now, if they did not), at the
    earliest the start, until the end of the session. After ``MAX_CODE_TRIES``
    wrong codes no more are taken (the code is not guessed by trying)."""
    session = registration.session
    now = timezone.now()
    if not code_accepted_now(session, now=now):
        raise SessionRefused(
            _("Kode kehadiran hanya diterima selama sesi berlangsung.")
        )
    tries = SessionRegistration.objects.filter(pk=registration.pk)
    if tries.filter(wrong_codes__gte=MAX_CODE_TRIES).exists():
        raise SessionRefused(
            _(
                "Terlalu banyak kode salah. Minta pengajar mencatat kehadiran Anda "
                "lewat laporan rapat atau daftar hadir."
            )
        )
    if not _code_matches(session, code):
        # Counted outside any transaction: the refusal must not undo it.
        tries.update(wrong_codes=F("wrong_codes") + 1)
        raise SessionRefused(
            _("Kode kehadiran salah. Periksa lagi kode dari pengajar.")
        )
    return _record_code(registration=registration, now=now)


@transaction.atomic
def _record_code(*, registration: SessionRegistration, now) -> Attendance:
    session = registration.session
    registration = SessionRegistration.objects.select_for_update().get(
        pk=registration.pk
    )
    if registration.code_entered_at is None:
        registration.code_entered_at = now
        if registration.joined_at is None:
            registration.joined_at = now
        registration.save(update_fields=["code_entered_at", "joined_at"])
    started = max(registration.joined_at or now, session.starts_at)
    if started < session.ends_at:
        AttendanceInterval.objects.get_or_create(
            session=session,
            user_id=registration.user_id,
            source=AttendanceSource.SIGAP,
            started_at=started,
            ended_at=session.ends_at,
        )
    return recompute_attendance(session=session, user_ids=[registration.user_id])[0]


@transaction.atomic
def mark_classroom_register(
    *, session: SessionPage, present_ids: set[int], by: User, request=None
) -> int:
    """The trainer's ticks on the classroom register: a ticked participant was
    present for the whole session, an unticked one not (by the register; other
    ways still count). Returns how many people's attendance changed."""
    allowed = set(participants(session=session).values_list("pk", flat=True))
    present = present_ids & allowed
    existing = set(
        AttendanceInterval.objects.filter(
            session=session, source=AttendanceSource.REGISTER
        ).values_list("user_id", flat=True)
    )
    removed = existing - present
    added = present - existing
    AttendanceInterval.objects.filter(
        session=session, source=AttendanceSource.REGISTER, user_id__in=removed
    ).delete()
    AttendanceInterval.objects.bulk_create(
        [
            AttendanceInterval(
                session=session,
                user_id=user_id,
                source=AttendanceSource.REGISTER,
                started_at=session.starts_at,
                ended_at=session.ends_at,
            )
            for user_id in sorted(added)
        ]
    )
    if added or removed:
        recompute_attendance(session=session, user_ids=sorted(added | removed))
        record_event(
            actor=by,
            action="sessions.register_marked",
            target=session,
            request=request,
            present=len(present),
            added=len(added),
            removed=len(removed),
        )
    return len(added | removed)


def recompute_attendance(
    *, session: SessionPage, user_ids: list[int]
) -> list[Attendance]:
    """Each person's attendance from all their intervals (merged, cut to the
    session) against the session's minimum presence; then whether their course
    is now complete."""
    needed = minutes_needed(
        duration_minutes=session.duration_minutes,
        share_percent=session.presence_share,
    )
    intervals: dict[int, list] = {user_id: [] for user_id in user_ids}
    sources: dict[int, set[str]] = {user_id: set() for user_id in user_ids}
    for user_id, started, ended, source in AttendanceInterval.objects.filter(
        session=session, user_id__in=user_ids
    ).values_list("user_id", "started_at", "ended_at", "source"):
        intervals[user_id].append((started, ended))
        sources[user_id].add(source)
    attended_before = set(
        Attendance.objects.filter(
            session=session, user_id__in=user_ids, attended=True
        ).values_list("user_id", flat=True)
    )
    results = []
    for user_id in user_ids:
        minutes = minutes_present(
            intervals[user_id], start=session.starts_at, end=session.ends_at
        )
        attendance, _created = Attendance.objects.update_or_create(
            session=session,
            user_id=user_id,
            defaults={
                "minutes_present": minutes,
                "attended": minutes >= needed > 0,
                "sources": ",".join(sorted(sources[user_id])),
            },
        )
        results.append(attendance)
    course = session.get_course()
    present = {a.user_id: a.minutes_present for a in results}
    for enrolment in (
        Enrolment.objects.current()
        .filter(course=course, user_id__in=[a.user_id for a in results if a.attended])
        .select_related("user", "course")
    ):
        if enrolment.user_id not in attended_before:
            # Once, when the person first reaches the minimum (an import run
            # again changes nothing): what the layers above record (xAPI).
            run_steps(
                "SIGAP_ATTENDANCE_STEPS",
                enrolment=enrolment,
                session=session,
                duration_seconds=present[enrolment.user_id] * 60,
                at=timezone.now(),
            )
        evaluate_completion(enrolment=enrolment)
    return results


def check_uploaded_report(
    *,
    session: SessionPage,
    user: User,
    data: bytes,
    file_name: str,
    provider: str,
    columns: dict,
    file_time_zone: str,
) -> tuple[AttendanceImport, ReportCheck]:
    """The dry run of an uploaded report: kept (its text, how to read it, the
    outcome of every row) so that it can be applied without a second upload.
    Raises ``ReportFileError`` for a file that cannot be read at all."""
    text = read_text(data)
    rows = read_report(
        text=text, columns=columns, zone_name=file_time_zone, session=session
    )
    check = check_report(session=session, rows=rows)
    record = AttendanceImport.objects.create(
        session=session,
        created_by=user,
        file_name=file_name[:255],
        provider=provider,
        columns=columns,
        file_time_zone=file_time_zone,
        text=text,
        summary=_summary(check),
    )
    return record, check


def _summary(check: ReportCheck) -> dict:
    return {
        "matched": check.matched,
        "unmatched": check.unmatched,
        "errors": check.errors,
        "people": check.people,
        "rows": [row.as_json() for row in check.rows],
    }


def recheck(record: AttendanceImport) -> ReportCheck:
    rows = read_report(
        text=record.text,
        columns=record.columns,
        zone_name=record.file_time_zone,
        session=record.session,
    )
    return check_report(session=record.session, rows=rows)


@dataclass(frozen=True)
class ReportApplied:
    """What applying a report did: intervals added, people whose attendance was
    computed again, rows left out."""

    added: int
    people: int
    left_out: int


@transaction.atomic
def apply_report(
    *, record: AttendanceImport, user: User, leave_out_unmatched: bool, request=None
) -> ReportApplied:
    """Import a checked report whole: every matched row becomes an interval (one
    already there is not added again, so importing the same report twice
    changes nothing). Refused when a row has an error, or when rows match no
    participant and the trainer has not agreed to leave them out."""
    record = AttendanceImport.objects.select_for_update().get(pk=record.pk)
    if record.status == AttendanceImport.Status.APPLIED:
        raise SessionRefused(_("Laporan ini sudah diimpor."))
    try:
        check = recheck(record)
    except ReportFileError as error:
        raise SessionRefused(str(error)) from error
    if check.errors:
        raise SessionRefused(
            _("%(n)d baris bermasalah; perbaiki berkasnya, lalu unggah lagi.")
            % {"n": check.errors}
        )
    if check.unmatched and not leave_out_unmatched:
        raise SessionRefused(
            _(
                "%(n)d baris tidak cocok dengan peserta. Centang “lewati baris yang "
                "tidak cocok” untuk mengimpor sisanya."
            )
            % {"n": check.unmatched}
        )
    session = record.session
    before = AttendanceInterval.objects.filter(session=session).count()
    AttendanceInterval.objects.bulk_create(
        [
            AttendanceInterval(
                session=session,
                user_id=user_id,
                source=AttendanceSource.IMPORT,
                started_at=started,
                ended_at=ended,
                attendance_import=record,
            )
            for user_id, started, ended in check.intervals
        ],
        ignore_conflicts=True,
    )
    added = AttendanceInterval.objects.filter(session=session).count() - before
    people = sorted({user_id for user_id, _started, _ended in check.intervals})
    recompute_attendance(session=session, user_ids=people)
    record.status = AttendanceImport.Status.APPLIED
    record.applied_at = timezone.now()
    record.summary = _summary(check)
    record.save(update_fields=["status", "applied_at", "summary"])
    record_event(
        actor=user,
        action="sessions.report_imported",
        target=session,
        request=request,
        file=record.file_name,
        added=added,
        people=len(people),
        left_out=check.unmatched,
    )
    return ReportApplied(added=added, people=len(people), left_out=check.unmatched)


# --- reminders ------------------------------------------------------------------

DAY_BEFORE = datetime.timedelta(days=1)
HOUR_BEFORE = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class RemindersSent:
    day: int
    hour: int


def send_session_reminders(*, now: datetime.datetime | None = None) -> RemindersSent:
    """Remind registered learners a day and an hour before their session: each
    reminder is due from that moment until the next one (the day's until an hour
    before, and only for those who registered before it; the hour's until the
    start) and sent once, ever, per registration (a unique marker, written in the
    e-mail's transaction)."""
    now = now or timezone.now()
    sent = {SessionReminder.Kind.DAY_BEFORE: 0, SessionReminder.Kind.HOUR_BEFORE: 0}
    windows = (
        (SessionReminder.Kind.DAY_BEFORE, now + HOUR_BEFORE, now + DAY_BEFORE),
        (SessionReminder.Kind.HOUR_BEFORE, now, now + HOUR_BEFORE),
    )
    for kind, after, until in windows:
        due = SessionRegistration.objects.filter(
            session__live=True,
            session__starts_at__gt=after,
            session__starts_at__lte=until,
            user__is_active=True,
        )
        if kind == SessionReminder.Kind.DAY_BEFORE:
            # Who registers within the last day has just seen the time.
            due = due.filter(registered_at__lte=F("session__starts_at") - DAY_BEFORE)
        due = due.exclude(reminders__kind=kind).select_related(
            "session", "user", "user__asn_profile__unit"
        )
        for registration in due.iterator(chunk_size=200):
            if _send_reminder(registration=registration, kind=kind, now=now):
                sent[kind] += 1
    return RemindersSent(
        day=sent[SessionReminder.Kind.DAY_BEFORE],
        hour=sent[SessionReminder.Kind.HOUR_BEFORE],
    )


@transaction.atomic
def _send_reminder(*, registration: SessionRegistration, kind: str, now) -> bool:
    _marker, created = SessionReminder.objects.get_or_create(
        registration=registration, kind=kind, defaults={"sent_at": now}
    )
    if not created:
        return False
    session = registration.session
    course = session.get_course()
    send_email(
        kind="session_reminder",
        to=registration.user,
        context={
            "name": registration.user.display_name,
            "session": session,
            "course": course,
            "hour": kind == SessionReminder.Kind.HOUR_BEFORE,
            "starts": local_time(session.starts_at, zone_of(registration.user)),
            "session_url": _absolute(session),
        },
        link=_absolute(session),
    )
    return True


def _absolute(session: SessionPage) -> str:
    return settings.SITE_URL + (session.get_url() or "/")
