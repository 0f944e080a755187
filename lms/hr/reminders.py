"""Reminder emails: learners below the JP target, and enrolments past their deadline.

Nobody gets the same reminder twice within ``SIGAP_REMINDER_WINDOW_DAYS``. JP
reminders are optional and respect ``AsnProfile.reminders_opt_out``; a missed
deadline set by HR is mandatory training, so that reminder is always sent.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.models import AsnProfile
from lms.emails import absolute_url, send_email

from .jp import jp_per_user, jp_target
from .models import ReminderLog


@dataclass
class ReminderRun:
    jp_sent: int = 0
    deadline_sent: int = 0


def _recent(kind: str, since: datetime.datetime, **match):
    return ReminderLog.objects.filter(kind=kind, sent_at__gte=since, **match)


def send_due_reminders(*, now: datetime.datetime | None = None) -> ReminderRun:
    """Send every reminder that is due now; return how many of each were sent."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.SIGAP_REMINDER_WINDOW_DAYS)
    run = ReminderRun()
    local = timezone.localtime(now)
    if local.month >= settings.SIGAP_REMINDER_JP_FROM_MONTH:
        run.jp_sent = _remind_below_jp(now=now, since=since, year=local.year)
    run.deadline_sent = _remind_past_deadline(now=now, since=since)
    return run


def _remind_below_jp(*, now, since, year: int) -> int:
    target = jp_target()
    compliant = jp_per_user(year=year).filter(jp__gte=target).values("user")
    people = (
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
    )
    sent = 0
    for profile in people.iterator(chunk_size=500):
        jp = dict(
            jp_per_user(year=year)
            .filter(user=profile.user_id)
            .values_list("user", "jp")
        ).get(profile.user_id, 0)
        send_email(
            kind="jp_reminder",
            to=profile.user,
            context={
                "name": profile.full_name_with_titles,
                "jp": jp,
                "year": year,
                "target": target,
                "catalogue_url": absolute_url("wagtail_serve", ""),
                "profile_url": absolute_url("accounts:profile"),
            },
        )
        ReminderLog.objects.create(
            user_id=profile.user_id, kind=ReminderLog.Kind.JP_BELOW_TARGET, sent_at=now
        )
        sent += 1
    return sent


def _remind_past_deadline(*, now, since) -> int:
    today = timezone.localdate(now)
    enrolments = (
        Enrolment.objects.in_progress()
        .filter(deadline__lt=today, user__is_active=True)
        .exclude(
            Exists(
                _recent(ReminderLog.Kind.PAST_DEADLINE, since, enrolment=OuterRef("pk"))
            )
        )
        .select_related("user", "course")
    )
    sent = 0
    for enrolment in enrolments.iterator(chunk_size=500):
        send_email(
            kind="deadline_reminder",
            to=enrolment.user,
            context={
                "name": enrolment.user.display_name,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "my_courses_url": absolute_url("courses:my_courses"),
            },
        )
        ReminderLog.objects.create(
            user_id=enrolment.user_id,
            enrolment=enrolment,
            kind=ReminderLog.Kind.PAST_DEADLINE,
            sent_at=now,
        )
        sent += 1
    return sent
