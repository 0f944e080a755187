"""Reminder e-mails: learners below the JP target, enrolments past their deadline,
certificates about to expire, and whatever the layers above add (programmes: due
dates and programme certificates, through ``SIGAP_REMINDER_STEPS``).

One function decides what is due (``due_reminders``); the daily job and HR's
reminders page (/hr/pengingat/, preview and *Kirim sekarang*) both use it, so the
page shows exactly what the next run sends. Each reminder carries its own
``claim``: inside the send's transaction it records the reminder as sent, or says
it already was, which makes *Kirim sekarang* and the job idempotent with each
other. JP and deadline reminders go once within ``SIGAP_REMINDER_WINDOW_DAYS``;
a certificate's expiry reminders go 60, 30 and 7 days before it ends (days in
Asia/Jakarta), once each, and a missed run sends only the latest mark due.

JP and certificate reminders are optional and respect
``AsnProfile.reminders_opt_out`` and a restriction of processing; a missed
deadline set by HR is mandatory training, so that reminder is always sent.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import Enrolment
from lms.accounts.models import AsnProfile, User
from lms.emails import absolute_url, send_email
from lms.steps import run_steps

from .jp import jp_per_user, jp_target
from .models import ReminderLog

# Days before a certificate (a course's or a programme's) ends on which its
# holder is reminded, each once.
CERTIFICATE_REMINDER_DAYS = (60, 30, 7)


def reminder_mark(days_left: int) -> int | None:
    """The 60/30/7 mark a certificate with ``days_left`` days of validity has
    reached (the smallest mark not below it), or None outside the 60 days."""
    if days_left < 0 or days_left > max(CERTIFICATE_REMINDER_DAYS):
        return None
    return min(days for days in CERTIFICATE_REMINDER_DAYS if days >= days_left)


def shown_date(day: datetime.date | None) -> str:
    return date_format(day, "j M Y") if day else ""


@dataclass
class ReminderRun:
    """How many reminders of each kind one run sent."""

    sent: Counter = field(default_factory=Counter)

    @property
    def jp_sent(self) -> int:
        return self.sent[ReminderLog.Kind.JP_BELOW_TARGET]

    @property
    def deadline_sent(self) -> int:
        return self.sent[ReminderLog.Kind.PAST_DEADLINE]

    @property
    def certificate_sent(self) -> int:
        return self.sent[ReminderLog.Kind.CERTIFICATE_EXPIRING]

    @property
    def total(self) -> int:
        return sum(self.sent.values())


@dataclass(frozen=True)
class DueReminder:
    """One reminder the next run would send: to whom, which kind, why, and how it
    is recorded as sent (``claim(now)``: False when it already was)."""

    user: User
    kind: str
    label: str
    reason: str
    email_kind: str
    context: dict
    link: str
    claim: Callable[[datetime.datetime], bool] = field(compare=False, repr=False)
    # The enrolment a course-deadline reminder is about.
    enrolment_id: int | None = None
    # Enrolments past their deadline this reminder speaks for (a programme's
    # overdue reminder covers its courses): their own reminders are not sent
    # beside it, and are recorded as sent with it.
    covers: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return self.user.display_name


@dataclass(frozen=True)
class SentReminder:
    """One line of the reminders' history."""

    sent_at: datetime.datetime
    user: User
    label: str
    subject: str


@dataclass(frozen=True)
class ScheduledReminder:
    """A reminder a later run will send if nothing changes: who, why, and on
    which day (Asia/Jakarta). Only date-driven kinds can be foreseen."""

    user: User
    label: str
    reason: str
    on: datetime.date

    @property
    def name(self) -> str:
        return self.user.display_name


def marks_ahead(
    *, ends: datetime.date, sent: list[int], today: datetime.date, until: datetime.date
) -> list[tuple[int, datetime.date]]:
    """The 60/30/7 marks of a certificate ending on ``ends`` that fall after
    ``today`` and by ``until`` and were not sent yet: (mark, day)."""
    return [
        (mark, ends - datetime.timedelta(days=mark))
        for mark in CERTIFICATE_REMINDER_DAYS
        if today < ends - datetime.timedelta(days=mark) <= until
        and not any(done <= mark for done in sent)
    ]


def scheduled_reminders(
    *, now: datetime.datetime | None = None, people: QuerySet | None = None, days: int
) -> list[ScheduledReminder]:
    """The reminders later runs will send within ``days`` days after today, by
    day: course certificates' marks here, the layers above's through
    ``SIGAP_REMINDER_SCHEDULE_STEPS`` (each with ``today=``, ``until=``,
    ``people=``)."""
    today = timezone.localdate(now or timezone.now())
    until = today + datetime.timedelta(days=days)
    scheduled = _certificate_schedule(today=today, until=until, people=people)
    for more in run_steps(
        "SIGAP_REMINDER_SCHEDULE_STEPS", today=today, until=until, people=people
    ):
        scheduled += more
    scheduled.sort(key=lambda item: (item.on, item.name))
    return scheduled


def _certificate_schedule(*, today, until, people) -> list[ScheduledReminder]:
    certificates = _optional_ok(
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            valid_until__gt=today,
            valid_until__lte=until
            + datetime.timedelta(days=max(CERTIFICATE_REMINDER_DAYS)),
            user__isnull=False,
            enrolment__isnull=False,
        ),
        via="user__",
    )
    if people is not None:
        certificates = certificates.filter(user__in=people.values("pk"))
    certificates = certificates.select_related(
        "user", "user__asn_profile"
    ).prefetch_related("reminderlog_marks")
    label = str(ReminderLog.Kind.CERTIFICATE_EXPIRING.label)
    scheduled = []
    for certificate in certificates:
        if certificate.user is None or certificate.valid_until is None:
            continue
        sent = [
            log.days_before
            for log in certificate.reminderlog_marks.all()
            if log.days_before is not None
        ]
        for mark, day in marks_ahead(
            ends=certificate.valid_until, sent=sent, today=today, until=until
        ):
            scheduled.append(
                ScheduledReminder(
                    user=certificate.user,
                    label=label,
                    reason=_("“%(title)s”, %(days)d hari sebelum berakhir")
                    % {"title": certificate.course_title, "days": mark},
                    on=day,
                )
            )
    return scheduled


def _recent(kind: str, since: datetime.datetime, **match):
    return ReminderLog.objects.filter(kind=kind, sent_at__gte=since, **match)


def due_reminders(
    *, now: datetime.datetime | None = None, people: QuerySet | None = None
) -> list[DueReminder]:
    """Every reminder due at ``now``, optionally only for ``people`` (a ``User``
    queryset, e.g. an HR officer's scope): this layer's kinds, then those of the
    layers above (``SIGAP_REMINDER_STEPS``)."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SIGAP_REMINDER_WINDOW_DAYS)
    local = timezone.localtime(now)
    due: list[DueReminder] = []
    if local.month >= settings.SIGAP_REMINDER_JP_FROM_MONTH:
        due += _below_jp(since=since, year=local.year, people=people)
    due += _past_deadline(now=now, since=since, people=people)
    due += _certificate_expiring(now=now, people=people)
    for more in run_steps("SIGAP_REMINDER_STEPS", now=now, people=people):
        due += more
    # One message per thing to do: a course whose deadline is its programme's
    # is reminded by the programme's reminder, not once more on its own.
    covered = {enrolment for reminder in due for enrolment in reminder.covers}
    return [reminder for reminder in due if reminder.enrolment_id not in covered]


def send_reminders(
    *, due: list[DueReminder], now: datetime.datetime | None = None
) -> ReminderRun:
    """Send ``due`` (from ``due_reminders``) and record each one."""
    now = now or timezone.now()
    run = ReminderRun()
    for reminder in due:
        with transaction.atomic():
            # The person's row is the lock: the job and HR's *Kirim sekarang*
            # running at the same moment cannot both send this reminder.
            User.objects.select_for_update().filter(pk=reminder.user.pk).first()
            if not reminder.claim(now):
                continue
            # Inside the transaction: a failed send leaves no log, so the next
            # run tries again.
            send_email(
                kind=reminder.email_kind,
                to=reminder.user,
                context=reminder.context,
                link=reminder.link,
            )
            _record_covered(reminder, now)
        run.sent[reminder.kind] += 1
    return run


def _record_covered(reminder: DueReminder, now: datetime.datetime) -> None:
    """The course deadlines ``reminder`` spoke for count as reminded with it."""
    if reminder.covers:
        ReminderLog.objects.bulk_create(
            ReminderLog(
                user=reminder.user,
                enrolment_id=enrolment_id,
                kind=ReminderLog.Kind.PAST_DEADLINE,
                sent_at=now,
            )
            for enrolment_id in reminder.covers
        )


def send_due_reminders(
    *, now: datetime.datetime | None = None, people: QuerySet | None = None
) -> ReminderRun:
    """Send every reminder that is due now; return how many of each were sent."""
    now = now or timezone.now()
    return send_reminders(due=due_reminders(now=now, people=people), now=now)


def sent_reminders(*, people: QuerySet | None, limit: int) -> list[SentReminder]:
    """The latest ``limit`` reminders sent to ``people``, of every kind (this
    layer's and those of ``SIGAP_REMINDER_HISTORY_STEPS``), newest first."""
    logs = ReminderLog.objects.select_related(
        "user", "user__asn_profile", "enrolment__course", "certificate"
    ).order_by("-sent_at", "-pk")
    if people is not None:
        logs = logs.filter(user__in=people.values("pk"))
    lines = [
        SentReminder(
            sent_at=log.sent_at,
            user=log.user,
            label=str(log.get_kind_display()),
            subject=_log_subject(log),
        )
        for log in logs[:limit]
    ]
    for more in run_steps("SIGAP_REMINDER_HISTORY_STEPS", people=people, limit=limit):
        lines += more
    lines.sort(key=lambda line: line.sent_at, reverse=True)
    return lines[:limit]


def _log_subject(log: ReminderLog) -> str:
    if log.certificate is not None:
        title = log.certificate.course_title
        if log.days_before is not None:
            return _("“%(title)s”, %(days)d hari sebelum berakhir") % {
                "title": title,
                "days": log.days_before,
            }
        return title
    if log.enrolment is not None:
        return log.enrolment.course.title
    return ""


def _optional_ok(queryset: QuerySet, *, via: str) -> QuerySet:
    """Optional reminders: active people who neither opted out nor restricted
    processing."""
    return queryset.filter(
        **{
            f"{via}is_active": True,
            f"{via}processing_restricted_at__isnull": True,
        }
    ).exclude(**{f"{via}asn_profile__reminders_opt_out": True})


def _claim_jp(user: User, since: datetime.datetime):
    def claim(now: datetime.datetime) -> bool:
        if _recent(ReminderLog.Kind.JP_BELOW_TARGET, since, user=user).exists():
            return False
        ReminderLog.objects.create(
            user=user, kind=ReminderLog.Kind.JP_BELOW_TARGET, sent_at=now
        )
        return True

    return claim


def _claim_deadline(enrolment: Enrolment, since: datetime.datetime):
    def claim(now: datetime.datetime) -> bool:
        kind = ReminderLog.Kind.PAST_DEADLINE
        if _recent(kind, since, enrolment=enrolment).exists():
            return False
        ReminderLog.objects.create(
            user=enrolment.user, enrolment=enrolment, kind=kind, sent_at=now
        )
        return True

    return claim


def _claim_certificate(certificate: Certificate, mark: int):
    def claim(now: datetime.datetime) -> bool:
        # This mark or a later one (smaller) already sent: nothing to send.
        if ReminderLog.objects.filter(
            certificate=certificate, days_before__lte=mark
        ).exists():
            return False
        ReminderLog.objects.create(
            user=certificate.user,
            enrolment=certificate.enrolment,
            certificate=certificate,
            days_before=mark,
            kind=ReminderLog.Kind.CERTIFICATE_EXPIRING,
            sent_at=now,
        )
        return True

    return claim


def _below_jp(*, since, year: int, people) -> list[DueReminder]:
    target = jp_target()
    compliant = jp_per_user(year=year).filter(jp__gte=target).values("user")
    profiles = (
        AsnProfile.objects.filter(
            user__is_active=True,
            user__processing_restricted_at__isnull=True,
            reminders_opt_out=False,
        )
        .exclude(nip__isnull=True)
        .exclude(user__in=compliant)
        .exclude(
            Exists(
                _recent(ReminderLog.Kind.JP_BELOW_TARGET, since, user=OuterRef("user"))
            )
        )
        .select_related("user")
        .order_by("full_name", "pk")
    )
    if people is not None:
        profiles = profiles.filter(user__in=people.values("pk"))
    profiles_list = list(profiles)
    totals = dict(
        jp_per_user(year=year)
        .filter(user__in=[profile.user_id for profile in profiles_list])
        .values_list("user", "jp")
    )
    label = str(ReminderLog.Kind.JP_BELOW_TARGET.label)
    catalogue_url = absolute_url("wagtail_serve", "")
    profile_url = absolute_url("accounts:profile")
    reminders = []
    for profile in profiles_list:
        jp = totals.get(profile.user_id, 0)
        reminders.append(
            DueReminder(
                user=profile.user,
                kind=ReminderLog.Kind.JP_BELOW_TARGET,
                label=label,
                reason=_("%(jp)s dari %(target)s JP pada %(year)s")
                % {"jp": jp, "target": target, "year": year},
                email_kind="jp_reminder",
                context={
                    "name": profile.full_name_with_titles,
                    "jp": jp,
                    "year": year,
                    "target": target,
                    "catalogue_url": catalogue_url,
                    "profile_url": profile_url,
                },
                link=catalogue_url,
                claim=_claim_jp(profile.user, since),
            )
        )
    return reminders


def _past_deadline(*, now, since, people) -> list[DueReminder]:
    today = timezone.localdate(now)
    enrolments = (
        Enrolment.objects.in_progress()
        .filter(deadline__lt=today, user__is_active=True)
        .exclude(
            Exists(
                _recent(ReminderLog.Kind.PAST_DEADLINE, since, enrolment=OuterRef("pk"))
            )
        )
        .select_related("user", "user__asn_profile", "course")
        .order_by("deadline", "pk")
    )
    if people is not None:
        enrolments = enrolments.filter(user__in=people.values("pk"))
    label = str(ReminderLog.Kind.PAST_DEADLINE.label)
    my_courses_url = absolute_url("courses:my_courses")
    return [
        DueReminder(
            user=enrolment.user,
            kind=ReminderLog.Kind.PAST_DEADLINE,
            label=label,
            reason=_("“%(title)s”, batas waktu %(date)s")
            % {"title": enrolment.course.title, "date": shown_date(enrolment.deadline)},
            email_kind="deadline_reminder",
            context={
                "name": enrolment.user.display_name,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "my_courses_url": my_courses_url,
            },
            link=my_courses_url,
            claim=_claim_deadline(enrolment, since),
            enrolment_id=enrolment.pk,
        )
        for enrolment in enrolments
    ]


def _certificate_expiring(*, now, people) -> list[DueReminder]:
    """Valid course certificates 60, 30 or 7 days (or fewer) before they end,
    whose latest mark reached has not been sent (each mark once)."""
    today = timezone.localdate(now)
    horizon = today + datetime.timedelta(days=max(CERTIFICATE_REMINDER_DAYS))
    certificates = _optional_ok(
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            valid_until__gte=today,
            valid_until__lte=horizon,
            user__isnull=False,
            enrolment__isnull=False,
        ),
        via="user__",
    )
    if people is not None:
        certificates = certificates.filter(user__in=people.values("pk"))
    certificates = (
        certificates.select_related("user", "user__asn_profile", "enrolment")
        .prefetch_related("reminderlog_marks")
        .order_by("valid_until", "pk")
    )
    label = str(ReminderLog.Kind.CERTIFICATE_EXPIRING.label)
    certificates_url = absolute_url("certificates:mine")
    profile_url = absolute_url("accounts:profile")
    reminders = []
    for certificate in certificates:
        if certificate.user is None or certificate.valid_until is None:
            continue
        left = (certificate.valid_until - today).days
        mark = reminder_mark(left)
        sent = [log.days_before for log in certificate.reminderlog_marks.all()]
        if mark is None or any(d is not None and d <= mark for d in sent):
            continue
        reminders.append(
            DueReminder(
                user=certificate.user,
                kind=ReminderLog.Kind.CERTIFICATE_EXPIRING,
                label=label,
                reason=_("“%(title)s”, berlaku sampai %(date)s (%(days)d hari lagi)")
                % {
                    "title": certificate.course_title,
                    "date": shown_date(certificate.valid_until),
                    "days": left,
                },
                email_kind="certificate_expiring",
                context={
                    "name": certificate.user.display_name,
                    "course_title": certificate.course_title,
                    "valid_until": certificate.valid_until,
                    "certificates_url": certificates_url,
                    "profile_url": profile_url,
                },
                link=certificates_url,
                claim=_claim_certificate(certificate, mark),
            )
        )
    return reminders
