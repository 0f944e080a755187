"""A course certificate with a validity: before it ends the holder takes the course
again (a new enrolment cycle), while the earlier cycle stays on record."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate, renew_expiring_certificates
from certificates.tasks import renew_expiring_course_certificates
from courses.models import Enrolment, LessonProgress
from courses.quizzes.models import Attempt
from courses.quizzes.selectors import posttests_passed
from courses.selectors import completion_requirements_met, lesson_progress
from courses.services import enrol, mark_lesson_complete
from lms.hr.jp import jp_by_year
from tests.factories import client_as, make_hr_officer, make_question, make_quiz
from tests.quizzes.test_course_flow import pass_quiz

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]

JAKARTA = ZoneInfo("Asia/Jakarta")


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=JAKARTA)


def _finish(enrolment: Enrolment, course) -> Certificate:
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return issue_certificate(enrolment=enrolment)


@pytest.fixture
def twelve_months(db):
    template = CertificateTemplate.objects.default()
    template.validity_months = 12
    template.save()
    return template


@pytest.fixture
def first(learner, course, twelve_months):
    """Course X completed on 10 March 2026, its certificate valid 12 months."""
    with time_machine.travel(_at(datetime.date(2026, 3, 10)), tick=False):
        enrolment, _new = enrol(user=learner, course=course)
        certificate = _finish(enrolment, course)
    assert certificate.valid_until == datetime.date(2027, 3, 10)
    return certificate


def _current(learner, course) -> Enrolment:
    return Enrolment.objects.current().get(user=learner, course=course)


def test_before_expiry_the_holder_gets_a_new_cycle_and_the_old_record_stays(
    first, learner, course, client
):
    # 61 days before the end: not yet.
    assert renew_expiring_certificates(today=datetime.date(2027, 1, 8)) == 0
    assert _current(learner, course).cycle == 1

    assert renew_expiring_certificates(today=datetime.date(2027, 1, 9)) == 1

    renewal = _current(learner, course)
    assert renewal.cycle == 2
    assert not renewal.is_completed
    assert renewal.deadline == first.valid_until
    assert renewal.source == Enrolment.Source.RENEWAL
    # The new cycle shows as not done...
    progress = lesson_progress(enrolment=renewal)
    assert (progress.done, progress.total) == (0, 3)
    assert not completion_requirements_met(enrolment=renewal)
    # ...and the course page asks the learner to learn it again.
    page = client_as(learner).get(course.url).content.decode()
    assert "0 dari 3 pelajaran" in page
    mine = client_as(learner).get(reverse("courses:my_courses")).content.decode()
    assert "sertifikasi ulang (siklus ke-2)" in mine
    assert "batas 10 Maret 2027" in mine
    # The earlier cycle is intact: its completion, lessons, JP and certificate.
    earlier = Enrolment.objects.get(user=learner, course=course, cycle=1)
    assert earlier.is_completed and not earlier.is_current
    assert LessonProgress.objects.filter(enrolment=earlier).count() == 3
    assert dict(jp_by_year(person=learner)) == {2026: course.jp}
    verified = client.get(first.get_absolute_url())
    assert verified.status_code == 200
    assert first.number in verified.content.decode()
    first.refresh_from_db()
    assert first.shown_status == Certificate.Status.VALID


def test_running_the_job_again_starts_nothing_more(first, learner, course):
    with time_machine.travel(_at(datetime.date(2027, 2, 1)), tick=False):
        assert renew_expiring_course_certificates.call() == 1
        assert renew_expiring_course_certificates.call() == 0
        assert renew_expiring_certificates() == 0
    assert Enrolment.objects.filter(user=learner, course=course).count() == 2


def test_the_day_is_the_day_in_jakarta(first, learner, course):
    """23:30 UTC on 8 January is 06:30 on 9 January in Jakarta: 60 days left."""
    moment = datetime.datetime(2027, 1, 8, 23, 30, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        assert renew_expiring_course_certificates.call() == 1


def test_completing_again_issues_a_second_certificate_and_counts_jp_once(
    first, learner, course, client
):
    renew_expiring_certificates(today=datetime.date(2027, 2, 1))
    with time_machine.travel(_at(datetime.date(2027, 2, 15)), tick=False):
        second = _finish(_current(learner, course), course)

    assert second.pk != first.pk
    assert second.valid_until == datetime.date(2028, 2, 15)
    certificates = Certificate.objects.filter(user=learner, course=course)
    assert certificates.count() == 2
    assert {c.shown_status for c in certificates} == {Certificate.Status.VALID}
    # JP: the first completion in 2026, the second once in 2027.
    assert dict(jp_by_year(person=learner)) == {2026: course.jp, 2027: course.jp}
    # A later run does not renew the renewed certificate's cycle again, nor the
    # new one before its time.
    assert renew_expiring_certificates(today=datetime.date(2027, 3, 1)) == 0
    # The learner's certificates page lists both.
    mine = client_as(learner).get(reverse("certificates:mine")).content.decode()
    assert first.number in mine and second.number in mine


def test_an_expired_certificate_shows_expired_on_verification_and_in_hr(
    first, learner, course, client, unit
):
    with time_machine.travel(_at(datetime.date(2027, 3, 11)), tick=False):
        first.refresh_from_db()
        assert first.shown_status == Certificate.EXPIRED
        verified = client.get(first.get_absolute_url()).content.decode()
        assert "Masa berlakunya berakhir" in verified
        officer = make_hr_officer(unit)
        transcript = client_as(officer).get(reverse("hr:transcript", args=[learner.pk]))
        assert transcript.status_code == 200
        row = transcript.content.decode()
        assert first.number in row and "Kedaluwarsa" in row
        mine = client_as(learner).get(reverse("certificates:mine")).content.decode()
        assert "Kedaluwarsa" in mine


def test_a_passed_post_test_of_the_earlier_cycle_does_not_count_again(
    learner, course, twelve_months
):
    posttest = make_quiz(course, [make_question(course)], kind="posttest")
    with time_machine.travel(_at(datetime.date(2026, 3, 10)), tick=False):
        enrolment, _new = enrol(user=learner, course=course)
        for lesson in course.lessons():
            mark_lesson_complete(enrolment=enrolment, lesson=lesson)
        pass_quiz(posttest, learner)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    issue_certificate(enrolment=enrolment)

    with time_machine.travel(_at(datetime.date(2027, 2, 1)), tick=False):
        assert renew_expiring_certificates() == 1
        renewal = _current(learner, course)
        for lesson in course.lessons():
            mark_lesson_complete(enrolment=renewal, lesson=lesson)
        renewal.refresh_from_db()
        assert not posttests_passed(enrolment=renewal)
        assert not renewal.is_completed

    with time_machine.travel(_at(datetime.date(2027, 2, 2)), tick=False):
        attempt = pass_quiz(posttest, learner)
    renewal.refresh_from_db()
    assert attempt.number == 2  # numbering goes on; the first stays on record
    assert renewal.is_completed
    assert Attempt.objects.filter(user=learner, quiz=posttest).count() == 2
