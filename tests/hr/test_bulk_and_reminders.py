"""Bulk enrolment of a unit or NIP list, and the reminder emails."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from courses.models import Enrolment
from courses.services import enrol
from lms.hr.models import ReminderLog
from lms.hr.reminders import send_due_reminders
from lms.hr.services import bulk_enrol


def test_bulk_enrol_a_unit_takes_its_subtree_and_emails_the_new_learners(
    officer,
    unit,
    course,
    learner,
    insider,
    outsider,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        result = bulk_enrol(
            officer=officer,
            course=course,
            unit=unit,
            deadline=datetime.date(2026, 12, 1),
        )
    enrolled = set(
        Enrolment.objects.filter(course=course).values_list("user", flat=True)
    )
    assert enrolled == {learner.pk, insider.pk}
    assert result.enrolled == 2
    assert {m.to[0] for m in mail.outbox} == {learner.email, insider.email}
    assert "01-12-2026" in mail.outbox[0].body
    assert Enrolment.objects.get(user=insider).source == Enrolment.Source.BULK


def test_bulk_enrol_by_nip_skips_people_outside_scope_without_saying_why(
    officer, course, insider, outsider
):
    result = bulk_enrol(
        officer=officer,
        course=course,
        nips=[insider.asn_profile.nip, outsider.asn_profile.nip, "123"],
    )
    assert result.enrolled == 1
    assert outsider.asn_profile.nip in result.not_found
    assert not Enrolment.objects.filter(user=outsider).exists()


def test_bulk_enrol_twice_enrols_once(officer, unit, course, learner):
    bulk_enrol(officer=officer, course=course, unit=unit)
    again = bulk_enrol(officer=officer, course=course, unit=unit)
    assert again.enrolled == 0 and again.already >= 1
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_bulk_enrol_page_refuses_a_unit_outside_scope(
    officer_client, course, other_unit
):
    response = officer_client.post(
        reverse("hr:bulk_enrol"), {"course": course.pk, "unit": other_unit.pk}
    )
    assert response.status_code == 400
    assert "unit" in response.context["form"].errors
    assert not Enrolment.objects.exists()


def test_bulk_enrol_page_needs_a_unit_or_nips(officer_client, course):
    response = officer_client.post(reverse("hr:bulk_enrol"), {"course": course.pk})
    assert response.status_code == 400
    assert "Pilih unit kerja atau isi daftar NIP" in response.content.decode()


def test_bulk_enrol_page_with_nip_list(officer_client, course, insider):
    response = officer_client.post(
        reverse("hr:bulk_enrol"),
        {"course": course.pk, "nips": insider.asn_profile.nip},
    )
    assert response.status_code == 200
    assert Enrolment.objects.filter(user=insider, course=course).exists()


AUGUST = datetime.datetime(2026, 8, 3, 1, 0, tzinfo=datetime.UTC)


def test_learner_below_jp_target_is_reminded_once_within_the_window(
    settings, learner, insider
):
    settings.SIGAP_REMINDER_WINDOW_DAYS = 14
    insider.asn_profile.reminders_opt_out = True
    insider.asn_profile.save()
    run = send_due_reminders(now=AUGUST)
    assert run.jp_sent == 1
    assert mail.outbox[0].to == [learner.email]
    assert "0 dari 20" in mail.outbox[0].subject
    assert send_due_reminders(now=AUGUST + datetime.timedelta(days=3)).jp_sent == 0
    assert send_due_reminders(now=AUGUST + datetime.timedelta(days=15)).jp_sent == 1


def test_no_jp_reminders_before_the_configured_month(settings, learner):
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 9
    assert send_due_reminders(now=AUGUST).jp_sent == 0


def test_past_deadline_enrolment_is_reminded_even_when_opted_out(
    settings, learner, course
):
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 12
    learner.asn_profile.reminders_opt_out = True
    learner.asn_profile.save()
    enrol(user=learner, course=course, deadline=datetime.date(2026, 7, 31))
    run = send_due_reminders(now=AUGUST)
    assert run.deadline_sent == 1
    assert course.title in mail.outbox[0].subject
    assert send_due_reminders(now=AUGUST).deadline_sent == 0
    assert ReminderLog.objects.count() == 1


@pytest.mark.parametrize("deadline", [datetime.date(2026, 8, 3), None])
def test_no_deadline_reminder_before_the_deadline_or_without_one(
    settings, learner, course, deadline
):
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 12
    enrol(user=learner, course=course, deadline=deadline)
    assert send_due_reminders(now=AUGUST).deadline_sent == 0


def test_reminder_task_is_registered_as_periodic():
    from lms.hr.tasks import send_reminders
    from lms.scheduler import PERIODIC_TASKS

    assert any(item.task is send_reminders for item in PERIODIC_TASKS)
