"""Named rules of the course evaluation: who fills it in, who reads results.

Nobody reads an answer with a name: answers carry none (``models``). These rules
decide who sees a course's *aggregates*, and the selector never gives them
figures of fewer than ``SIGAP_EVALUATION_MIN_GROUP`` responses.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment
from courses.permissions import is_course_trainer, may_learn, taught_courses_q
from courses.selectors import lesson_progress
from lms.accounts import scope
from lms.accounts.permissions import (
    can_use_hr_workspace,
    is_admin,
    is_reviewer,
    is_supervisor_of,
)

from .models import EvaluationReceipt

# Why ``evaluation_refusal`` refused.
NOT_ASKED = "not_asked"
ALREADY_SENT = "already_sent"
LESSONS_PENDING = "lessons_pending"

MESSAGES = {
    ALREADY_SENT: _("Anda sudah mengisi evaluasi kursus ini. Terima kasih."),
    LESSONS_PENDING: _("Evaluasi dibuka setelah semua pelajaran selesai."),
}


def evaluation_refusal(
    user, course, *, enrolment: Enrolment | None, request=None
) -> str:
    """Why ``user`` may not fill in the evaluation of ``course`` now ("" if they
    may): the course requires one, they may learn in it (enrolled, published…),
    every lesson is done, and they have not sent it yet (never asked twice)."""
    if enrolment is None or not course.requires_evaluation:
        return NOT_ASKED
    decision = may_learn(user, course, request=request, enrolment=enrolment)
    if not decision:
        return decision.reason
    if EvaluationReceipt.objects.filter(
        user=user, course=course, cycle=enrolment.cycle
    ).exists():
        return ALREADY_SENT
    progress = lesson_progress(enrolment=enrolment)
    if progress.done < progress.total:
        return LESSONS_PENDING
    return ""


def can_view_evaluation_results(user, course) -> bool:
    """A course's evaluation results (aggregates only): its trainer while they
    hold the role, reviewers and administrators; HR officers for a course that
    someone in their scope is enrolled in."""
    if not user.is_authenticated:
        return False
    if is_course_trainer(user, course) or is_reviewer(user) or is_admin(user):
        return True
    return course_in_hr_scope(user, course)


def evaluated_courses_for_hr_q(user) -> Q | None:
    """The courses an HR officer reads evaluation results of, as a filter on
    ``CoursePage``: those with an enrolment of someone in their scope (None: no
    HR workspace at all)."""
    if not can_use_hr_workspace(user):
        return None
    enrolments = scope.filter_in_hr_scope(Enrolment.objects.all(), user, via="user")
    return Q(pk__in=enrolments.values("course_id"))


def course_in_hr_scope(user, course) -> bool:
    condition = evaluated_courses_for_hr_q(user)
    if condition is None:
        return False
    return type(course).objects.filter(condition, pk=course.pk).exists()


def evaluation_courses_q(user) -> Q:
    """The queryset form of ``can_view_evaluation_results``: the courses whose
    results ``user`` may read."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_reviewer(user) or is_admin(user):
        return Q()
    condition = taught_courses_q(user)
    hr = evaluated_courses_for_hr_q(user)
    return condition | hr if hr is not None else condition


def can_answer_supervisor_survey(user, survey) -> bool:
    """A level-3 survey is answered only by the supervisor it was sent to, while
    they are still the learner's direct supervisor (HR may have changed it);
    nobody else, administrators included, sees it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if survey.supervisor_id is None or survey.supervisor_id != user.pk:
        return False
    return is_supervisor_of(user, survey.learner)
