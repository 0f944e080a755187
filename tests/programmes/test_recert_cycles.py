"""Recertification whose path holds courses the person already completed: the
courses start a new cycle, and completing them issues the new certificate."""

import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrolment
from lms.competencies.models import JpEntry
from lms.programmes.models import (
    AssignmentRule,
    Programme,
    ProgrammeAssignment,
    ProgrammeItem,
)
from lms.programmes.services import evaluate_rules, renew_expiring
from lms.programmes.tasks import recertify
from tests.factories import complete_enrolment_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified(programme, unit, staff, courses):
    programme.validity_months = 12
    programme.save()
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    assignment = ProgrammeAssignment.objects.get(user=staff["kasi"])
    for course in courses:
        complete_enrolment_for(assignment.user, course)
    assignment.refresh_from_db()
    assert assignment.certificate is not None
    return assignment


def _due_in(assignment, days: int) -> datetime.date:
    today = timezone.localdate()
    Certificate.objects.filter(pk=assignment.certificate_id).update(
        valid_until=today + datetime.timedelta(days=days)
    )
    return today


def test_the_same_courses_start_a_new_cycle_and_complete_the_renewal(
    certified, programme, courses
):
    person = certified.user
    renew_expiring(today=_due_in(certified, 30))
    renewal = ProgrammeAssignment.objects.get(user=person, cycle=2)

    for course in courses:
        current = Enrolment.objects.current().get(user=person, course=course)
        assert current.cycle == 2 and not current.is_completed
        assert current.deadline == renewal.due_on
        assert Enrolment.objects.get(user=person, course=course, cycle=1).is_completed

    for course in courses:
        complete_enrolment_for(person, course)
    renewal.refresh_from_db()

    assert renewal.completed_at is not None
    assert renewal.certificate is not None
    assert renewal.certificate_id != certified.certificate_id
    # Both programme certificates on record, the first still valid until it ends.
    certified.certificate.refresh_from_db()
    assert certified.certificate.status == Certificate.Status.VALID
    # JP: each course's completion counted once per cycle (same year here).
    assert JpEntry.objects.filter(user=person).count() == 2 * len(courses)


def test_a_shorter_path_with_a_completed_course_completes(
    certified, programme, courses, unit
):
    person = certified.user
    refresher = Programme.objects.create(
        title="Penyegaran PPTK", code="PPTK-R", owner_unit=unit, validity_months=12
    )
    ProgrammeItem.objects.create(programme=refresher, course=courses[1])
    programme.recertification_path = refresher
    programme.save()

    renew_expiring(today=_due_in(certified, 30))
    renewal = ProgrammeAssignment.objects.get(user=person, programme=refresher)
    assert renewal.completed_at is None
    # Only the path's course was given again.
    assert Enrolment.objects.current().get(user=person, course=courses[1]).cycle == 2
    assert Enrolment.objects.current().get(user=person, course=courses[0]).cycle == 1

    complete_enrolment_for(person, courses[1])
    renewal.refresh_from_db()

    assert renewal.completed_at is not None
    assert renewal.certificate.course_title == "Penyegaran PPTK"


def test_running_the_scheduled_job_twice_renews_once(certified, courses):
    _due_in(certified, 30)

    recertify.call()
    recertify.call()

    assert ProgrammeAssignment.objects.filter(user=certified.user).count() == 2
    for course in courses:
        assert Enrolment.objects.filter(user=certified.user, course=course).count() == 2
