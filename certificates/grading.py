"""The result printed on a certificate (predikat), from the post-test score."""

from decimal import Decimal

from django.conf import settings

from lms.competencies.growth import post_test_percent as best_post_test


def predikat_for(score: Decimal | float | None) -> str:
    """The predikat for a post-test percent; thresholds are configurable settings.

    ``SIGAP_PREDIKAT_THRESHOLDS`` lists (minimum percent, predikat) from the highest
    down; a course without a post-test gets ``SIGAP_PREDIKAT_WITHOUT_SCORE``.
    """
    if score is None:
        return settings.SIGAP_PREDIKAT_WITHOUT_SCORE
    thresholds = settings.SIGAP_PREDIKAT_THRESHOLDS
    for minimum, label in sorted(thresholds, key=lambda item: -item[0]):
        if score >= minimum:
            return label
    return thresholds[-1][1] if thresholds else ""


def post_test_percent(*, enrolment) -> Decimal | None:
    """The learner's post-test result in percent, or None when the course has none.

    The best closed post-test attempt, as the competency growth reads it
    (``lms.competencies.growth`` is the one reader of quiz attempts), so the
    certificate never computes a score itself.
    """
    value = best_post_test(user=enrolment.user, course=enrolment.course)
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))
