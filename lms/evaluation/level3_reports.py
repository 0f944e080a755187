"""Reads of evaluation level 3: the supervisor's own surveys, the survey form's
questions, and the HR report of response rates and results per course."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q, QuerySet

from lms.accounts import scope
from lms.competencies.models import CourseCompetency

from .models import SupervisorRating, SupervisorSurvey
from .selectors import QuestionResult


def survey_competencies(*, survey: SupervisorSurvey) -> list:
    """The competencies the survey asks about: those the course develops now."""
    return [
        target.competency
        for target in CourseCompetency.objects.filter(
            course_id=survey.course_id
        ).select_related("competency")
    ]


def surveys_for_supervisor(*, user) -> tuple[list, list]:
    """(waiting, answered): the level-3 surveys sent to ``user`` about people who
    are still on their team, newest first."""
    surveys = (
        SupervisorSurvey.objects.filter(
            supervisor=user, learner__asn_profile__supervisor=user
        )
        .select_related("learner", "course", "answer")
        .order_by("-sent_at", "-pk")
    )
    waiting, answered = [], []
    for survey in surveys:
        (answered if hasattr(survey, "answer") else waiting).append(survey)
    return waiting, answered


@dataclass
class CourseFigures:
    """One course's level-3 figures for a reader's scope."""

    course_id: int
    title: str
    code: str
    asked: int
    answered: int
    # One "question" per competency rated: its label, mean and distribution 1–5.
    competencies: list[QuestionResult] = field(default_factory=list)

    @property
    def response_rate(self) -> int:
        return round(100 * self.answered / self.asked) if self.asked else 0

    @property
    def average(self) -> float | None:
        total = sum(item.count for item in self.competencies)
        if not total:
            return None
        weighted = sum(item.average * item.count for item in self.competencies)
        return round(weighted / total, 2)


def scoped_surveys(*, user) -> QuerySet[SupervisorSurvey]:
    """The surveys about people in ``user``'s HR scope (their agency or unit)."""
    return scope.filter_in_hr_scope(SupervisorSurvey.objects.all(), user, via="learner")


def level3_report(*, user) -> list[CourseFigures]:
    """Per course: surveys sent, answered, the response rate, and per competency
    the number of ratings, their mean and distribution 1–5, for the people in
    ``user``'s HR scope. Two queries (after the officer's scope), whatever the
    number of courses."""
    surveys = scoped_surveys(user=user)
    courses = {
        row["course_id"]: CourseFigures(
            course_id=row["course_id"],
            title=row["course__title"],
            code=row["course__code"],
            asked=row["asked"],
            answered=row["answered"],
        )
        for row in surveys.values("course_id", "course__title", "course__code")
        .annotate(
            asked=Count("pk"), answered=Count("pk", filter=Q(answer__isnull=False))
        )
        .order_by("course__title", "course_id")
    }
    ratings = (
        SupervisorRating.objects.filter(answer__survey__in=surveys)
        .values("answer__survey__course_id", "competency_id", "competency_label")
        .annotate(
            count=Count("pk"),
            average=Avg("rating"),
            **{
                f"n{score}": Count("pk", filter=Q(rating=score))
                for score in range(1, 6)
            },
        )
        .order_by("answer__survey__course_id", "competency_label")
    )
    by_course: dict[int, list[QuestionResult]] = defaultdict(list)
    for row in ratings:
        by_course[row["answer__survey__course_id"]].append(
            QuestionResult(
                text=row["competency_label"],
                count=row["count"],
                average=round(row["average"], 2),
                distribution=tuple(row[f"n{score}"] for score in range(1, 6)),
            )
        )
    for course_id, figures in by_course.items():
        if course_id in courses:
            courses[course_id].competencies = figures
    return list(courses.values())
