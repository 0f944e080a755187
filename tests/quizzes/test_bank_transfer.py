"""A trainer moves (or copies) a course's question bank to another of their own
courses; questions still in use in the first course are copied, not moved."""

import pytest

from courses.quizzes import question_import as service
from courses.quizzes.models import Question
from courses.quizzes.services import start_attempt
from courses.services import enrol
from tests.factories import client_as, make_course, make_question, make_quiz
from tests.security.world import PENGAJAR, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def trainer(world):
    return world.users[PENGAJAR]


@pytest.fixture
def target(world, trainer):
    return make_course(world.course_a.get_parent(), trainer=trainer, lessons=0)


def _url(course) -> str:
    return f"/cms/bank-soal/{course.pk}/pindahkan/"


def test_move_takes_unused_questions_and_copies_the_ones_a_quiz_asks(
    world, trainer, target
):
    source = world.course_a
    free = make_question(source, "single", text="Soal bebas?")
    asked = make_question(source, "multiple", text="Soal di kuis?")
    make_quiz(source, [asked])

    outcome = service.transfer_bank(
        source=source, target=target, user=trainer, move=True
    )

    assert (outcome.moved, outcome.copied) == (1, 1)
    free.refresh_from_db()
    assert free.course == target  # the same question, moved
    asked.refresh_from_db()
    assert asked.course == source  # the quiz still asks it
    copy = Question.objects.get(course=target, text="Soal di kuis?")
    assert [(c.text, c.is_correct) for c in copy.choices.all()] == [
        (c.text, c.is_correct) for c in asked.choices.all()
    ]


def test_questions_in_a_random_draw_or_answered_stay_in_the_source(
    world, trainer, target
):
    source = world.course_a
    drawn = make_question(source, "single", text="Soal acak?")
    drawn.tags.add("banjir")
    drawn.save()
    make_quiz(source, draws=[{"count": 1, "tag": "banjir"}])
    answered = make_question(source, "true_false", text="Soal terjawab?")
    quiz = make_quiz(source, [answered])
    enrol(user=world.learner_a, course=source)
    start_attempt(quiz=quiz, user=world.learner_a)
    quiz.items = []  # the quiz no longer asks it, but an attempt answered it
    quiz.save()

    assert service.questions_in_use(source) == {drawn.pk, answered.pk}
    outcome = service.transfer_bank(
        source=source, target=target, user=trainer, move=True
    )
    assert (outcome.moved, outcome.copied) == (0, 2)
    assert Question.objects.filter(course=source).count() == 2


def test_copy_leaves_the_source_whole_and_twice_changes_nothing(world, trainer, target):
    source = world.course_a
    for kind in ("single", "short", "matching"):
        make_question(source, kind)
    first = service.transfer_bank(
        source=source, target=target, user=trainer, move=False
    )
    second = service.transfer_bank(
        source=source, target=target, user=trainer, move=False
    )
    assert (first.copied, second.copied, second.unchanged) == (3, 0, 3)
    assert Question.objects.filter(course=source).count() == 3
    assert Question.objects.filter(course=target).count() == 3


def test_moving_twice_changes_nothing_the_second_time(world, trainer, target):
    source = world.course_a
    make_question(source, "single")
    service.transfer_bank(source=source, target=target, user=trainer, move=True)
    again = service.transfer_bank(source=source, target=target, user=trainer, move=True)
    assert (again.moved, again.copied, again.checks) == (0, 0, [])
    assert Question.objects.filter(course=target).count() == 1


def test_conflicting_question_in_the_target_stops_the_whole_transfer(
    world, trainer, target
):
    source = world.course_a
    make_question(source, "single", text="Soal A?")
    make_question(source, "single", text="Soal sama?")
    make_question(
        target, "single", text="soal  SAMA?", choices=[("x", True), ("y", False)]
    )
    outcome = service.transfer_bank(
        source=source, target=target, user=trainer, move=True
    )
    assert not outcome.applied
    assert "dengan isi berbeda" in outcome.errors[0].errors[0]
    assert Question.objects.filter(course=source).count() == 2


def test_screen_checks_first_then_moves_on_confirmation(world, trainer, target):
    source = world.course_a
    make_question(source, "single")
    client = client_as(trainer)
    data = {"target": target.pk, "mode": "move"}

    check = client.post(_url(source), data)
    assert check.status_code == 200
    assert "1 soal akan diproses." in check.content.decode()
    assert Question.objects.filter(course=source).count() == 1

    done = client.post(_url(source), {**data, "confirm": "1"})
    assert done.status_code == 302
    assert Question.objects.filter(course=target).count() == 1


def test_either_course_of_another_trainer_is_refused(world, trainer):
    source, foreign = world.course_a, world.course_b
    make_question(source, "single")
    make_question(foreign, "single", text="Soal pengajar lain?")
    client = client_as(trainer)

    into_foreign = client.post(
        _url(source), {"target": foreign.pk, "mode": "move", "confirm": "1"}
    )
    assert into_foreign.status_code == 400
    from_foreign = client.post(
        _url(foreign), {"target": source.pk, "mode": "move", "confirm": "1"}
    )
    assert from_foreign.status_code == 404
    assert Question.objects.filter(course=source).count() == 1
    assert Question.objects.filter(course=foreign).count() == 1
