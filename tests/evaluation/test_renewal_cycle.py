"""A renewal cycle asks for the course's evaluation again; the first receipt
and the anonymous answers stay."""

import pytest

from courses.models import Enrolment
from courses.services import mark_lesson_complete, start_new_cycle
from lms.evaluation.models import EvaluationReceipt, EvaluationResponse
from lms.evaluation.permissions import ALREADY_SENT, evaluation_refusal
from lms.evaluation.services import submit_evaluation

from .conftest import answers_for, finish_lessons

pytestmark = pytest.mark.django_db


def test_a_renewal_cycle_completes_only_after_a_new_evaluation(
    learner, evaluated_course
):
    first = finish_lessons(learner, evaluated_course)
    submit_evaluation(enrolment=first, answers=answers_for(evaluated_course))
    first.refresh_from_db()
    assert first.is_completed
    assert (
        evaluation_refusal(learner, evaluated_course, enrolment=first) == ALREADY_SENT
    )

    renewal, _created = start_new_cycle(enrolment=first)
    for lesson in evaluated_course.lessons():
        mark_lesson_complete(enrolment=renewal, lesson=lesson)
    renewal.refresh_from_db()
    assert not renewal.is_completed  # the earlier evaluation does not count
    assert evaluation_refusal(learner, evaluated_course, enrolment=renewal) == ""

    submit_evaluation(enrolment=renewal, answers=answers_for(evaluated_course))

    renewal.refresh_from_db()
    assert renewal.is_completed
    assert list(
        EvaluationReceipt.objects.filter(user=learner).values_list("cycle", flat=True)
    ) == [1, 2]
    assert EvaluationResponse.objects.filter(course=evaluated_course).count() == 2
    assert Enrolment.objects.filter(user=learner, course=evaluated_course).count() == 2
