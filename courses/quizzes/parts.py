"""The quizzes as a part of every course outline (``courses.parts``), and the
post-test as a requirement of completion; registered in ``QuizzesConfig.ready``."""

from courses.parts import CoursePart

from .models import Attempt, QuizKind
from .selectors import QuizLink, QuizStatus, attempt_rows, quiz_links, quiz_standing


class QuizzesPart(CoursePart):
    """The course's live quizzes with the learner's standing, under ``quizzes``;
    the pre-test still to do, under ``pending_pretest``."""

    name = "quizzes"
    record_models = (Attempt,)

    def links(self, *, course, course_url: str | None) -> list[QuizLink]:
        return quiz_links(course=course, course_url=course_url)

    def records(self, *, user, links: list[QuizLink]) -> list[tuple]:
        return attempt_rows(user=user, quiz_ids=[link.pk for link in links])

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
