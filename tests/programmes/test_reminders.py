"""Programme reminders on HR's reminders page: a programme's due date (a week
before, and once overdue), a programme certificate's 60/30/7-day marks, each once
and sent by HR's daily job like the others; the page lists every kind only for
the officer's scope, and *Kirim sekarang* is a POST with CSRF, scoped, audited."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate
from courses.services import enrol
from lms.audit.models import AuditEvent
from lms.hr.reminders import due_reminders, send_due_reminders
from lms.programmes.models import (
    AssignmentRule,
    ProgrammeAssignment,
    ProgrammeReminder,
)
from lms.programmes.reminders import send_expiry_reminders
from lms.programmes.services import complete_if_done, evaluate_rules
from tests.factories import client_as, complete_enrolment_for, make_course

pytestmark = pytest.mark.django_db

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def morning(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(8), tzinfo=JAKARTA)


@pytest.fixture(autouse=True)
def _no_jp_reminders(settings):
    """JP reminders are tested elsewhere; here they would only add noise."""
    settings.SIGAP_REMINDER_JP_FROM_MONTH = 13


@pytest.fixture
def assigned(programme, unit, staff):
    """Everyone of ``unit``'s subtree assigned, due in 30 days."""
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    return ProgrammeAssignment.objects.get(user=staff["perawat"])


def _certify(assignment, courses, *, days_left: int) -> datetime.date:
    """Complete every course of the programme; its certificate ends in
    ``days_left`` days. Returns today."""
    for course in courses:
        complete_enrolment_for(assignment.user, course)
    assert complete_if_done(assignment=assignment)
    assignment.refresh_from_db()
    today = timezone.localdate()
    Certificate.objects.filter(pk=assignment.certificate_id).update(
        valid_until=today + datetime.timedelta(days=days_left)
    )
    return today


def _programme_mails(user):
    """E-mails to ``user`` about the programme itself."""
    return [
        m
        for m in mail.outbox
        if m.to == [user.email] and "rogram “Pelayanan" in m.subject
    ]


def test_a_programme_due_date_is_reminded_a_week_before_and_once_overdue(assigned):
    due = assigned.due_on
    sent_on = {}
    for days_before in range(10, -4, -1):
        day = due - datetime.timedelta(days=days_before)
        before = len(_programme_mails(assigned.user))
        send_due_reminders(now=morning(day))
        send_due_reminders(now=morning(day) + datetime.timedelta(hours=5))
        after = len(_programme_mails(assigned.user))
        if after > before:
            sent_on[days_before] = after - before

    assert sent_on == {7: 1, -1: 1}
    kinds = set(
        ProgrammeReminder.objects.filter(assignment=assigned).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {"due_soon", "overdue"}
    soon, overdue = _programme_mails(assigned.user)
    assert due.strftime("%d-%m-%Y") in soon.subject
    assert "telah lewat" in overdue.subject


def test_an_overdue_programme_is_one_message_not_one_per_course(assigned):
    """The programme's courses carry its due date: once it has passed, the
    person gets the programme's reminder, not one more per course beside it,
    that day or in the days after."""
    day = assigned.due_on + datetime.timedelta(days=1)
    mail.outbox.clear()
    send_due_reminders(now=morning(day))
    to_person = [m for m in mail.outbox if m.to == [assigned.user.email]]
    assert len(to_person) == 1
    assert "telah lewat" in to_person[0].subject
    for later in range(2, 5):
        send_due_reminders(now=morning(assigned.due_on + datetime.timedelta(later)))
    assert [m for m in mail.outbox if m.to == [assigned.user.email]] == to_person


def test_a_due_date_reminder_goes_even_to_someone_who_opted_out(assigned):
    profile = assigned.user.asn_profile
    profile.reminders_opt_out = True
    profile.save()
    send_due_reminders(now=morning(assigned.due_on - datetime.timedelta(days=3)))
    assert len(_programme_mails(assigned.user)) == 1


def test_a_completed_programme_gets_no_due_date_reminder(assigned, courses):
    _certify(assigned, courses, days_left=365)
    mail.outbox.clear()
    send_due_reminders(now=morning(assigned.due_on + datetime.timedelta(days=2)))
    assert _programme_mails(assigned.user) == []


def test_a_programme_certificate_is_reminded_at_60_30_7_by_hr_s_job_once_each(
    assigned, courses
):
    today = _certify(assigned, courses, days_left=70)
    ends = today + datetime.timedelta(days=70)
    mail.outbox.clear()
    sent_on = {}
    for days_before in range(70, -2, -1):
        day = ends - datetime.timedelta(days=days_before)
        before = len(mail.outbox)
        send_due_reminders(now=morning(day))
        # The hourly recertification task sends the same reminders: never twice.
        send_expiry_reminders(today=day)
        if len(mail.outbox) > before:
            sent_on[days_before] = len(mail.outbox) - before
    certificate_mails = {
        days: count for days, count in sent_on.items() if days in (60, 30, 7)
    }
    assert certificate_mails == {60: 1, 30: 1, 7: 1}
    assert sorted(assigned.reminders.values_list("days_before", flat=True)) == [
        7,
        30,
        60,
    ]


def test_a_programme_certificate_reminder_goes_even_to_someone_who_opted_out(
    assigned, courses
):
    """It announces the mandatory recertification (docs/hr.md)."""
    today = _certify(assigned, courses, days_left=30)
    profile = assigned.user.asn_profile
    profile.reminders_opt_out = True
    profile.save()
    mail.outbox.clear()
    assert send_expiry_reminders(today=today) == 1
    assert list(assigned.reminders.values_list("days_before", flat=True)) == [30]


@pytest.fixture
def every_kind(assigned, courses, staff, catalog, settings):
    """In the officer's scope: a programme due in 3 days (Sari PPPK, Budi Kasi),
    a programme certificate ending in 30 days (Rina Perawat), a course
    certificate ending in 7 days and a course past its deadline (Budi Kasi).
    In the sibling unit (another officer's scope): Andi Dinsos, past a deadline."""
    _certify(assigned, courses, days_left=30)
    today = timezone.localdate()
    ProgrammeAssignment.objects.filter(completed_at__isnull=True).update(
        due_on=today + datetime.timedelta(days=3)
    )
    template = CertificateTemplate.objects.default()
    template.validity_months = 12
    template.save()
    extra = make_course(catalog, lessons=1, title="Etika Pelayanan")
    certificate = issue_certificate(
        enrolment=complete_enrolment_for(staff["kasi"], extra)
    )
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=today + datetime.timedelta(days=7)
    )
    late = make_course(catalog, lessons=1, title="Kearsipan Dasar")
    enrol(user=staff["kasi"], course=late, deadline=today - datetime.timedelta(1))
    enrol(user=staff["dinsos"], course=late, deadline=today - datetime.timedelta(1))
    mail.outbox.clear()
    return today


KIND_LABELS = [
    "Melewati batas waktu kursus",
    "Sertifikat akan habis masa berlaku",
    "Tenggat program mendekat",
    "Sertifikat program akan habis masa berlaku",
]


def test_the_hr_page_lists_every_kind_with_who_and_why_within_scope(
    every_kind, officer
):
    page = client_as(officer).get(reverse("hr:reminders")).content.decode()
    upcoming = page.split("<h2>Riwayat")[0]
    for label in KIND_LABELS:
        assert label in upcoming
    for name in ("Rina Perawat", "Budi Kasi", "Sari PPPK"):
        assert name in upcoming
    assert "“Etika Pelayanan”" in upcoming
    assert "(7 hari lagi)" in upcoming
    assert "(30 hari lagi)" in upcoming
    assert "“Pelayanan Publik Tangguh Krisis”, tenggat" in upcoming
    assert "Andi Dinsos" not in page


def test_send_now_sends_the_officer_s_scope_once_records_history_and_is_audited(
    every_kind, officer, staff
):
    client = client_as(officer)
    assert client.post(reverse("hr:reminders_send")).status_code == 302
    recipients = sorted({m.to[0] for m in mail.outbox})
    assert recipients == sorted(staff[key].email for key in ("perawat", "kasi", "pppk"))
    sent = len(mail.outbox)
    # kasi: programme due, course certificate, course deadline; pppk: programme
    # due; perawat: programme certificate.
    assert sent == 5
    client.post(reverse("hr:reminders_send"))
    assert len(mail.outbox) == sent
    first, second = AuditEvent.objects.filter(
        action="hr.send_reminders", actor=officer
    ).order_by("pk")
    assert (first.data["sent"], second.data["sent"]) == (5, 0)

    page = client.get(reverse("hr:reminders")).content.decode()
    history = page.split("<h2>Riwayat")[1].split("Tidak ingin menerima")[0]
    for label in KIND_LABELS:
        assert label in history
    assert "Tidak ada pengingat yang perlu dikirim" in page


def test_send_now_is_a_post_protected_by_csrf(every_kind, officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    assert client.get(reverse("hr:reminders_send")).status_code == 405
    assert client.post(reverse("hr:reminders_send")).status_code == 403
    assert mail.outbox == []


def test_another_agency_s_hr_neither_sees_nor_sends_these_reminders(
    every_kind, sibling_officer, other_instansi, staff
):
    from tests.factories import make_hr_officer

    for outsider in (sibling_officer, make_hr_officer(other_instansi)):
        client = client_as(outsider)
        page = client.get(reverse("hr:reminders")).content.decode()
        for name in ("Rina Perawat", "Budi Kasi", "Sari PPPK"):
            assert name not in page
        client.post(reverse("hr:reminders_send"))
        assert not [
            m
            for m in mail.outbox
            if m.to[0] in {staff[k].email for k in ("perawat", "kasi", "pppk")}
        ]
    # The sibling officer's own person got theirs.
    assert [m.to for m in mail.outbox] == [[staff["dinsos"].email]]


def test_the_daily_job_sends_what_the_page_shows_and_then_nothing_is_due(
    every_kind, officer
):
    from lms.accounts.scope import users_in_scope

    shown = {
        (i.user.pk, i.kind, i.reason)
        for i in due_reminders(people=users_in_scope(officer))
    }
    everything = due_reminders()
    assert shown <= {(i.user.pk, i.kind, i.reason) for i in everything}
    assert send_due_reminders().total == len(everything) == len(mail.outbox)
    assert due_reminders() == []


def test_the_page_shows_what_later_runs_will_send_and_on_which_day(
    every_kind, officer, sibling_officer, staff
):
    from django.utils.formats import date_format

    today = every_kind
    page = client_as(officer).get(reverse("hr:reminders")).content.decode()
    scheduled = page.split("<h2>Terjadwal")[1].split("<h2>Riwayat")[0]
    overdue_day = date_format(today + datetime.timedelta(days=4), "j M Y")
    seven_day = date_format(today + datetime.timedelta(days=23), "j M Y")
    assert "Program melewati tenggat" in scheduled
    assert overdue_day in scheduled
    assert "“Pelayanan Publik Tangguh Krisis”, 7 hari sebelum berakhir" in scheduled
    assert seven_day in scheduled
    # The course certificate is at its last mark (sent now): nothing later.
    assert "Etika Pelayanan" not in scheduled
    # What the page foresees is what the run of that day sends.
    later = {
        (item.user.pk, item.label)
        for item in due_reminders(
            now=morning(today + datetime.timedelta(days=23)),
            people=None,
        )
    }
    assert (staff["perawat"].pk, "Sertifikat program akan habis masa berlaku") in later
    other = client_as(sibling_officer).get(reverse("hr:reminders")).content.decode()
    assert "Rina Perawat" not in other and "Budi Kasi" not in other
