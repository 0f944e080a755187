"""The quizzes as a part of every course outline (``courses.parts``), and the
post-test as a requirement of completion; registered in ``QuizzesConfig.ready``."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.parts import CoursePart

from .models import Attempt, QuizKind, QuizPage
from .selectors import QuizLink, QuizStatus, attempt_rows, quiz_links, quiz_standing

# A quiz without a time limit is given a minute a question (docs/domain.md).
QUESTION_MINUTES = 1


def quiz_minutes(quiz: QuizPage) -> int:
    """The time a quiz takes: its time limit, else a minute a question it asks
    (a fixed question counts one, a random draw its number), read from the raw
    stream so that no question is fetched."""
    if quiz.time_limit_minutes:
        return quiz.time_limit_minutes
    questions = 0
    for item in quiz.items.raw_data:
        if item.get("type") == "question":
            questions += 1
        elif item.get("type") == "draw":
            questions += int((item.get("value") or {}).get("count") or 0)
    return questions * QUESTION_MINUTES


class QuizzesPart(CoursePart):
    """The course's live quizzes with the learner's standing, under ``quizzes``;
    the pre-test still to do, under ``pending_pretest``; their time in the
    course's measured learning time."""

    name = "quizzes"
    record_models = (Attempt,)
    learning_label = _("Kuis dan tes")

    def learning_minutes(self, *, course, drafts: bool = False) -> int:
        shown = Q(live=True)
        if drafts:
            shown |= Q(first_published_at__isnull=True)
        quizzes = (
            QuizPage.objects.child_of(course)
            .filter(shown)
            .only("time_limit_minutes", "items")
        )
        return sum(quiz_minutes(quiz) for quiz in quizzes)

    def links(self, *, course, course_url: str | None) -> list[QuizLink]:
        return quiz_links(course=course, course_url=course_url)

    def records(self, *, user, links: list[QuizLink]) -> list[tuple]:
        return attempt_rows(user=user, quiz_ids=[link.pk for link in links])

    def cycle_records(self, *, user, links: list[QuizLink], enrolment) -> list[tuple]:
        return attempt_rows(
            user=user, quiz_ids=[link.pk for link in links], enrolment=enrolment
        )

    def standing(self, *, links: list[QuizLink], records: list) -> list[QuizStatus]:
        return quiz_standing(links=links, attempts=records)

    def context(self, *, course, enrolment, items: list[QuizStatus]) -> dict:
        pretest = next((q for q in items if q.quiz.kind == QuizKind.PRETEST), None)
        return {
            "pending_pretest": (
                pretest.quiz
                if enrolment is not None
                and course.requires_pretest
                and pretest is not None
                and not pretest.done
                else None
            )
        }
