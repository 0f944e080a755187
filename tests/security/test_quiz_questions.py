"""A trainer's quiz asks only questions from their own courses or shared ones.

The question chooser offers no others; a hand-made edit request that names another
trainer's question is refused, because the quiz would then show that trainer's
question (and, at review time, its key) to the first trainer.
"""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from courses.quizzes.models import QuizPage
from tests.factories import client_as, make_question, make_quiz

from .test_certificate_templates import _edit_form_data
from .world import ADMIN, PENGAJAR

pytestmark = pytest.mark.django_db


def _save_quiz_items(user, quiz, question) -> int:
    client = client_as(user)
    url = f"/cms/pages/{quiz.pk}/edit/"
    page = client.get(url)
    assert page.status_code == 200, page
    data = _edit_form_data(client, url)
    data = {k: v for k, v in data.items() if not k.startswith("items-")}
    data |= nested_form_data({"items": streamfield([("question", question.pk)])})
    return client.post(url, data).status_code


def _questions_of_latest_draft(quiz) -> list[int]:
    quiz = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    return [block.value.pk for block in quiz.items if block.block_type == "question"]


def test_trainer_cannot_put_another_trainers_question_in_own_quiz(world):
    mine = make_question(world.course_a, text="Soal kursus A?")
    theirs = make_question(world.course_b, text="Soal rahasia kursus B?")
    shared = make_question(None, text="Soal bersama?")
    quiz = make_quiz(world.course_a, [mine])
    trainer = world.users[PENGAJAR]

    assert _save_quiz_items(trainer, quiz, theirs) == 200  # the form, with an error
    assert theirs.pk not in _questions_of_latest_draft(quiz)

    assert _save_quiz_items(trainer, quiz, shared) == 302
    assert _questions_of_latest_draft(quiz) == [shared.pk]
    assert _save_quiz_items(trainer, quiz, mine) == 302
    assert _questions_of_latest_draft(quiz) == [mine.pk]


def test_administrator_may_use_any_question(world):
    theirs = make_question(world.course_b)
    quiz = make_quiz(world.course_a, [make_question(world.course_a)])
    assert _save_quiz_items(world.users[ADMIN], quiz, theirs) == 302
    assert _questions_of_latest_draft(quiz) == [theirs.pk]
