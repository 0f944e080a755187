"""Personal data: the export shows that the person sent an evaluation, never what
they answered; erasure removes that fact and leaves the anonymous answers."""

import json

import pytest

from lms.accounts.personal_data import collect_personal_data, personal_data_json
from lms.accounts.privacy import erase_person
from lms.evaluation.models import (
    EvaluationAnswer,
    EvaluationReceipt,
    EvaluationResponse,
)
from lms.evaluation.services import submit_evaluation
from tests.factories import UserFactory

from .conftest import answers_for, finish_lessons

pytestmark = pytest.mark.django_db

COMMENT = "Forum diskusi sebaiknya dibalas lebih cepat oleh pengajar."


@pytest.fixture
def sent(learner, evaluated_course):
    enrolment = finish_lessons(learner, evaluated_course)
    submit_evaluation(
        enrolment=enrolment,
        answers=answers_for(evaluated_course, score=2, comment=COMMENT),
    )
    return enrolment


def test_the_persons_export_says_they_sent_it_and_not_what_they_answered(
    learner, evaluated_course, sent
):
    data = collect_personal_data(user=learner)
    [receipt] = data.sections["evaluation.evaluationreceipt"]
    assert receipt["course"] == evaluated_course.pk
    assert receipt["sent_on"] == EvaluationReceipt.objects.get().sent_on
    exported = personal_data_json(data)
    assert COMMENT not in exported
    assert "evaluation.evaluationanswer" not in json.loads(exported)["data"]
    assert "evaluation.evaluationresponse" not in json.loads(exported)["data"]


def test_the_trainers_export_holds_no_answer_about_them(
    trainer, evaluated_course, sent
):
    exported = personal_data_json(collect_personal_data(user=trainer))
    assert COMMENT not in exported
    assert "evaluationanswer" not in exported


def test_erasure_removes_the_receipt_and_keeps_the_anonymous_answers(
    learner, evaluated_course, sent
):
    answers = EvaluationAnswer.objects.count()
    result = erase_person(person=learner, by=UserFactory(is_superuser=True))
    assert result is not None
    assert not EvaluationReceipt.objects.exists()
    assert EvaluationResponse.objects.count() == 1
    assert EvaluationAnswer.objects.count() == answers
    assert EvaluationAnswer.objects.filter(comment=COMMENT).exists()
