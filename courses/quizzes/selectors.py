"""Reads of the quiz engine: time left, whether an attempt may start, review rules,
the quiz page's overview and the course's quizzes with the learner's standing.
Nothing is written here; taking a quiz is in ``services``.
"""

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrolment
from courses.permissions import NOT_ENROLLED, SIGN_IN, may_learn
from courses.selectors import lesson_progress
from lms.accounts.models import User

from .models import Attempt, QuizKind, QuizPage, ReviewRule
from .permissions import can_author_course

# --- time -----------------------------------------------------------------------


def grace() -> datetime.timedelta:
    """Slack after the deadline that absorbs slow networks."""
    return datetime.timedelta(seconds=getattr(settings, "SIGAP_QUIZ_GRACE_SECONDS", 30))


def is_out_of_time(attempt: Attempt, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return attempt.deadline is not None and now > attempt.deadline + grace()


def seconds_left(attempt: Attempt, now: datetime.datetime | None = None) -> int | None:
    if attempt.deadline is None:
        return None
    now = now or timezone.now()
    return max(0, int((attempt.deadline - now).total_seconds()))


# --- availability ---------------------------------------------------------------


def lessons_all_done(*, enrolment: Enrolment) -> bool:
    progress = lesson_progress(enrolment=enrolment)
    return progress.done >= progress.total


def attempts_left(quiz: QuizPage, closed: int) -> int | None:
    """Attempts still allowed; ``None`` means unlimited."""
    if not quiz.attempts_allowed:
        return None
    return max(0, quiz.attempts_allowed - closed)


def start_refusal(
    *,
    quiz: QuizPage,
    user: User | AnonymousUser,
    enrolment: Enrolment | None,
    closed: int,
    request: HttpRequest | None = None,
) -> str | None:
    """Why ``user`` may not start a new attempt now, or ``None`` if they may.

    ``may_learn`` first (the course page's rule, enrolment, the pre-test for any
    other quiz); ``request``, the person's own, carries the passwords given.
    """
    decision = may_learn(
        user, quiz.get_course(), request=request, page=quiz, enrolment=enrolment
    )
    if decision.reason in (SIGN_IN, NOT_ENROLLED):
        return _("Daftar ke kursus ini dulu untuk mengerjakan kuisnya.")
    if not decision:
        return decision.message
    # ``may_learn`` allows only an enrolled learner.
    assert enrolment is not None
    if quiz.is_posttest and not lessons_all_done(enrolment=enrolment):
        return _("Post-test terbuka setelah semua pelajaran ditandai selesai.")
    if attempts_left(quiz, closed) == 0:
        return _("Kesempatan mengerjakan kuis ini sudah habis.")
    return None


# --- attempts and the course's quizzes ------------------------------------------


def review_allowed(*, attempt: Attempt, attempts: list[Attempt]) -> bool:
    """Whether the learner may now see keys, per-question results and
    explanations for ``attempt`` (``attempts``: all theirs for this quiz)."""
    if attempt.is_open:
        return False
    rule = attempt.quiz.review_rule
    if rule == ReviewRule.AFTER_SUBMIT:
        return True
    if rule == ReviewRule.ONCE_PASSED:
        return any(a.passed for a in attempts if not a.is_open)
    if rule == ReviewRule.AFTER_LAST_ATTEMPT:
        closed = sum(1 for a in attempts if not a.is_open)
        return bool(attempt.quiz.attempts_allowed) and (
            closed >= attempt.quiz.attempts_allowed
        )
    return False


def question_count(quiz: QuizPage) -> int:
    """How many questions an attempt asks, from the blocks' stored data (without
    loading the chosen questions)."""
    return sum(
        1 if item["type"] == "question" else item["value"]["count"]
        for item in quiz.items.raw_data
    )


@dataclass(frozen=True)
class QuizOverview:
    """What the quiz's own page shows a learner: rules, attempts, what to do next."""

    course: CoursePage
    enrolment: Enrolment | None
    attempts: list[Attempt]
    open_attempt: Attempt | None
    attempts_left: int | None
    start_refusal: str | None
    question_count: int
    best_attempt: Attempt | None
    can_author: bool


def quiz_overview(*, quiz: QuizPage, user: User | AnonymousUser) -> QuizOverview:
    """What the quiz's own page shows a learner: rules, attempts, what to do next."""
    course = quiz.get_course()
    attempts: list[Attempt] = []
    enrolment = None
    if user.is_authenticated:
        enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
        attempts = list(
            Attempt.objects.filter(quiz=quiz, user=user)
            .in_cycle(enrolment)
            .select_related("quiz")
            .defer("snapshot")
            .order_by("number")
        )
    open_attempt = next((a for a in attempts if a.is_open), None)
    closed = [a for a in attempts if not a.is_open]
    refusal = None
    if open_attempt is None:
        refusal = start_refusal(
            quiz=quiz, user=user, enrolment=enrolment, closed=len(closed)
        )
    return QuizOverview(
        course=course,
        enrolment=enrolment,
        attempts=attempts,
        open_attempt=open_attempt,
        attempts_left=attempts_left(quiz, len(closed)),
        start_refusal=refusal,
        question_count=question_count(quiz),
        best_attempt=max(closed, key=lambda a: a.percent or 0, default=None),
        can_author=can_author_course(user, course),
    )


@dataclass(frozen=True)
class QuizLink:
    """A live quiz of a course as outlines list it (the same for every learner)."""

    pk: int
    title: str
    url: str | None
    kind: str
    pass_mark: int

    def get_kind_display(self) -> str | Promise:
        return QuizKind(self.kind).label


@dataclass
class QuizStatus:
    """A quiz as the course page lists it, with the learner's standing."""

    quiz: QuizLink
    attempts: int = 0
    best_percent: float | None = None
    passed: bool = False
    open: bool = False

    @property
    def done(self) -> bool:
        return self.attempts > 0


def live_quizzes(*, course: CoursePage) -> list[QuizPage]:
    """The course's live quiz pages: pre-test first, post-test last, the others
    in tree order between."""
    order = {QuizKind.PRETEST: 0, QuizKind.QUIZ: 1, QuizKind.POSTTEST: 2}
    quizzes = QuizPage.objects.live().child_of(course).order_by("path")
    return sorted(quizzes, key=lambda quiz: order.get(quiz.kind, 1))


def quiz_links(*, course: CoursePage, course_url: str | None) -> list[QuizLink]:
    """The course's live quizzes in course order, as outlines list them."""
    return [
        QuizLink(
            pk=quiz.pk,
            title=quiz.title,
            url=course_url and f"{course_url}{quiz.slug}/",
            kind=quiz.kind,
            pass_mark=quiz.pass_mark,
        )
        for quiz in live_quizzes(course=course)
    ]


def course_quizzes(
    *,
    course: CoursePage,
    user: User | AnonymousUser,
    links: list[QuizLink] | None = None,
) -> list[QuizStatus]:
    """The course's live quizzes (``links``, if already known) and the learner's
    standing: at most one query for the standing."""
    if links is None:
        links = quiz_links(course=course, course_url=course.get_url())
    if not user.is_authenticated or not links:
        return [QuizStatus(quiz=link) for link in links]
    attempts = attempt_rows(user=user, quiz_ids=[link.pk for link in links])
    return quiz_standing(links=links, attempts=attempts)


def attempt_rows(
    *, user: User, quiz_ids: Collection[int], enrolment: Enrolment | None = None
) -> list[tuple]:
    """The learner's attempts at these quizzes (of the enrolment's cycle, when
    given), as ``quiz_standing`` tallies them."""
    if not quiz_ids:
        return []
    return list(
        Attempt.objects.filter(user=user, quiz_id__in=quiz_ids)
        .in_cycle(enrolment)
        .values_list("quiz_id", "status", "passed", "percent")
    )


def quiz_standing(*, links: list[QuizLink], attempts: list[tuple]) -> list[QuizStatus]:
    """The quizzes with the learner's standing, from their ``attempt_rows``.

    A learner's attempts at a course's quizzes are few: tallied here, without
    building an aggregate query on every page.
    """
    standing = {link.pk: QuizStatus(quiz=link) for link in links}
    for quiz_id, status, passed, percent in attempts:
        if quiz_id not in standing:
            continue
        row = standing[quiz_id]
        if status == Attempt.Status.OPEN:
            row.open = True
            continue
        row.attempts += 1
        row.passed = row.passed or bool(passed)
        if percent is not None and (
            row.best_percent is None or percent > row.best_percent
        ):
            row.best_percent = percent
    return list(standing.values())


def posttests_passed(*, enrolment: Enrolment) -> bool:
    """True when every live post-test of the course has a passed attempt (or
    the course has none)."""
    posttests = set(
        QuizPage.objects.live()
        .child_of(enrolment.course)
        .filter(kind=QuizKind.POSTTEST)
        .values_list("pk", flat=True)
    )
    if not posttests:
        return True
    passed = set(
        Attempt.objects.passed()
        .in_cycle(enrolment)
        .filter(user_id=enrolment.user_id, quiz_id__in=posttests)
        .values_list("quiz_id", flat=True)
    )
    return posttests <= passed
