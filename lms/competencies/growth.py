"""Competency growth: per-competency pre-test and post-test percentages of one
learner in one course, and the normalised gain between them.

This module is the one place that reads the quiz engine's attempts. It reads each
attempt's snapshot (what was shown, with its points) and the per-item scores, so
editing a question later never changes a past growth figure.
"""

from decimal import Decimal

from courses.quizzes.models import Attempt, Question, QuizKind, QuizPage

Percent = float | Decimal
Scores = dict[str, tuple[float | None, float | None]]


def normalised_gain(pre: Percent | None, post: Percent | None) -> float | None:
    """g = (post − pre) / (100 − pre), with pre and post in percent.

    None when it is undefined: no pre-test or post-test, or a pre-test of 100 %
    (nothing left to gain). A post-test below the pre-test gives a negative g.
    """
    if pre is None or post is None:
        return None
    pre, post = float(pre), float(post)
    if pre >= 100:
        return None
    return (post - pre) / (100 - pre)


def _quiz_attempts(*, user, course):
    """The learner's first closed pre-test attempt and best closed post-test attempt
    in ``course`` (the pairing the trainers' course report uses), or None each."""
    quizzes = QuizPage.objects.child_of(course)
    closed = Attempt.objects.closed().filter(user=user)
    pre = (
        closed.filter(quiz__in=quizzes.filter(kind=QuizKind.PRETEST))
        .order_by("closed_at", "number", "pk")
        .first()
    )
    post = (
        closed.filter(quiz__in=quizzes.filter(kind=QuizKind.POSTTEST))
        .exclude(percent=None)
        .order_by("-percent", "-closed_at", "-pk")
        .first()
    )
    return pre, post


def _percent_by_competency(attempt) -> dict[str, float]:
    """Points earned over points shown, per competency code, for one attempt."""
    items = attempt.snapshot or []
    missing = [item["qid"] for item in items if not item.get("competency")]
    live_tags = dict(
        Question.objects.filter(pk__in=missing).values_list("pk", "competency")
    )
    earned_by_position = dict(attempt.responses.values_list("position", "score"))
    earned: dict[str, float] = {}
    available: dict[str, float] = {}
    for item in items:
        code = (item.get("competency") or live_tags.get(item.get("qid")) or "").strip()
        points = float(item.get("points") or 0)
        if not code or points <= 0:
            continue
        code = code.upper()
        available[code] = available.get(code, 0.0) + points
        earned[code] = earned.get(code, 0.0) + float(
            earned_by_position.get(item["pos"]) or 0
        )
    return {code: 100 * earned[code] / available[code] for code in available}


def competency_scores(*, user, course) -> Scores:
    """{competency code: (pre-test %, post-test %)} for ``user`` in ``course``.

    Each percentage is the points earned on that competency's questions over the
    points shown, from the first submitted pre-test attempt and the best submitted
    post-test attempt; None where there is no such attempt or no such question.
    """
    return course_results(user=user, course=course)[0]


def post_test_percent(*, user, course) -> float | None:
    """The learner's best submitted post-test score in ``course``, in percent."""
    _, post_attempt = _quiz_attempts(user=user, course=course)
    return post_attempt.percent if post_attempt else None


def course_results(*, user, course) -> tuple[Scores, float | None]:
    """``competency_scores`` and ``post_test_percent`` together, reading the
    attempts once (what a completion records as evidence)."""
    pre_attempt, post_attempt = _quiz_attempts(user=user, course=course)
    pre = _percent_by_competency(pre_attempt) if pre_attempt else {}
    post = _percent_by_competency(post_attempt) if post_attempt else {}
    scores = {
        code: (pre.get(code), post.get(code)) for code in pre.keys() | post.keys()
    }
    return scores, (post_attempt.percent if post_attempt else None)
