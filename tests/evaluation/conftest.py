import pytest

from courses.services import enrol, mark_lesson_complete
from lms.accounts.permissions import ROLE_TRAINER
from lms.evaluation.selectors import evaluation_form
from lms.evaluation.services import submit_evaluation
from tests.factories import AsnProfileFactory, UserFactory, make_course


@pytest.fixture(autouse=True)
def _lessons_done_at_once(no_reading_time):
    """Lessons are marked done at once here; the time rule has its own tests."""


@pytest.fixture
def trainer(db):
    return UserFactory(roles=[ROLE_TRAINER], name="Dr. Rahmat Hidayat", is_staff=True)


@pytest.fixture
def evaluated_course(catalog, trainer):
    """A live course of two lessons whose completion waits for the evaluation."""
    course = make_course(catalog, lessons=2, trainer=trainer, title="Layanan Prima")
    course.requires_evaluation = True
    course.save_revision().publish()
    return course


def finish_lessons(user, course):
    enrolment, _created = enrol(user=user, course=course)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment


def answers_for(course, *, score: int = 4, comment: str = "") -> dict:
    """Every question of the course's form answered: ``score`` on the scale, and
    ``comment`` for the open questions."""
    return {
        item.name: str(score) if item.is_scale else comment
        for item in evaluation_form(course=course)
    }


def respond(course, count: int, *, unit, score: int = 4, comments=()):
    """``count`` learners of ``unit`` finish the course and send its evaluation
    (the ``i``-th with ``comments[i]`` when given). Returns the learners."""
    learners = []
    for index in range(count):
        learner = AsnProfileFactory(unit=unit).user
        enrolment = finish_lessons(learner, course)
        comment = comments[index] if index < len(comments) else ""
        submit_evaluation(
            enrolment=enrolment,
            answers=answers_for(course, score=score, comment=comment),
        )
        learners.append(learner)
    return learners
