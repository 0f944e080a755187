"""HR's reminders page (/hr/pengingat/): the preview is what the job sends, *Kirim
sekarang* sends once, opt-outs are respected, and scope holds."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from courses.services import enrol
from lms.hr.models import ReminderLog
from lms.hr.reminders import due_reminders, send_due_reminders
from tests.factories import AsnProfileFactory, client_as, make_hr_officer

AUGUST = datetime.datetime(2026, 8, 3, 1, 0, tzinfo=datetime.UTC)


@pytest.fixture
def in_august(settings, monkeypatch):
    """The page and the send-now button run at ``AUGUST`` (JP reminders are due)."""
    monkeypatch.setattr("django.utils.timezone.now", lambda: AUGUST)
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 7


@pytest.fixture
def opted_out(sub_unit):
    profile = AsnProfileFactory(
        unit=sub_unit, full_name="Tidak Mau Diingatkan", reminders_opt_out=True
    )
    return profile.user


def test_preview_lists_exactly_what_the_job_sends(
    in_august, officer, insider, opted_out, outsider, course
):
    enrol(user=insider, course=course, deadline=datetime.date(2026, 7, 1))
    page = client_as(officer).get(reverse("hr:reminders")).content.decode()
    preview = due_reminders(now=AUGUST)
    scoped = [item for item in preview if item.user != outsider]
    assert {(item.user.pk, item.kind) for item in scoped} == {
        (insider.pk, ReminderLog.Kind.JP_BELOW_TARGET),
        (insider.pk, ReminderLog.Kind.PAST_DEADLINE),
        # opted out: no JP reminder, but the HR deadline would still go (none here)
    }
    assert "Pegawai Dalam Lingkup" in page
    assert course.title in page
    # The opt-out is listed as such, not as a recipient; the other unit not at all.
    assert "Tidak Mau Diingatkan" in page.split("Tidak ingin menerima pengingat")[1]
    assert "Tidak Mau Diingatkan" not in page.split("Riwayat")[0]
    assert "Orang Luar Lingkup" not in page
    run = send_due_reminders(now=AUGUST)
    sent_to = sorted(message.to[0] for message in mail.outbox)
    assert sent_to == sorted(item.user.email for item in preview)
    assert run.total == len(preview)


def test_send_now_sends_the_scope_once_and_the_job_does_not_repeat_it(
    in_august, officer, insider, outsider, opted_out
):
    client = client_as(officer)
    assert client.post(reverse("hr:reminders_send")).status_code == 302
    assert [message.to for message in mail.outbox] == [[insider.email]]
    client.post(reverse("hr:reminders_send"))
    assert len(mail.outbox) == 1
    # The daily job later that day: the insider is not reminded again, the
    # outsider (another officer's scope) gets theirs from the job.
    send_due_reminders(now=AUGUST + datetime.timedelta(hours=2))
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [insider.email, outsider.email]
    )
    assert not ReminderLog.objects.filter(user=opted_out).exists()
    # History shows the sent reminder.
    page = client.get(reverse("hr:reminders")).content.decode()
    assert "Pegawai Dalam Lingkup" in page.split("Riwayat")[1]


def test_hr_of_another_unit_sees_none_of_these_people(
    in_august, other_unit, insider, opted_out, course
):
    enrol(user=insider, course=course, deadline=datetime.date(2026, 7, 1))
    other_officer = make_hr_officer(other_unit, email="hr-lain@sigap.test")
    client = client_as(other_officer)
    page = client.get(reverse("hr:reminders")).content.decode()
    assert "Pegawai Dalam Lingkup" not in page
    assert "Tidak Mau Diingatkan" not in page
    client.post(reverse("hr:reminders_send"))
    assert mail.outbox == []


def test_certificate_expiring_is_reminded_unless_opted_out(settings, learner, course):
    from certificates.services import issue_certificate
    from tests.factories import complete_enrolment_for

    settings.SIGAP_REMINDER_JP_FROM_MONTH = 12
    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    type(certificate).objects.filter(pk=certificate.pk).update(
        valid_until=datetime.date(2026, 8, 20)
    )
    learner.asn_profile.reminders_opt_out = True
    learner.asn_profile.save()
    assert send_due_reminders(now=AUGUST).certificate_sent == 0
    learner.asn_profile.reminders_opt_out = False
    learner.asn_profile.save()
    assert send_due_reminders(now=AUGUST).certificate_sent == 1
    assert "20-08-2026" in mail.outbox[0].subject
    assert send_due_reminders(now=AUGUST).certificate_sent == 0


def test_reminders_page_is_linked_from_the_hr_navigation(officer):
    page = client_as(officer).get(reverse("hr:dashboard")).content.decode()
    assert reverse("hr:reminders") in page


def test_a_list_computed_before_another_run_sent_it_is_not_sent_twice(
    in_august, insider
):
    """The job and *Kirim sekarang* at the same moment: both computed the same
    list; the second to send finds the first one's log and skips."""
    from lms.hr.reminders import send_reminders

    due = due_reminders(now=AUGUST)
    assert send_reminders(due=due, now=AUGUST).total == len(due) >= 1
    assert send_reminders(due=due, now=AUGUST).total == 0
    assert len(mail.outbox) == len(due)
