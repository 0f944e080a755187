"""A course certificate with a validity (the template's ``validity_months``) is
reminded 60, 30 and 7 days before it ends, each exactly once, by the day in
Asia/Jakarta; a missed run sends only the latest mark, never a stale one."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate
from lms.hr.models import ReminderLog
from lms.hr.reminders import due_reminders, send_due_reminders
from tests.factories import complete_enrolment_for

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def morning(day: datetime.date) -> datetime.datetime:
    """08:00 in Jakarta on ``day``."""
    return datetime.datetime.combine(day, datetime.time(8), tzinfo=JAKARTA)


@pytest.fixture
def certificate(settings, learner, course) -> Certificate:
    """A course certificate valid 12 months (from its template), JP reminders off."""
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 13
    template = CertificateTemplate.objects.default()
    template.validity_months = 12
    template.save()
    issued = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    assert issued.valid_until is not None
    return issued


def _sent_marks(certificate) -> list[int]:
    return sorted(
        ReminderLog.objects.filter(certificate=certificate).values_list(
            "days_before", flat=True
        )
    )


def test_a_course_certificate_is_reminded_60_30_and_7_days_before_once_each(
    certificate,
):
    ends = certificate.valid_until
    sent_on = {}
    # The daily job, twice a day, every day from 70 days before the end to after it.
    for days_before in range(70, -3, -1):
        day = ends - datetime.timedelta(days=days_before)
        for hour in (0, 6):
            before = len(mail.outbox)
            send_due_reminders(now=morning(day) + datetime.timedelta(hours=hour))
            if len(mail.outbox) > before:
                sent_on.setdefault(days_before, 0)
                sent_on[days_before] += len(mail.outbox) - before

    assert sent_on == {60: 1, 30: 1, 7: 1}
    assert _sent_marks(certificate) == [7, 30, 60]
    assert all(message.to == [certificate.user.email] for message in mail.outbox)
    assert ends.strftime("%d-%m-%Y") in mail.outbox[0].subject


def test_a_missed_mark_is_sent_late_once_and_an_older_one_never(certificate):
    ends = certificate.valid_until
    # First run only 25 days before the end: the 30-day mark, not the 60-day one.
    assert send_due_reminders(now=morning(ends - datetime.timedelta(25))).total == 1
    assert _sent_marks(certificate) == [30]
    for days_before in (24, 20, 8):
        send_due_reminders(now=morning(ends - datetime.timedelta(days_before)))
    assert len(mail.outbox) == 1
    assert send_due_reminders(now=morning(ends - datetime.timedelta(3))).total == 1
    assert _sent_marks(certificate) == [7, 30]


def test_the_reminder_day_is_the_day_in_jakarta(certificate):
    ends = certificate.valid_until
    sixty_before = ends - datetime.timedelta(days=60)
    # 23:00 WIB the evening before: still 61 days in Jakarta (16:00 UTC).
    evening = datetime.datetime.combine(
        sixty_before - datetime.timedelta(days=1), datetime.time(23), tzinfo=JAKARTA
    )
    assert send_due_reminders(now=evening).total == 0
    # 23:30 UTC that day is 06:30 WIB the next morning: 60 days in Jakarta.
    early = datetime.datetime.combine(
        sixty_before - datetime.timedelta(days=1),
        datetime.time(23, 30),
        tzinfo=datetime.UTC,
    )
    assert send_due_reminders(now=early).total == 1
    assert _sent_marks(certificate) == [60]


def test_an_opted_out_holder_gets_no_expiry_reminder(certificate):
    profile = certificate.user.asn_profile
    profile.reminders_opt_out = True
    profile.save()
    at_thirty = morning(certificate.valid_until - datetime.timedelta(days=30))
    assert due_reminders(now=at_thirty) == []
    assert send_due_reminders(now=at_thirty).total == 0


def test_a_revoked_or_endless_certificate_is_not_reminded(certificate):
    at_seven = morning(certificate.valid_until - datetime.timedelta(days=7))
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED
    )
    assert send_due_reminders(now=at_seven).total == 0
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.VALID, valid_until=None
    )
    assert send_due_reminders(now=at_seven).total == 0
