"""Who may see and grade a submission. One rule each, asked by every view that
shows, streams or grades one (the file download too)."""

from courses.models import CoursePage
from courses.permissions import is_course_trainer, taught_courses_q
from lms.accounts.permissions import is_admin, is_trainer

from .models import Submission, SubmissionQuerySet


def can_view_submission(user, submission: Submission) -> bool:
    """The learner who wrote it, the course's trainer, an administrator. Not HR,
    not another learner, not another course's trainer."""
    if not user.is_authenticated:
        return False
    return (
        submission.user_id == user.pk
        or is_course_trainer(user, submission.course)
        or is_admin(user)
    )


def can_grade_submission(user, submission: Submission) -> bool:
    """The course's trainer and administrators."""
    return user.is_authenticated and (
        is_course_trainer(user, submission.course) or is_admin(user)
    )


def gradable_submissions(user) -> SubmissionQuerySet:
    """The queryset form of ``can_grade_submission``."""
    if not user.is_authenticated:
        return Submission.objects.none()
    if is_admin(user):
        return Submission.objects.all()
    taught = CoursePage.objects.filter(taught_courses_q(user)).values("pk")
    return Submission.objects.filter(course__in=taught)


def may_open_queue(user) -> bool:
    """Whether the admin shows the grading queue: trainers (it lists their own
    courses' submissions only) and administrators."""
    return user.is_authenticated and (is_trainer(user) or is_admin(user))
