"""Reminder emails: learners below the JP target, enrolments past their deadline,
and certificates about to expire.

One function decides what is due (``due_reminders``); the daily job and HR's
reminders page (/hr/pengingat/, preview and *Kirim sekarang*) both use it, so the
page shows exactly what the next run sends. Nobody gets the same reminder twice
within ``SIGAP_REMINDER_WINDOW_DAYS`` (every send is a ``ReminderLog`` row), which
also makes *Kirim sekarang* and the job idempotent with each other.

JP and certificate reminders are optional and respect
``AsnProfile.reminders_opt_out`` and a restriction of processing; a missed
deadline set by HR is mandatory training, so that reminder is always sent.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrolment
from lms.accounts.models import AsnProfile, User
from lms.emails import absolute_url, send_email

from .jp import jp_per_user, jp_target
from .models import ReminderLog


@dataclass
class ReminderRun:
    jp_sent: int = 0
    deadline_sent: int = 0
    certificate_sent: int = 0

    @property
    def total(self) -> int:
        return self.jp_sent + self.deadline_sent + self.certificate_sent


@dataclass(frozen=True)
class DueReminder:
    """One reminder the next run would send: to whom, which kind, and why."""

    user: User
    kind: str
    enrolment: Enrolment | None
    email_kind: str
    context: dict

    @property
    def kind_label(self) -> str:
        return str(ReminderLog.Kind(self.kind).label)

    @property
    def link(self) -> str:
        """Where its in-app notification leads: the page the e-mail is about."""
        for key in ("my_courses_url", "certificates_url", "catalogue_url"):
            if key in self.context:
                return self.context[key]
        return ""

    @property
    def name(self) -> str:
        return self.user.display_name


def _recent(kind: str, since: datetime.datetime, **match):
    return ReminderLog.objects.filter(kind=kind, sent_at__gte=since, **match)


def due_reminders(
    *, now: datetime.datetime | None = None, people: QuerySet | None = None
) -> list[DueReminder]:
    """Every reminder due at ``now``, optionally only for ``people`` (a ``User``
    queryset, e.g. an HR officer's scope)."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SIGAP_REMINDER_WINDOW_DAYS)
    local = timezone.localtime(now)
    due: list[DueReminder] = []
    if local.month >= settings.SIGAP_REMINDER_JP_FROM_MONTH:
        due += _below_jp(since=since, year=local.year, people=people)
    due += _past_deadline(now=now, since=since, people=people)
    due += _certificate_expiring(now=now, since=since, people=people)
    return due


def send_reminders(
    *, due: list[DueReminder], now: datetime.datetime | None = None
) -> ReminderRun:
    """Send ``due`` (from ``due_reminders``) and record each one."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SIGAP_REMINDER_WINDOW_DAYS)
    run = ReminderRun()
    for reminder in due:
        with transaction.atomic():
            # The person's row is the lock: the job and HR's *Kirim sekarang*
            # running at the same moment cannot both send this reminder.
            User.objects.select_for_update().filter(pk=reminder.user.pk).first()
            match = (
                {"enrolment": reminder.enrolment}
                if reminder.enrolment is not None
                else {"user": reminder.user}
            )
            if _recent(reminder.kind, since, **match).exists():
                continue
            ReminderLog.objects.create(
                user=reminder.user,
                enrolment=reminder.enrolment,
                kind=reminder.kind,
                sent_at=now,
            )
            # Inside the transaction: a failed send leaves no log, so the next
            # run tries again.
            send_email(
                kind=reminder.email_kind,
                to=reminder.user,
                context=reminder.context,
                link=reminder.link,
            )
        if reminder.kind == ReminderLog.Kind.JP_BELOW_TARGET:
            run.jp_sent += 1
        elif reminder.kind == ReminderLog.Kind.PAST_DEADLINE:
            run.deadline_sent += 1
        else:
            run.certificate_sent += 1
    return run


def send_due_reminders(
    *, now: datetime.datetime | None = None, people: QuerySet | None = None
) -> ReminderRun:
    """Send every reminder that is due now; return how many of each were sent."""
    now = now or timezone.now()
    return send_reminders(due=due_reminders(now=now, people=people), now=now)


def _optional_ok(queryset: QuerySet, *, via: str) -> QuerySet:
    """Optional reminders: active people who neither opted out nor restricted
    processing."""
    return queryset.filter(
        **{
            f"{via}is_active": True,
            f"{via}processing_restricted_at__isnull": True,
        }
    ).exclude(**{f"{via}asn_profile__reminders_opt_out": True})


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
    return [
        DueReminder(
            user=profile.user,
            kind=ReminderLog.Kind.JP_BELOW_TARGET,
            enrolment=None,
            email_kind="jp_reminder",
            context={
                "name": profile.full_name_with_titles,
                "jp": totals.get(profile.user_id, 0),
                "year": year,
                "target": target,
                "catalogue_url": absolute_url("wagtail_serve", ""),
                "profile_url": absolute_url("accounts:profile"),
            },
        )
        for profile in profiles_list
    ]


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
    return [
        DueReminder(
            user=enrolment.user,
            kind=ReminderLog.Kind.PAST_DEADLINE,
            enrolment=enrolment,
            email_kind="deadline_reminder",
            context={
                "name": enrolment.user.display_name,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "my_courses_url": absolute_url("courses:my_courses"),
            },
        )
        for enrolment in enrolments
    ]


def _certificate_expiring(*, now, since, people) -> list[DueReminder]:
    """Valid certificates whose validity ends within
    ``SIGAP_REMINDER_CERTIFICATE_DAYS`` days (once per certificate's enrolment
    per window)."""
    today = timezone.localdate(now)
    horizon = today + datetime.timedelta(days=settings.SIGAP_REMINDER_CERTIFICATE_DAYS)
    certificates = _optional_ok(
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            valid_until__gte=today,
            valid_until__lte=horizon,
            user__isnull=False,
            enrolment__isnull=False,
        ),
        via="user__",
    ).exclude(
        Exists(
            _recent(
                ReminderLog.Kind.CERTIFICATE_EXPIRING,
                since,
                enrolment=OuterRef("enrolment"),
            )
        )
    )
    if people is not None:
        certificates = certificates.filter(user__in=people.values("pk"))
    certificates = certificates.select_related(
        "user", "user__asn_profile", "enrolment", "course"
    ).order_by("valid_until", "pk")
    return [
        DueReminder(
            user=certificate.user,
            kind=ReminderLog.Kind.CERTIFICATE_EXPIRING,
            enrolment=certificate.enrolment,
            email_kind="certificate_expiring",
            context={
                "name": certificate.user.display_name,
                "course_title": certificate.course.title if certificate.course else "",
                "valid_until": certificate.valid_until,
                "certificates_url": absolute_url("certificates:mine"),
                "profile_url": absolute_url("accounts:profile"),
            },
        )
        for certificate in certificates
        if certificate.user is not None
    ]
