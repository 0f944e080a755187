"""Demo supervisor (atasan langsung) and reminder history for ``seed_demo``.

``atasan@sigap.test`` supervises the learner account and four staff of Puskesmas
Sukamaju Utara, in several states: all courses completed, some in progress, and
one HR-assigned course past its deadline (overdue). HR's reminders page
(/hr/pengingat/) gets a short history of JP reminders sent three weeks ago, so it
shows both what was sent and what the next run sends, and one staff member who
opted out of optional reminders.

Idempotent: the team is set once, the deadline only where none is set, the
history only when there is none.
"""

import datetime

from django.utils import timezone

from courses.models import CoursePage, Enrolment
from courses.services import enrol
from lms.accounts.models import AsnProfile, User
from lms.hr.models import ReminderLog

SUPERVISOR_EMAIL = "atasan@sigap.test"
TEAM_EMAILS = [
    "peserta@sigap.test",
    "staf01@sigap.test",  # two modules done, one in progress
    "staf02@sigap.test",  # two modules done
    "staf03@sigap.test",  # all four modules done
    "staf04@sigap.test",  # one module in progress: overdue
]
OVERDUE_EMAIL = "staf04@sigap.test"
OVERDUE_DAYS_AGO = 10
REMINDED_EMAILS = ["staf01@sigap.test", "staf02@sigap.test", "staf04@sigap.test"]
REMINDED_DAYS_AGO = 21
# Opted out of optional reminders: listed as such on HR's reminders page.
OPTED_OUT_EMAIL = "staf05@sigap.test"


def _set_team(supervisor: User) -> None:
    AsnProfile.objects.filter(
        user__email__in=TEAM_EMAILS, supervisor__isnull=True
    ).exclude(user=supervisor).update(supervisor=supervisor)


def _overdue_item() -> None:
    user = User.objects.filter(email=OVERDUE_EMAIL).first()
    if user is None:
        return
    enrolment = Enrolment.objects.in_progress().filter(user=user).order_by("pk").first()
    if enrolment is None:
        course = CoursePage.objects.order_by("pk").first()
        if course is None:
            return
        enrolment, _created = enrol(
            user=user, course=course, source=Enrolment.Source.BULK
        )
    if enrolment.deadline is None:
        enrolment.deadline = timezone.localdate() - datetime.timedelta(
            days=OVERDUE_DAYS_AGO
        )
        enrolment.save(update_fields=["deadline"])


def _reminder_history() -> None:
    if ReminderLog.objects.exists():
        return
    sent_at = timezone.now() - datetime.timedelta(days=REMINDED_DAYS_AGO)
    ReminderLog.objects.bulk_create(
        ReminderLog(user=user, kind=ReminderLog.Kind.JP_BELOW_TARGET, sent_at=sent_at)
        for user in User.objects.filter(email__in=REMINDED_EMAILS).order_by("pk")
    )


def seed() -> None:
    supervisor = User.objects.filter(email=SUPERVISOR_EMAIL).first()
    if supervisor is not None:
        _set_team(supervisor)
    _overdue_item()
    _reminder_history()
    AsnProfile.objects.filter(user__email=OPTED_OUT_EMAIL).update(
        reminders_opt_out=True
    )
