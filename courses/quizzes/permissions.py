"""Named predicates about quizzes, attempts and quiz reports."""

from lms.accounts.permissions import is_admin


def can_author_course(user, course) -> bool:
    """The course's own trainer and administrators see previews and reports."""
    return user.is_authenticated and (course.trainer_id == user.pk or is_admin(user))


def can_open_quiz(user, quiz) -> bool:
    """Quizzes are for enrolled learners, the course's trainer and administrators."""
    from courses.models import Enrolment

    if not user.is_authenticated:
        return False
    course = quiz.get_course()
    return can_author_course(user, course) or (
        Enrolment.objects.filter(user=user, course=course).exists()
    )


def can_take_attempt(user, attempt) -> bool:
    """Only the learner who started an attempt may see or change it."""
    return user.is_authenticated and attempt.user_id == user.pk


def can_view_quiz_reports(user, quiz) -> bool:
    return can_author_course(user, quiz.get_course())
