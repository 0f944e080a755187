"""Pre-test before the first lesson, post-test after the lessons, completion."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from courses.models import Enrolment
from courses.quizzes.models import Attempt
from courses.quizzes.services import (
    close_expired_attempts,
    save_answers,
    start_attempt,
    submit_attempt,
)
from courses.quizzes.tasks import close_expired_attempts_task
from courses.services import mark_lesson_complete
from tests.factories import make_question, make_quiz

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def pass_quiz(quiz, user):
    attempt = start_attempt(quiz=quiz, user=user)
    item = attempt.snapshot[0]
    save_answers(attempt=attempt, answers={item["pos"]: item["key"][0]})
    attempt, _ = submit_attempt(attempt=attempt)
    return attempt


def test_required_pretest_comes_before_the_first_lesson(
    learner_client, learner, enrolled, course
):
    course.requires_pretest = True
    course.save_revision().publish()
    pretest = make_quiz(course, [make_question(course)], kind="pretest", title="Pre")
    lesson = course.lessons().first()
    response = learner_client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"] == pretest.url
    assert "Mulai dengan pre-test" in learner_client.get(course.url).content.decode()
    submit_attempt(attempt=start_attempt(quiz=pretest, user=learner))
    assert learner_client.get(lesson.url).status_code == 200


def test_optional_pretest_does_not_block_lessons(learner_client, enrolled, course):
    make_quiz(course, [make_question(course)], kind="pretest")
    assert learner_client.get(course.lessons().first().url).status_code == 200


def test_posttest_opens_only_after_every_lesson(
    learner_client, learner, enrolled, course
):
    posttest = make_quiz(course, [make_question(course)], kind="posttest")
    response = learner_client.post(
        reverse("quizzes:start", args=[posttest.pk]), follow=True
    )
    assert "setelah semua pelajaran" in response.content.decode()
    assert not Attempt.objects.exists()
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolled, lesson=lesson)
    learner_client.post(reverse("quizzes:start", args=[posttest.pk]))
    assert Attempt.objects.filter(quiz=posttest).count() == 1


def test_course_completes_only_when_lessons_done_and_posttest_passed(
    learner, enrolled, course
):
    posttest = make_quiz(course, [make_question(course)], kind="posttest")
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolled, lesson=lesson)
    enrolled.refresh_from_db()
    assert not enrolled.is_completed
    failed = start_attempt(quiz=posttest, user=learner)
    submit_attempt(attempt=failed)
    enrolled.refresh_from_db()
    assert not enrolled.is_completed
    assert pass_quiz(posttest, learner).passed
    enrolled.refresh_from_db()
    assert enrolled.status == Enrolment.Status.COMPLETED


def test_a_course_without_posttest_still_completes_with_lessons(
    learner, enrolled, course
):
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolled, lesson=lesson)
    enrolled.refresh_from_db()
    assert enrolled.is_completed


def test_expired_attempt_is_closed_from_saved_answers_by_the_scheduled_task(
    learner, enrolled, course, settings
):
    settings.SIGAP_QUIZ_GRACE_SECONDS = 30
    quiz = make_quiz(
        course,
        [make_question(course), make_question(course)],
        time_limit_minutes=10,
    )
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        attempt = start_attempt(quiz=quiz, user=learner)
        first = attempt.snapshot[0]
        save_answers(attempt=attempt, answers={first["pos"]: first["key"][0]})
        clock.shift(datetime.timedelta(minutes=10, seconds=20))
        # Inside the grace period: still open, answers still accepted.
        assert close_expired_attempts() == 0
        second = attempt.snapshot[1]
        save_answers(
            attempt=attempt, answers={second["pos"]: second["choices"][1]["k"]}
        )
        clock.shift(datetime.timedelta(seconds=15))
        close_expired_attempts_task.enqueue()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.closed_at == start + datetime.timedelta(minutes=10, seconds=35)
    assert attempt.percent == 50


def test_answers_after_time_ran_out_are_refused(
    learner_client, learner, enrolled, course
):
    quiz = make_quiz(course, [make_question(course)], time_limit_minutes=5)
    start = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        attempt = start_attempt(quiz=quiz, user=learner)
        clock.shift(datetime.timedelta(minutes=6))
        item = attempt.snapshot[0]
        response = learner_client.post(
            reverse("quizzes:autosave", args=[attempt.pk]),
            {"pos": item["pos"], "q1": item["key"][0]},
        )
        assert response.status_code == 409
        assert "Waktu habis" in response.json()["error"]
        page = learner_client.get(reverse("quizzes:attempt", args=[attempt.pk]))
        assert page["Location"] == reverse("quizzes:result", args=[attempt.pk])
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.percent == 0


def test_course_page_lists_quizzes_with_the_learners_standing(
    learner_client, learner, enrolled, course
):
    pretest = make_quiz(
        course, [make_question(course)], kind="pretest", title="Tes awal"
    )
    make_quiz(course, [make_question(course)], kind="posttest", title="Tes akhir")
    pass_quiz(pretest, learner)
    page = learner_client.get(course.url).content.decode()
    assert "Tes awal" in page and "Tes akhir" in page
    assert "selesai · 100" in page
    assert "belum dikerjakan" in page
