"""No correct answer, key, explanation or score reaches the learner before the
review rule allows it: for every question type and every review rule."""

import re

import pytest
from django.urls import reverse

from courses.quizzes.models import ReviewRule
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from tests.factories import make_question, make_quiz

from .conftest import ALL_TYPES

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "Rahasiajawabansingkat"


def explanation_marker(kind: str) -> str:
    return f"PEMBAHASAN-{kind.upper()}-RAHASIA"


def make_one_question_quiz(course, kind, rule, **fields):
    extra = {"accepted_answers": SECRET_ANSWER} if kind == "short" else {}
    question = make_question(
        course, kind, explanation=explanation_marker(kind), **extra
    )
    return make_quiz(
        course, [question], review_rule=rule, shuffle_choices=True, **fields
    )


def everything_sent(response) -> str:
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return headers + "\n" + response.content.decode()


def assert_nothing_leaks(sent: str, kind: str):
    assert explanation_marker(kind) not in sent
    assert SECRET_ANSWER.lower() not in sent.lower()
    for tell in (
        '"key"',
        "is_correct",
        "data-correct",
        "data-key",
        "Jawaban yang benar",
    ):
        assert tell not in sent
    # Every choice is marked up identically, right or wrong.
    shapes = {
        re.sub(r'value="[^"]*"|<span>[^<]*</span>|\schecked', "", choice)
        for choice in re.findall(r'<li><label class="choice">.*?</label></li>', sent)
    }
    assert len(shapes) <= 1


def wrong_answer(item):
    kind = item["type"]
    if kind == "single":
        return next(c["k"] for c in item["choices"] if c["k"] not in item["key"])
    if kind == "multiple":
        return [c["k"] for c in item["choices"] if c["k"] not in item["key"]]
    if kind == "true_false":
        return "t" if item["key"] == "f" else "f"
    if kind == "short":
        return "salah"
    if kind == "ordering":
        return list(reversed(item["key"]))
    return dict.fromkeys(item["key"], "zz")


def right_answer(item):
    kind = item["type"]
    if kind == "single":
        return item["key"][0]
    if kind == "short":
        return SECRET_ANSWER
    return item["key"]


@pytest.mark.parametrize("kind", ALL_TYPES)
@pytest.mark.parametrize("rule", [r.value for r in ReviewRule])
def test_nothing_leaks_while_the_attempt_is_open(
    learner_client, learner, enrolled, course, kind, rule
):
    quiz = make_one_question_quiz(course, kind, rule)
    start = learner_client.post(reverse("quizzes:start", args=[quiz.pk]))
    attempt = learner.attempts.get()
    item = attempt.snapshot[0]
    pages = [
        start,
        learner_client.get(quiz.url),
        learner_client.get(course.url),
        learner_client.get(reverse("quizzes:attempt", args=[attempt.pk])),
        learner_client.get(reverse("quizzes:summary", args=[attempt.pk])),
        learner_client.get(reverse("quizzes:result", args=[attempt.pk])),
    ]
    body = {"pos": item["pos"]}
    answer = right_answer(item)
    if kind == "ordering":
        body.update({f"q1-{k}": str(i) for i, k in enumerate(answer, start=1)})
    elif kind == "matching":
        body.update({f"q1-{left}": right for left, right in answer.items()})
    elif kind == "short":
        body["q1"] = "jawaban peserta sendiri"
    else:
        body["q1"] = answer
    saved = learner_client.post(reverse("quizzes:autosave", args=[attempt.pk]), body)
    assert saved.status_code == 200
    pages.append(saved)
    pages.append(learner_client.get(reverse("quizzes:attempt", args=[attempt.pk])))
    for response in pages:
        sent = everything_sent(response)
        assert_nothing_leaks(sent, kind)
    assert set(saved.json()) == {"saved", "pos", "at"}
    attempt.refresh_from_db()
    assert attempt.score is None and attempt.percent is None


VISIBLE_AFTER_A_FAILED_ATTEMPT = {
    ReviewRule.NEVER: False,
    ReviewRule.AFTER_SUBMIT: True,
    ReviewRule.ONCE_PASSED: False,
    ReviewRule.AFTER_LAST_ATTEMPT: False,
}


@pytest.mark.parametrize("kind", ALL_TYPES)
@pytest.mark.parametrize("rule", [r.value for r in ReviewRule])
def test_result_shows_keys_only_as_the_review_rule_allows(
    learner_client, learner, enrolled, course, kind, rule
):
    quiz = make_one_question_quiz(course, kind, rule, attempts_allowed=2)
    first = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=first, answers={1: wrong_answer(first.snapshot[0])})
    submit_attempt(attempt=first)
    result = learner_client.get(reverse("quizzes:result", args=[first.pk]))
    sent = everything_sent(result)
    assert "Belum lulus" in sent
    if VISIBLE_AFTER_A_FAILED_ATTEMPT[rule]:
        assert explanation_marker(kind) in sent
        assert "Jawaban yang benar" in sent
    else:
        assert_nothing_leaks(sent, kind)

    second = start_attempt(quiz=quiz, user=learner)
    save_answers(attempt=second, answers={1: right_answer(second.snapshot[0])})
    submit_attempt(attempt=second)
    sent = everything_sent(
        learner_client.get(reverse("quizzes:result", args=[second.pk]))
    )
    assert "Lulus" in sent
    if rule == ReviewRule.NEVER:
        assert_nothing_leaks(sent, kind)
    else:  # passed, and it was the last allowed attempt
        assert explanation_marker(kind) in sent
