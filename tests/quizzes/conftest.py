import pytest

from courses.services import enrol
from tests.factories import make_question, make_quiz

ALL_TYPES = ["single", "multiple", "true_false", "short", "ordering", "matching"]


@pytest.fixture
def enrolled(learner, course):
    enrolment, _ = enrol(user=learner, course=course)
    return enrolment


@pytest.fixture
def quiz(course):
    """A quiz with one question of every type, review after each submit."""
    questions = [make_question(course, kind) for kind in ALL_TYPES]
    return make_quiz(course, questions, pass_mark=60)
