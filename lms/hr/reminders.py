"""Reminder emails: learners below the JP target, and enrolments past their deadline.

Nobody gets the same reminder twice within ``SIGAP_REMINDER_WINDOW_DAYS``. JP
reminders are optional and respect ``AsnProfile.reminders_opt_out``; a missed
deadline set by HR is mandatory training, so that reminder is always sent.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from lms.accounts.models import AsnProfile

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
        send_mail(
            subject=_("[Sigap] JP Anda tahun ini: %(jp)d dari %(target)d")
            % {"jp": jp, "target": target},
            message=_(
                "Yth. %(name)s,\n\nHingga hari ini Anda telah mengumpulkan %(jp)d JP "
                "pengembangan kompetensi pada tahun %(year)d, dari target %(target)d "
                "JP. Pilih kursus di %(url)s untuk melengkapinya.\n\n"
                "Anda dapat berhenti menerima pengingat ini di profil Anda.\n\nSigap"
            )
            % {
                "name": profile.full_name_with_titles,
                "jp": jp,
                "year": year,
                "target": target,
                "url": settings.SITE_URL + "/",
            },
            from_email=None,
            recipient_list=[profile.user.email],
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
        send_mail(
            subject=_("[Sigap] Batas waktu kursus “%(title)s” telah lewat")
            % {"title": enrolment.course.title},
            message=_(
                "Yth. %(name)s,\n\nKursus “%(title)s” yang didaftarkan untuk Anda "
                "seharusnya selesai paling lambat %(date)s. Lanjutkan kursus di "
                "Sigap: %(url)s\n\nSigap"
            )
            % {
                "name": enrolment.user.display_name,
                "title": enrolment.course.title,
                "date": enrolment.deadline.strftime("%d-%m-%Y"),
                "url": settings.SITE_URL + "/kursus-saya/",
            },
            from_email=None,
            recipient_list=[enrolment.user.email],
        )
        ReminderLog.objects.create(
            user_id=enrolment.user_id,
            enrolment=enrolment,
            kind=ReminderLog.Kind.PAST_DEADLINE,
            sent_at=now,
        )
        sent += 1
    return sent
