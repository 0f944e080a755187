"""The certificate states the JP and the learning period: from the learner's first
lesson opening (the server's record) to the completion."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from certificates.models import Certificate
from courses.models import Enrolment
from courses.services import mark_lesson_complete
from tests.factories import make_course

pytestmark = pytest.mark.django_db


def test_the_learning_period_runs_from_the_first_lesson_opening_to_completion(
    settings, client, learner, catalog, django_capture_on_commit_callbacks
):
    settings.SIGAP_MIN_TIME_SHARE = 50
    course = make_course(catalog, lessons=2, jp=1)
    with time_machine.travel(datetime(2026, 5, 4, 2, 0, tzinfo=UTC), tick=False) as t:
        enrolment = Enrolment.objects.create(user=learner, course=course)
        t.shift(timedelta(days=3))
        client.force_login(learner)
        for lesson in course.lessons():
            client.get(lesson.url)
        t.shift(timedelta(days=2))
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in course.lessons():
                mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert str(certificate.started_on) == "2026-05-07"  # first opened, not enrolled
    assert str(certificate.completed_on) == "2026-05-09"
    assert certificate.jp == 1
