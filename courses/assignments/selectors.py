"""Reads of assignments: the definitions editors wrote in lesson blocks, a
learner's rounds and gradings, and the trainer's queue."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from courses.models import CoursePage, Enrolment, LessonPage
from courses.published import remembered

from .models import Grading, Submission
from .permissions import gradable_submissions

PASS_REVISE = "pass_revise"
RUBRIC = "rubric"


@dataclass(frozen=True)
class RubricLevel:
    label: str
    description: str
    points: int


@dataclass(frozen=True)
class RubricCriterion:
    name: str
    levels: tuple[RubricLevel, ...]

    @property
    def max_points(self) -> int:
        return max((level.points for level in self.levels), default=0)


@dataclass(frozen=True)
class Assignment:
    """One assignment block of a lesson, as plain data (pickles, holds no
    learner): where it is, what it accepts and how it is graded."""

    lesson_id: int
    block_id: str
    title: str
    kind: str
    accepts_text: bool
    accepts_file: bool
    file_types: tuple[str, ...]
    max_file_mb: int
    due_date: datetime.date | None
    grading: str
    rubric: tuple[RubricCriterion, ...]
    pass_points: int | None
    required: bool
    lesson_title: str = ""
    lesson_url: str | None = None

    @property
    def uses_rubric(self) -> bool:
        return self.grading == RUBRIC and bool(self.rubric)

    @property
    def max_points(self) -> int:
        return sum(criterion.max_points for criterion in self.rubric)

    @property
    def is_reflection(self) -> bool:
        return self.kind == "reflection"


def _assignment(lesson: LessonPage, block, *, lesson_url: str | None) -> Assignment:
    value = block.value
    return Assignment(
        lesson_id=lesson.pk,
        block_id=block.id,
        title=value.get("title") or "",
        kind=value.get("kind") or "assignment",
        accepts_text=bool(value.get("accepts_text")),
        accepts_file=bool(value.get("accepts_file")),
        file_types=tuple(value.get("file_types") or ()),
        max_file_mb=int(value.get("max_file_mb") or 5),
        due_date=value.get("due_date"),
        grading=value.get("grading") or PASS_REVISE,
        rubric=tuple(
            RubricCriterion(
                name=criterion.get("name") or "",
                levels=tuple(
                    RubricLevel(
                        label=level.get("label") or "",
                        description=level.get("description") or "",
                        points=int(level.get("points") or 0),
                    )
                    for level in criterion.get("levels") or ()
                ),
            )
            for criterion in value.get("rubric") or ()
        ),
        pass_points=value.get("pass_points"),
        required=bool(value.get("required")),
        lesson_title=lesson.title,
        lesson_url=lesson_url,
    )


def lesson_assignments(*, lesson: LessonPage) -> list[Assignment]:
    """The assignments of ``lesson``, in the order of its content. Only the
    assignment blocks are turned into values (iterating the whole body converts
    every paragraph and image too, on every lesson page: the lesson benchmark
    fell to a third of its rate)."""
    body = lesson.body
    return [
        _assignment(lesson, body[index], lesson_url=None)
        for index, item in enumerate(body.raw_data)
        if item.get("type") == "assignment"
    ]


def find_assignment(*, lesson: LessonPage, block_id: str) -> Assignment | None:
    return next(
        (a for a in lesson_assignments(lesson=lesson) if a.block_id == block_id),
        None,
    )


def course_assignments(
    *, course: CoursePage, course_url: str | None = None
) -> list[Assignment]:
    """Every assignment of the course's live lessons, in the course's order."""
    lessons = (
        LessonPage.objects.child_of(course).live().only("id", "title", "slug", "body")
    )
    return [
        _assignment(
            lesson,
            block,
            lesson_url=course_url and f"{course_url}{lesson.slug}/",
        )
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "assignment"
    ]


def required_assignments(*, course: CoursePage) -> list[tuple[int, str]]:
    """(lesson id, block id) of the course's required assignments, kept with the
    published content."""
    return remembered(
        f"required-assignments:{course.pk}",
        lambda: [
            (a.lesson_id, a.block_id)
            for a in course_assignments(course=course)
            if a.required
        ],
    )


def assignments_passed(*, enrolment: Enrolment) -> bool:
    """The course's completion requirement: every required assignment of its
    live lessons graded as passed (or the course has none)."""
    required = set(required_assignments(course=enrolment.course))
    if not required:
        return True
    passed = set(
        Submission.objects.latest_rounds()
        .filter(
            user_id=enrolment.user_id,
            course_id=enrolment.course_id,
            status=Submission.Status.PASSED,
        )
        .filter(
            **(
                {"submitted_at__gte": enrolment.cycle_started_at}
                if enrolment.cycle_started_at
                else {}
            )
        )
        .values_list("lesson_id", "block_id")
    )
    return required <= passed


# --- the course outline (``parts.AssignmentsPart``) ---------------------------


@dataclass(frozen=True)
class AssignmentStatus:
    """An assignment in the outline with the learner's standing ("" when not
    handed in yet)."""

    assignment: Assignment
    status: str = ""

    @property
    def done(self) -> bool:
        return self.status == Submission.Status.PASSED


def submission_rows(
    *, user, lesson_ids: Collection[int], since: datetime.datetime | None = None
) -> list[tuple]:
    """The learner's current rounds: ``(lesson_id, block_id, status)``; only
    those handed in ``since`` a renewal cycle began, when given."""
    if not lesson_ids or not user.is_authenticated:
        return []
    rounds = Submission.objects.latest_rounds()
    if since is not None:
        rounds = rounds.filter(submitted_at__gte=since)
    return list(
        rounds.filter(user=user, lesson_id__in=lesson_ids).values_list(
            "lesson_id", "block_id", "status"
        )
    )


def assignment_standing(
    *, links: list[Assignment], records: list[tuple]
) -> list[AssignmentStatus]:
    status = {(lesson, block): state for lesson, block, state in records}
    return [
        AssignmentStatus(
            assignment=link, status=status.get((link.lesson_id, link.block_id), "")
        )
        for link in links
    ]


# --- a learner's own answers ----------------------------------------------------


@dataclass
class LearnerAssignment:
    """What the learner sees of one assignment: their rounds, newest first, each
    with its gradings, and whether they may hand in (again) now."""

    assignment: Assignment
    rounds: list[Submission] = field(default_factory=list)

    @property
    def current(self) -> Submission | None:
        return self.rounds[0] if self.rounds else None

    @property
    def status(self) -> str:
        return self.current.status if self.current else ""

    @property
    def may_submit(self) -> bool:
        return self.current is None or self.status == Submission.Status.REVISION

    @property
    def latest_grading(self) -> Grading | None:
        for submission in self.rounds:
            gradings = list(submission.gradings.all())
            if gradings:
                return gradings[0]
        return None


def _with_gradings(queryset: QuerySet) -> QuerySet:
    return queryset.prefetch_related(
        Prefetch(
            "gradings",
            queryset=Grading.objects.select_related("grader").order_by(
                "-graded_at", "-pk"
            ),
        )
    )


def _rounds_by_block(
    *, user, lesson: LessonPage, since: datetime.datetime | None
) -> dict[str, list[Submission]]:
    """``user``'s rounds of ``lesson``'s assignments by block, newest first, each
    with its gradings; only those handed in ``since`` their renewal cycle began
    (a renewal starts empty; the earlier rounds stay on record)."""
    rows = Submission.objects.filter(user_id=user.pk, lesson_id=lesson.pk)
    if since is not None:
        rows = rows.filter(submitted_at__gte=since)
    rounds: dict[str, list[Submission]] = {}
    for submission in _with_gradings(rows.order_by("-round")):
        rounds.setdefault(submission.block_id, []).append(submission)
    return rounds


def learner_assignments(*, user, lesson: LessonPage) -> list[LearnerAssignment]:
    """Each assignment of ``lesson`` with ``user``'s own rounds and gradings."""
    assignments = lesson_assignments(lesson=lesson)
    if not assignments or not user.is_authenticated:
        return [LearnerAssignment(assignment=a) for a in assignments]
    enrolment = (
        Enrolment.objects.current()
        .filter(user=user, course=lesson.get_course())
        .only("cycle", "enrolled_at")
        .first()
    )
    rounds = _rounds_by_block(
        user=user,
        lesson=lesson,
        since=enrolment.cycle_started_at if enrolment else None,
    )
    return [
        LearnerAssignment(assignment=a, rounds=rounds.get(a.block_id, []))
        for a in assignments
    ]


def lesson_panels(
    *,
    user,
    lesson: LessonPage,
    standing: list[AssignmentStatus],
    since: datetime.datetime | None = None,
) -> list[LearnerAssignment]:
    """The enrolled learner's assignments of ``lesson`` for the lesson page, from
    the course outline's ``standing`` (cached with the course and the learner):
    no block of the body is converted, and no query is made while the learner
    has handed nothing in here. ``since``: when their renewal cycle began (its
    panel starts empty; earlier rounds stay on record)."""
    mine = [status for status in standing if status.assignment.lesson_id == lesson.pk]
    if not any(status.status for status in mine):
        return [LearnerAssignment(assignment=status.assignment) for status in mine]
    rounds = _rounds_by_block(user=user, lesson=lesson, since=since)
    return [
        LearnerAssignment(
            assignment=status.assignment,
            rounds=rounds.get(status.assignment.block_id, []),
        )
        for status in mine
    ]


def learner_assignment(
    *, user, lesson: LessonPage, block_id: str
) -> LearnerAssignment | None:
    return next(
        (
            item
            for item in learner_assignments(user=user, lesson=lesson)
            if item.assignment.block_id == block_id
        ),
        None,
    )


# --- the trainer's queue --------------------------------------------------------


def grading_queue(*, user, status: str = "") -> QuerySet:
    """The current rounds ``user`` may grade, oldest waiting first."""
    rows = (
        gradable_submissions(user)
        .latest_rounds()
        .select_related("user", "user__asn_profile", "course", "lesson")
    )
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("submitted_at", "pk")


def submission_history(*, submission: Submission) -> list[Submission]:
    """Every round of the same learner's answer to the same assignment, newest
    first, each with its gradings."""
    return list(
        _with_gradings(
            Submission.objects.filter(
                user_id=submission.user_id,
                lesson_id=submission.lesson_id,
                block_id=submission.block_id,
            ).order_by("-round")
        )
    )
