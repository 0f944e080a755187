"""Concurrent submits and starts on PostgreSQL: threads released together."""

import threading

import pytest
from django.db import connection

from courses.quizzes.models import Attempt, ChoicePick, Response
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import enrol
from tests.factories import make_question, make_quiz

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_together(count: int, work) -> list:
    barrier = threading.Barrier(count)
    results, errors = [], []

    def runner():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results


def test_concurrent_double_submit_gives_one_result(learner, course):
    enrol(user=learner, course=course)
    quiz = make_quiz(course, [make_question(course), make_question(course)])
    attempt = start_attempt(quiz=quiz, user=learner)
    first = attempt.snapshot[0]
    save_answers(attempt=attempt, answers={first["pos"]: first["key"][0]})
    results = run_together(4, lambda: submit_attempt(attempt=Attempt(pk=attempt.pk)))
    assert sorted(closed for _, closed in results) == [False, False, False, True]
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.percent == 50
    assert ChoicePick.objects.filter(response__attempt=attempt).count() == 1


def test_concurrent_starts_leave_one_open_attempt(learner, course):
    enrol(user=learner, course=course)
    quiz = make_quiz(course, [make_question(course)])
    results = run_together(4, lambda: start_attempt(quiz=quiz, user=learner).pk)
    assert len(set(results)) == 1
    assert Attempt.objects.filter(user=learner, quiz=quiz).count() == 1
    assert Response.objects.filter(attempt_id=results[0]).count() == 1


def test_save_racing_a_submit_is_either_graded_or_refused(learner, course):
    enrol(user=learner, course=course)
    quiz = make_quiz(course, [make_question(course)])
    attempt = start_attempt(quiz=quiz, user=learner)
    item = attempt.snapshot[0]
    outcome = {}

    def save():
        try:
            save_answers(attempt=attempt, answers={item["pos"]: item["key"][0]})
            outcome["saved"] = True
        except Exception:  # noqa: BLE001 - AttemptClosed: refused, nothing stored
            outcome["saved"] = False
        return "save"

    def submit():
        submit_attempt(attempt=Attempt(pk=attempt.pk))
        return "submit"

    jobs, lock = [save, submit], threading.Lock()

    def next_job():
        with lock:
            job = jobs.pop()
        return job()

    run_together(2, next_job)
    attempt.refresh_from_db()
    stored = Response.objects.get(attempt=attempt).answer
    if outcome["saved"]:
        assert stored == item["key"][0]
        assert attempt.percent == 100
    else:
        assert stored is None
        assert attempt.percent == 0
