"""Programme reminders, the kinds this layer adds to HR's reminders
(``lms.hr.reminders``, through ``SIGAP_REMINDER_STEPS`` and
``SIGAP_REMINDER_HISTORY_STEPS``): so the daily job, HR's reminders page and its
*Kirim sekarang* list, send and record them with the others.

- an open assignment's due date: a week before it, and once when it has passed
  (mandatory training: sent whatever the person's reminder preference);
- a programme certificate's end: 60, 30 and 7 days before (``lms.hr.reminders``
  holds the marks, the same as a course certificate's), each once; it announces
  the mandatory recertification, so it too goes whatever the opt-out.

Days are Asia/Jakarta days (``TIME_ZONE``).
"""

import datetime

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import Enrolment
from lms.emails import absolute_url
from lms.hr.reminders import (
    CERTIFICATE_REMINDER_DAYS,
    DueReminder,
    ScheduledReminder,
    SentReminder,
    marks_ahead,
    reminder_mark,
    send_reminders,
    shown_date,
)

from .models import ProgrammeAssignment, ProgrammeReminder, RecertificationReminder

# Days before an assignment's due date on which its person is reminded.
DUE_SOON_DAYS = 7
KIND_DUE = "programme_due"
KIND_CERTIFICATE = "programme_certificate"


def due_reminders(*, now: datetime.datetime, people: QuerySet | None) -> list:
    """Reminder step: the programme reminders due at ``now`` for ``people``."""
    today = timezone.localdate(now)
    return _due_dates(today=today, people=people) + certificate_reminders(
        today=today, people=people
    )


def _overdue_courses(
    assignment: ProgrammeAssignment, today: datetime.date
) -> tuple[int, ...]:
    """The person's enrolments in the programme's courses that are past their
    deadline: the programme's overdue reminder speaks for them."""
    courses = assignment.programme.items.values("course_id")
    return tuple(
        Enrolment.objects.current()
        .in_progress()
        .filter(user=assignment.user, course_id__in=courses, deadline__lt=today)
        .values_list("pk", flat=True)
    )


def _claim_due(assignment: ProgrammeAssignment, kind: str):
    def claim(now: datetime.datetime) -> bool:
        _reminder, created = ProgrammeReminder.objects.get_or_create(
            assignment=assignment, kind=kind
        )
        return created

    return claim


def _due_dates(*, today: datetime.date, people: QuerySet | None) -> list:
    assignments = (
        ProgrammeAssignment.objects.open()
        .filter(
            due_on__isnull=False,
            due_on__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
            user__is_active=True,
            programme__is_active=True,
        )
        .select_related("user", "programme")
        .prefetch_related("due_reminders")
        .order_by("due_on", "pk")
    )
    if people is not None:
        assignments = assignments.filter(user__in=people.values("pk"))
    my_courses_url = absolute_url("courses:my_courses")
    reminders = []
    for assignment in assignments:
        due_on = assignment.due_on
        if due_on is None:
            continue
        overdue = due_on < today
        kind = (
            ProgrammeReminder.Kind.OVERDUE
            if overdue
            else ProgrammeReminder.Kind.DUE_SOON
        )
        if any(sent.kind == kind for sent in assignment.due_reminders.all()):
            continue
        values = {"title": assignment.programme.title, "date": shown_date(due_on)}
        reminders.append(
            DueReminder(
                user=assignment.user,
                kind=KIND_DUE,
                label=str(kind.label),
                reason=(
                    _("“%(title)s”, tenggat %(date)s terlewat")
                    if overdue
                    else _("“%(title)s”, tenggat %(date)s")
                )
                % values,
                email_kind="programme_due",
                context={
                    "name": assignment.user.display_name,
                    "programme": assignment.programme.title,
                    "due_on": due_on,
                    "overdue": overdue,
                    "my_courses_url": my_courses_url,
                },
                link=my_courses_url,
                claim=_claim_due(assignment, kind),
                covers=_overdue_courses(assignment, today) if overdue else (),
            )
        )
    return reminders


def _claim_mark(assignment: ProgrammeAssignment, mark: int):
    def claim(now: datetime.datetime) -> bool:
        # This mark or a later (smaller) one already sent: nothing to send.
        if assignment.reminders.filter(days_before__lte=mark).exists():
            return False
        assignment.reminders.create(days_before=mark)
        return True

    return claim


def _certificate_holders(
    *, ending_from: datetime.date, ending_by: datetime.date, people: QuerySet | None
) -> QuerySet:
    """Completed assignments whose valid programme certificate ends between the
    two days (both included), not renewed yet, of active ``people``."""
    holders = (
        ProgrammeAssignment.objects.filter(
            completed_at__isnull=False,
            certificate__status=Certificate.Status.VALID,
            certificate__valid_until__gte=ending_from,
            certificate__valid_until__lte=ending_by,
            user__is_active=True,
        )
        .exclude(
            Exists(
                ProgrammeAssignment.objects.filter(
                    renewal_of=OuterRef("pk"), completed_at__isnull=False
                )
            )
        )
        .select_related("user", "programme", "certificate")
        .prefetch_related("reminders")
    )
    if people is not None:
        holders = holders.filter(user__in=people.values("pk"))
    return holders


def certificate_reminders(
    *, today: datetime.date, people: QuerySet | None = None
) -> list:
    """Holders of a valid programme certificate at its 60/30/7-day mark (the
    latest reached, never a stale one), unless they renewed it already."""
    assignments = _certificate_holders(
        ending_from=today,
        ending_by=today + datetime.timedelta(days=max(CERTIFICATE_REMINDER_DAYS)),
        people=people,
    ).order_by("certificate__valid_until", "pk")
    label = _("Sertifikat program akan habis masa berlaku")
    certificates_url = absolute_url("certificates:mine")
    my_courses_url = absolute_url("courses:my_courses")
    reminders = []
    for assignment in assignments:
        certificate = assignment.certificate
        if certificate is None or certificate.valid_until is None:
            continue
        left = (certificate.valid_until - today).days
        mark = reminder_mark(left)
        if mark is None or any(
            sent.days_before <= mark for sent in assignment.reminders.all()
        ):
            continue
        reminders.append(
            DueReminder(
                user=assignment.user,
                kind=KIND_CERTIFICATE,
                label=label,
                reason=_("“%(title)s”, berlaku sampai %(date)s (%(days)d hari lagi)")
                % {
                    "title": assignment.programme.title,
                    "date": shown_date(certificate.valid_until),
                    "days": left,
                },
                email_kind="programme_expiring",
                context={
                    "name": assignment.user.display_name,
                    "programme": assignment.programme.title,
                    "valid_until": certificate.valid_until,
                    "days": left,
                    "certificates_url": certificates_url,
                    "my_courses_url": my_courses_url,
                },
                link=my_courses_url,
                claim=_claim_mark(assignment, mark),
            )
        )
    return reminders


def send_expiry_reminders(*, today: datetime.date | None = None) -> int:
    """Send the programme certificates' 60/30/7-day reminders due ``today`` (the
    hourly recertification task; HR's daily job sends them too, never twice).
    Return how many were sent."""
    today = today or timezone.localdate()
    return send_reminders(due=certificate_reminders(today=today)).total


def sent_reminders(*, people: QuerySet | None, limit: int) -> list[SentReminder]:
    """History step: the latest programme reminders sent to ``people``."""
    marks = RecertificationReminder.objects.select_related(
        "assignment__user__asn_profile", "assignment__programme"
    ).order_by("-sent_at", "-pk")
    dues = ProgrammeReminder.objects.select_related(
        "assignment__user__asn_profile", "assignment__programme"
    ).order_by("-sent_at", "-pk")
    if people is not None:
        marks = marks.filter(assignment__user__in=people.values("pk"))
        dues = dues.filter(assignment__user__in=people.values("pk"))
    label = _("Sertifikat program akan habis masa berlaku")
    lines = [
        SentReminder(
            sent_at=mark.sent_at,
            user=mark.assignment.user,
            label=label,
            subject=_("“%(title)s”, %(days)d hari sebelum berakhir")
            % {"title": mark.assignment.programme.title, "days": mark.days_before},
        )
        for mark in marks[:limit]
    ]
    lines += [
        SentReminder(
            sent_at=due.sent_at,
            user=due.assignment.user,
            label=str(due.get_kind_display()),
            subject=due.assignment.programme.title,
        )
        for due in dues[:limit]
    ]
    return lines


def scheduled_reminders(
    *, today: datetime.date, until: datetime.date, people: QuerySet | None
) -> list[ScheduledReminder]:
    """Schedule step: the programme reminders later runs will send after
    ``today`` and by ``until`` (due dates, certificate marks)."""
    scheduled = []
    assignments = (
        ProgrammeAssignment.objects.open()
        .filter(
            due_on__isnull=False,
            due_on__gt=today - datetime.timedelta(days=1),
            due_on__lte=until + datetime.timedelta(days=DUE_SOON_DAYS),
            user__is_active=True,
            programme__is_active=True,
        )
        .select_related("user", "programme")
        .prefetch_related("due_reminders")
    )
    if people is not None:
        assignments = assignments.filter(user__in=people.values("pk"))
    for assignment in assignments:
        due_on = assignment.due_on
        if due_on is None:
            continue
        sent = {reminder.kind for reminder in assignment.due_reminders.all()}
        for kind, day in (
            (
                ProgrammeReminder.Kind.DUE_SOON,
                due_on - datetime.timedelta(days=DUE_SOON_DAYS),
            ),
            (ProgrammeReminder.Kind.OVERDUE, due_on + datetime.timedelta(days=1)),
        ):
            if kind not in sent and today < day <= until:
                scheduled.append(
                    ScheduledReminder(
                        user=assignment.user,
                        label=str(kind.label),
                        reason=_("“%(title)s”, tenggat %(date)s")
                        % {
                            "title": assignment.programme.title,
                            "date": shown_date(due_on),
                        },
                        on=day,
                    )
                )
    holders = _certificate_holders(
        ending_from=today + datetime.timedelta(days=1),
        ending_by=until + datetime.timedelta(days=max(CERTIFICATE_REMINDER_DAYS)),
        people=people,
    )
    label = _("Sertifikat program akan habis masa berlaku")
    for assignment in holders:
        certificate = assignment.certificate
        if certificate is None or certificate.valid_until is None:
            continue
        for mark, day in marks_ahead(
            ends=certificate.valid_until,
            sent=[r.days_before for r in assignment.reminders.all()],
            today=today,
            until=until,
        ):
            scheduled.append(
                ScheduledReminder(
                    user=assignment.user,
                    label=label,
                    reason=_("“%(title)s”, %(days)d hari sebelum berakhir")
                    % {"title": assignment.programme.title, "days": mark},
                    on=day,
                )
            )
    return scheduled
