"""Named predicates about quizzes, attempts and quiz reports."""

from django.db.models import Q

from courses.models import CoursePage, Enrolment
from courses.page_permissions import own_course_ids
from courses.permissions import (
    PRETEST,
    authored_courses_q,
    is_course_author,
    is_course_trainer,
)
from lms.accounts.permissions import is_admin, is_only_trainer, is_reviewer


def can_author_course(user, course) -> bool:
    """The course's own trainer (holding the trainer role now) and administrators
    see previews, answer keys and reports, and regrade."""
    return user.is_authenticated and (is_course_trainer(user, course) or is_admin(user))


def pending_pretest_gate(*, user, course, page=None) -> str:
    """A ``may_learn`` gate: a course that requires its pre-test opens nothing else
    (lessons, other quizzes, completion) until the learner handed the pre-test in.
    The pre-test is the first live one in tree order, as the course page shows."""
    # in-function: the quiz models import this module (through their page form).
    from .models import Attempt, QuizKind, QuizPage

    if not course.requires_pretest:
        return ""
    if isinstance(page, QuizPage) and page.kind == QuizKind.PRETEST:
        return ""
    pretest = (
        QuizPage.objects.live()
        .child_of(course)
        .filter(kind=QuizKind.PRETEST)
        .order_by("path")
        .values_list("pk", flat=True)
        .first()
    )
    if pretest is None:
        return ""
    enrolment = (
        Enrolment.objects.current()
        .filter(user=user, course=course)
        .only("cycle", "enrolled_at")
        .first()
    )
    done = (
        Attempt.objects.closed()
        .in_cycle(enrolment)
        .filter(user=user, quiz_id=pretest)
        .exists()
    )
    return "" if done else PRETEST


def can_open_quiz(user, quiz) -> bool:
    """Quizzes are for enrolled learners, the course's trainer and administrators."""
    if not user.is_authenticated:
        return False
    course = quiz.get_course()
    return can_author_course(user, course) or (
        Enrolment.objects.current().filter(user=user, course=course).exists()
    )


def can_take_attempt(user, attempt) -> bool:
    """Only the learner who started an attempt may see or change it."""
    return user.is_authenticated and attempt.user_id == user.pk


def can_view_quiz_reports(user, quiz) -> bool:
    return can_author_course(user, quiz.get_course())


def questions_for(user):
    """The questions ``user`` may list and pick: a trainer's own courses' and the
    shared ones; everything for reviewers and admins."""
    # in-function: the quiz models import this module (through their page form).
    from .models import Question

    questions = Question.objects.select_related("course")
    if not is_only_trainer(user):
        return questions
    # Filter on the indexed ``course`` field, so that searching the bank works.
    return questions.filter(Q(course__in=own_course_ids(user)) | Q(course__isnull=True))


def can_manage_bank(user, course) -> bool:
    """Import questions into, export, and move ``course``'s question bank: the
    course's authors (``is_course_author``), and reviewers and administrators,
    who may file questions under any course, as in the bank itself."""
    if not (user.is_authenticated and user.has_perm("quizzes.add_question")):
        return False
    return is_course_author(user, course) or not is_only_trainer(user)


def bank_courses(user):
    """The courses whose banks ``user`` may manage, for a course picker."""
    courses = CoursePage.objects.order_by("title")
    if not (user.is_authenticated and user.has_perm("quizzes.add_question")):
        return courses.none()
    if is_only_trainer(user):
        return courses.filter(authored_courses_q(user))
    return courses


def can_view_course_dashboard(user, course) -> bool:
    """The course dashboard (learner figures and quiz results, in the admin): the
    course's trainer while they hold the role (``is_course_trainer``, the rule for
    learner data), reviewers and administrators."""
    return user.is_authenticated and (
        is_course_trainer(user, course) or is_reviewer(user) or is_admin(user)
    )
