"""The programme certificate comes after the last course, with the courses' JP."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from certificates.models import Certificate
from lms.programmes.models import AssignmentRule, ProgrammeAssignment
from lms.programmes.reminders import send_expiry_reminders
from lms.programmes.services import evaluate_rules, renew_expiring
from tests.factories import complete_enrolment_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(programme, unit, staff):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    return ProgrammeAssignment.objects.get(user=staff["kasi"])


def test_the_certificate_is_issued_after_the_last_course_with_the_sum_of_jp(
    assigned, courses, django_capture_on_commit_callbacks
):
    person = assigned.user
    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment_for(person, courses[0])
        complete_enrolment_for(person, courses[1])
    assigned.refresh_from_db()
    assert assigned.completed_at is None
    assert assigned.certificate is None

    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment_for(person, courses[2])

    assigned.refresh_from_db()
    certificate = assigned.certificate
    assert assigned.completed_at is not None
    assert certificate.jp == 4 + 6 + 2
    assert certificate.course_title == "Pelayanan Publik Tangguh Krisis"
    assert [c["title"] for c in certificate.texts["courses"]] == [
        "Modul 1",
        "Modul 2",
        "Webinar",
    ]
    assert certificate.pdf  # rendered and stored like a course certificate
    assert Certificate.objects.filter(user=person, course__isnull=True).count() == 1


def test_n_of_m_electives_complete_the_programme(programme, courses, unit, staff):
    programme.electives_required = 1
    programme.save()
    programme.items.filter(course__in=courses[1:]).update(required=False)
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    person = staff["perawat"]

    complete_enrolment_for(person, courses[0])
    complete_enrolment_for(person, courses[2])

    assignment = ProgrammeAssignment.objects.get(user=person)
    assert assignment.completed_at is not None
    assert assignment.certificate.jp == 4 + 2


def test_the_next_course_of_an_ordered_programme_opens_after_the_one_before(
    programme, courses, unit, staff
):
    from courses.models import Enrolment

    programme.ordered = True
    programme.save()
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    person = staff["perawat"]
    assert not Enrolment.objects.filter(user=person, course=courses[1]).exists()

    complete_enrolment_for(person, courses[0])

    assert Enrolment.objects.filter(user=person, course=courses[1]).exists()


# --- recertification ----------------------------------------------------------


@pytest.fixture
def certified(programme, assigned, courses):
    programme.validity_months = 12
    programme.save()
    for course in courses:
        complete_enrolment_for(assigned.user, course)
    assigned.refresh_from_db()
    return assigned


def _expiring_in(assignment, days: int) -> datetime.date:
    today = timezone.localdate()
    Certificate.objects.filter(pk=assignment.certificate_id).update(
        valid_until=today + datetime.timedelta(days=days)
    )
    return today


def test_the_certificate_is_valid_for_the_programme_s_period(certified):
    issued = certified.certificate
    assert issued.valid_until is not None
    assert (issued.valid_until - issued.completed_on).days in range(365, 367)


def test_the_holder_is_reassigned_before_expiry_once(certified, programme):
    today = _expiring_in(certified, 90)
    assert renew_expiring(today=today) == 0

    today = _expiring_in(certified, 59)
    assert renew_expiring(today=today) == 1
    assert renew_expiring(today=today) == 0

    renewal = ProgrammeAssignment.objects.get(user=certified.user, cycle=2)
    assert renewal.programme == programme
    assert renewal.renewal_of == certified
    assert renewal.due_on == certified.certificate.valid_until
    assert renewal.completed_at is None  # old completions do not count again


def test_a_shorter_recertification_path_is_assigned_when_set(
    certified, programme, catalog, unit
):
    from lms.programmes.models import Programme, ProgrammeItem
    from tests.factories import make_course

    refresher = Programme.objects.create(
        title="Penyegaran", code="PPTK-R", owner_unit=unit
    )
    ProgrammeItem.objects.create(
        programme=refresher, course=make_course(catalog, lessons=1, jp=2)
    )
    programme.recertification_path = refresher
    programme.save()

    renew_expiring(today=_expiring_in(certified, 30))

    renewal = ProgrammeAssignment.objects.get(user=certified.user, programme=refresher)
    assert renewal.source == ProgrammeAssignment.Source.RENEWAL


@pytest.mark.parametrize(
    ("days_left", "mark"), [(61, None), (60, 60), (45, 60), (30, 30), (7, 7), (1, 7)]
)
def test_reminders_go_at_60_30_and_7_days(certified, days_left, mark):
    mail.outbox.clear()
    send_expiry_reminders(today=_expiring_in(certified, days_left))

    marks = list(certified.reminders.values_list("days_before", flat=True))
    assert marks == ([mark] if mark else [])
    assert len(mail.outbox) == (1 if mark else 0)


def test_each_reminder_is_sent_once_and_a_missed_one_is_not_sent_late(certified):
    mail.outbox.clear()
    valid_until = timezone.localdate() + datetime.timedelta(days=60)
    Certificate.objects.filter(pk=certified.certificate_id).update(
        valid_until=valid_until
    )

    for days_left in (60, 59, 58, 30, 29, 20, 7, 3):
        send_expiry_reminders(today=valid_until - datetime.timedelta(days=days_left))

    assert sorted(certified.reminders.values_list("days_before", flat=True)) == [
        7,
        30,
        60,
    ]
    assert len(mail.outbox) == 3
    assert "Pelayanan Publik Tangguh Krisis" in mail.outbox[0].subject


def test_the_reminder_day_is_the_day_in_jakarta(certified, settings):
    """At 23:30 UTC it is already the next day in Jakarta (06:30 WIB)."""
    from unittest import mock

    valid_until = datetime.date(2027, 3, 31)
    Certificate.objects.filter(pk=certified.certificate_id).update(
        valid_until=valid_until
    )
    # 2027-03-23 23:30 UTC = 2027-03-24 06:30 WIB: 7 days left in Jakarta.
    moment = datetime.datetime(2027, 3, 23, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        send_expiry_reminders()

    assert list(certified.reminders.values_list("days_before", flat=True)) == [7]


def test_an_expired_programme_certificate_shows_as_expired(certified, client):
    _expiring_in(certified, -1)
    certificate = Certificate.objects.get(pk=certified.certificate_id)

    response = client.get(certificate.get_absolute_url())

    assert certificate.shown_status == Certificate.EXPIRED
    assert "Masa berlakunya berakhir" in response.content.decode()


def test_a_renewal_is_assigned_until_something_is_done_again(certified, programme):
    from lms.programmes.selectors import State, people_in_report
    from tests.factories import UserFactory

    renew_expiring(today=_expiring_in(certified, 30))
    officer = UserFactory(roles=["Admin"])

    [current] = people_in_report(programme=programme, user=officer).filter(
        user=certified.user
    )

    assert current.cycle == 2
    assert current.state == State.ASSIGNED
