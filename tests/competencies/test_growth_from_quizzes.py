"""Growth read from real quiz attempts: per-competency percent on the questions
tagged with that competency, first pre-test against best post-test."""

import random

import pytest
from django.apps import apps

from courses.services import enrol, mark_lesson_complete
from lms.competencies.growth import competency_scores
from lms.competencies.models import CompetencyEvidence
from lms.competencies.selectors import competency_growth
from lms.competencies.services import refresh_growth
from tests.factories import map_competency

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_reading_time"),
    pytest.mark.skipif(
        not apps.is_installed("courses.quizzes"), reason="quiz engine not installed"
    ),
]


@pytest.fixture
def tested_course(course):
    from tests.factories import make_question, make_quiz

    map_competency(course, "M.8", 3)
    map_competency(course, "M.2", 2)
    questions = [
        make_question(course, text="Cepat 1?", competency="M.8", points=1),
        make_question(course, text="Cepat 2?", competency="M.8", points=1),
        make_question(course, text="Kerja sama?", competency="M.2", points=2),
        make_question(course, text="Tanpa tag?", points=1),
    ]
    make_quiz(course, questions, kind="pretest", pass_mark=0, title="Pre-test")
    make_quiz(course, questions, kind="posttest", pass_mark=60, title="Post-test")
    return course


def _take(course, user, kind, right_positions):
    from courses.quizzes.models import QuizPage
    from courses.quizzes.services import save_answers, start_attempt, submit_attempt

    quiz = QuizPage.objects.child_of(course).get(kind=kind)
    attempt = start_attempt(quiz=quiz, user=user, rng=random.Random(1))
    answers = {}
    for item in attempt.snapshot:
        right = item["key"][0]
        wrong = next(c["k"] for c in item["choices"] if c["k"] not in item["key"])
        answers[item["pos"]] = right if item["text"] in right_positions else wrong
    save_answers(attempt=attempt, answers=answers)
    return submit_attempt(attempt=attempt)[0]


def test_scores_per_competency_and_gain_recorded_at_completion(tested_course, learner):
    enrolment, _ = enrol(user=learner, course=tested_course)
    _take(tested_course, learner, "pretest", {"Cepat 1?"})
    _lessons_done(enrolment)
    _take(tested_course, learner, "posttest", {"Cepat 1?"})  # 20 %: not passed
    post = _take(
        tested_course, learner, "posttest", {"Cepat 1?", "Cepat 2?", "Kerja sama?"}
    )
    assert post.passed
    if not CompetencyEvidence.objects.exists():  # completion may wait for a click
        from courses.services import evaluate_completion

        evaluate_completion(enrolment=enrolment)

    assert competency_scores(user=learner, course=tested_course) == {
        "M.8": (50.0, 100.0),
        "M.2": (0.0, 100.0),
    }
    rows = {
        row.evidence.competency.code: row for row in competency_growth(user=learner)
    }
    assert (float(rows["M.8"].pre), float(rows["M.8"].post)) == (50.0, 100.0)
    assert rows["M.8"].gain == pytest.approx(1.0)
    assert rows["M.2"].gain == pytest.approx(1.0)
    assert float(rows["M.8"].evidence.post_test_score) == pytest.approx(80.0)
    assert rows["M.8"].evidence.level_demonstrated == 3


def _lessons_done(enrolment):
    for lesson in enrolment.course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)


def test_missing_pre_test_leaves_pre_and_gain_undefined(tested_course, learner):
    enrolment, _ = enrol(user=learner, course=tested_course)
    _lessons_done(enrolment)
    _take(tested_course, learner, "posttest", {"Cepat 1?", "Cepat 2?"})

    assert competency_scores(user=learner, course=tested_course)["M.8"] == (
        None,
        100.0,
    )


def test_refresh_fills_growth_for_attempts_after_completion(tested_course, learner):
    from courses.services import complete_enrolment

    enrolment, _ = enrol(user=learner, course=tested_course)
    _take(tested_course, learner, "pretest", {"Cepat 1?", "Cepat 2?"})
    _lessons_done(enrolment)
    complete_enrolment(enrolment=enrolment)  # e.g. completed before the quizzes
    CompetencyEvidence.objects.update(pre_percent=None)
    evidence = CompetencyEvidence.objects.get(competency__code="M.8")
    assert evidence.pre_percent is None and evidence.post_percent is None
    _take(tested_course, learner, "posttest", {"Cepat 1?"})

    assert refresh_growth(enrolment=enrolment) == 2
    evidence.refresh_from_db()
    assert (float(evidence.pre_percent), float(evidence.post_percent)) == (100.0, 50.0)
    assert refresh_growth(enrolment=enrolment) == 0
