"""The course dashboard a trainer reads in the admin: enrolments, progress,
completion, pre/post-test growth and each quiz's results. A selector: a fixed
handful of aggregate queries, whatever the number of learners.

It lives in ``courses.quizzes`` because it shows quiz results (growth, item
analysis); ``courses`` below knows nothing of quizzes."""

from dataclasses import dataclass

from django.db.models import Count, Q

from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from courses.permissions import taught_courses_q
from lms.accounts.permissions import is_admin, is_reviewer

from .models import QuizPage
from .reports import Growth, QuizSummary, course_growth, quiz_summary
from .selectors import live_quizzes


@dataclass(frozen=True)
class CourseDashboard:
    enrolled: int
    active: int
    completed: int
    completion_rate: float | None  # percent of enrolled
    started: int  # learners with at least one lesson done
    lessons: int  # live lessons
    mean_progress: float | None  # percent of live lessons done, over enrolled
    growth: Growth
    quizzes: list[tuple[QuizPage, QuizSummary]]


def course_dashboard(*, course: CoursePage) -> CourseDashboard:
    counts = (
        Enrolment.objects.current()
        .filter(course=course)
        .aggregate(
            enrolled=Count("id"),
            completed=Count("id", filter=Q(status=Enrolment.Status.COMPLETED)),
        )
    )
    enrolled, completed = counts["enrolled"], counts["completed"]
    lesson_ids = list(
        LessonPage.objects.live().descendant_of(course).values_list("pk", flat=True)
    )
    done = LessonProgress.objects.filter(
        enrolment__course=course, enrolment__is_current=True, lesson_id__in=lesson_ids
    ).aggregate(
        rows=Count("id"),
        started=Count("enrolment", distinct=True),
    )
    mean_progress = None
    if enrolled and lesson_ids:
        mean_progress = 100 * done["rows"] / (enrolled * len(lesson_ids))
    return CourseDashboard(
        enrolled=enrolled,
        active=enrolled - completed,
        completed=completed,
        completion_rate=100 * completed / enrolled if enrolled else None,
        started=done["started"],
        lessons=len(lesson_ids),
        mean_progress=mean_progress,
        growth=course_growth(course=course),
        quizzes=[
            (quiz, quiz_summary(quiz=quiz)) for quiz in live_quizzes(course=course)
        ],
    )


def dashboard_courses(user):
    """The courses whose dashboards ``user`` may open, by title: a trainer's
    own (``taught_courses_q``), every course for reviewers and administrators."""
    courses = CoursePage.objects.order_by("title")
    if not user.is_authenticated:
        return courses.none()
    if is_reviewer(user) or is_admin(user):
        return courses
    return courses.filter(taught_courses_q(user))
