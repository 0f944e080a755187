"""Reads of the learning path: progress, the completion rule, course outlines and
the learner's courses. Plain data and frozen dataclasses out; nothing is written.

The writes (enrolment, lessons done, completion) are in ``services``.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, DateTimeField, Q, Value

from lms.accounts.models import User
from lms.cache import fragment_name, remembered_for_person

from .models import CoursePage, Enrolment, LessonPage, LessonProgress
from .parts import COMPLETION_REQUIREMENTS, COURSE_PARTS
from .permissions import may_learn
from .published import ENTRY_FORMAT, published_version, remembered


@dataclass(frozen=True)
class Progress:
    """Lessons done out of the course's live lessons."""

    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def lesson_progress(*, enrolment: Enrolment) -> Progress:
    lessons = enrolment.course.lessons()
    done = LessonProgress.objects.filter(
        enrolment=enrolment, lesson__in=lessons
    ).count()
    return Progress(done=done, total=lessons.count())


def completion_requirements_met(*, enrolment: Enrolment) -> bool:
    """The course's completion rule: every published lesson done, every
    requirement the layers above registered met (``parts.COMPLETION_REQUIREMENTS``:
    the post-test passed when the course has one), and the learner still allowed
    to learn in it (``may_learn``: a group restriction, the pre-test)."""
    progress = lesson_progress(enrolment=enrolment)
    return (
        progress.total > 0
        and progress.done >= progress.total
        and all(
            requirement(enrolment=enrolment) for requirement in COMPLETION_REQUIREMENTS
        )
        and bool(may_learn(enrolment.user, enrolment.course, enrolment=enrolment))
    )


@dataclass(frozen=True)
class LessonLink:
    """A live lesson of a course as outlines and pagers show it (the same for
    every learner)."""

    pk: int
    title: str
    url: str | None
    minutes: int


@dataclass(frozen=True)
class CourseStructure:
    """What a course's outline lists, the same for every learner: its lessons,
    and the items of each registered part (``parts.CoursePart.links``) by name."""

    url: str | None
    lessons: list[LessonLink]
    parts: dict[str, list]


def course_structure(*, course: CoursePage) -> CourseStructure:
    """The course's live lessons (tree order) and the items of its registered
    parts (the quizzes, in course order), cached until a page changes."""

    def build() -> CourseStructure:
        # A lesson or quiz routes by its slug below its course (``HomePage.route``).
        course_url = course.get_url()
        return CourseStructure(
            url=course_url,
            lessons=[
                LessonLink(
                    pk=lesson.pk,
                    title=lesson.title,
                    url=course_url and f"{course_url}{lesson.slug}/",
                    minutes=lesson.estimated_minutes,
                )
                for lesson in course.lessons().only(
                    "id", "title", "slug", "estimated_minutes"
                )
            ],
            parts={
                part.name: part.links(course=course, course_url=course_url)
                for part in COURSE_PARTS
            },
        )

    return remembered(f"course-structure:{course.pk}", build)


Opened = tuple[datetime, datetime]  # first and last opening of a lesson


def enrolment_with_lesson_records(
    *, user: User, course: CoursePage
) -> tuple[Enrolment | None, set[int], dict[int, Opened]]:
    """The learner's enrolment in the course, the ids of the lessons they have
    marked done (live or not) and when they opened each lesson, in one query
    (done rows carry no opening times, opening rows do)."""
    fields = [db_field.attname for db_field in Enrolment._meta.concrete_fields]
    mine = Enrolment.objects.current().filter(user=user, course=course)
    no_time = Value(None, output_field=DateTimeField())
    rows = list(
        mine.values_list(*fields, "progress__lesson_id", no_time, no_time).union(
            mine.filter(visits__isnull=False).values_list(
                *fields,
                "visits__lesson_id",
                "visits__first_opened_at",
                "visits__last_opened_at",
            ),
            all=True,
        )
    )
    if not rows:
        return None, set(), {}
    enrolment = Enrolment.from_db(Enrolment.objects.db, fields, rows[0][: len(fields)])
    done: set[int] = set()
    opened: dict[int, Opened] = {}
    for *_enrolment, lesson_id, first, last in rows:
        if lesson_id is None:
            continue
        if first is None:
            done.add(lesson_id)
        else:
            opened[lesson_id] = (first, last)
    return enrolment, done, opened


@dataclass(frozen=True)
class LearnerStanding:
    """A learner's own place in a course: their enrolment (or none), the lessons
    they marked done, when they opened each lesson (first, last) and their records
    for each part (``CoursePart.records``: their quiz attempts), by the part's
    name."""

    enrolment: Enrolment | None
    lessons_done: frozenset[int]
    records: dict[str, list]
    opened: dict[int, Opened]


def standing_cache_name(*, course_id: int) -> str:
    """The name the learner's standing in the course is cached under (for
    ``lms.cache``; ``services.note_lesson_opened`` brings it up to date)."""
    # ``ENTRY_FORMAT`` changes with the shape of what is kept (as in ``published``).
    return f"course:{course_id}:{ENTRY_FORMAT}:{published_version()}"


def lesson_page_cache_name(lesson_id: int) -> str:
    """The name a learner's lesson page (its content: their progress, their
    answers to the lesson's tasks) is kept under in their cache: the
    ``{% person_fragment "lesson" page.pk %}`` of courses/lesson_page.html. An
    erasure of their answers drops it."""
    return fragment_name("lesson", lesson_id)


def learner_standing(
    *, user: User, course: CoursePage, structure: CourseStructure
) -> LearnerStanding:
    """The learner's standing in the course, in one query and one a part, kept in
    the cache until the learner's records (``parts.watch_learner_records``) or the
    published course change."""

    def build() -> LearnerStanding:
        enrolment, done, opened = enrolment_with_lesson_records(
            user=user, course=course
        )
        return LearnerStanding(
            enrolment=enrolment,
            lessons_done=frozenset(done),
            opened=opened,
            records={
                part.name: part.cycle_records(
                    user=user,
                    links=structure.parts.get(part.name, []),
                    enrolment=enrolment,
                )
                for part in COURSE_PARTS
            },
        )

    return remembered_for_person(
        user.pk, standing_cache_name(course_id=course.pk), build
    )


@dataclass(frozen=True)
class CourseOutline:
    """What a course or lesson page shows about the learner's place in the course.

    ``parts`` holds each registered part's standing by its name (``quizzes``),
    ``extra`` the further values the parts add (``pending_pretest``).
    ``lesson_minutes`` is the estimated time of the live lessons; ``standing`` the
    signed-in learner's cached standing (``None`` for a visitor), which a lesson
    page hands to ``services.note_lesson_opened``. The lesson fields are set only
    for a lesson page (``current``).
    """

    course: CoursePage
    course_url: str | None
    lessons: list[LessonLink]
    enrolment: Enrolment | None
    done_ids: frozenset[int]
    progress: Progress
    resume_lesson: LessonLink | None
    lesson_minutes: int = 0
    standing: LearnerStanding | None = None
    parts: dict[str, list] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    lesson_number: int | None = None
    previous_lesson: LessonLink | None = None
    next_lesson: LessonLink | None = None
    current_done: bool = False


def course_outline(
    *,
    course: CoursePage,
    user: User | AnonymousUser,
    current: LessonPage | None = None,
) -> CourseOutline:
    """Everything a course or lesson page shows about the learner's place in it.

    The course's lessons and parts (quizzes) come from the cache; what is the
    learner's own costs the same few queries whatever the number of lessons.
    Each registered part adds its items under its name (``quizzes``) and its own
    values (``pending_pretest``) to ``extra``.
    """
    structure = course_structure(course=course)
    enrolment: Enrolment | None = None
    lessons_done: frozenset[int] = frozenset()
    records: dict[str, list] = {}
    standing: LearnerStanding | None = None
    if user.is_authenticated:
        standing = learner_standing(user=user, course=course, structure=structure)
        enrolment, lessons_done = standing.enrolment, standing.lessons_done
        records = standing.records
    parts = {
        part.name: part.standing(
            links=structure.parts.get(part.name, []),
            records=records.get(part.name, []),
        )
        for part in COURSE_PARTS
    }
    extra: dict[str, Any] = {}
    for part in COURSE_PARTS:
        extra.update(
            part.context(course=course, enrolment=enrolment, items=parts[part.name])
        )
    lessons = structure.lessons
    # A preview of a lesson that is not live still shows whether it is done.
    shown = {lesson.pk for lesson in lessons}
    if current is not None and current.pk is not None:
        shown.add(current.pk)
    done_ids = lessons_done & shown
    lesson_number: int | None = None
    previous_lesson: LessonLink | None = None
    next_lesson: LessonLink | None = None
    if current is not None:
        index = next(
            (i for i, lesson in enumerate(lessons) if lesson.pk == current.pk), None
        )
        lesson_number = (index or 0) + 1
        previous_lesson = lessons[index - 1] if index else None
        if index is not None and index + 1 < len(lessons):
            next_lesson = lessons[index + 1]
    return CourseOutline(
        course=course,
        course_url=structure.url,
        lessons=lessons,
        enrolment=enrolment,
        done_ids=done_ids,
        progress=Progress(
            done=sum(1 for lesson in lessons if lesson.pk in done_ids),
            total=len(lessons),
        ),
        resume_lesson=next((item for item in lessons if item.pk not in done_ids), None),
        lesson_minutes=sum(lesson.minutes for lesson in lessons),
        standing=standing,
        parts=parts,
        extra=extra,
        lesson_number=lesson_number,
        previous_lesson=previous_lesson,
        next_lesson=next_lesson,
        current_done=current is not None and current.pk in done_ids,
    )


def my_courses(*, user: User) -> list[tuple[Enrolment, Progress]]:
    """The learner's enrolments with their progress, in a fixed number of queries."""
    enrolments = list(
        Enrolment.objects.current()
        .for_user(user)
        .select_related("course", "course__topic")
        .annotate(done=Count("progress", filter=Q(progress__lesson__live=True)))
        .order_by("status", "-enrolled_at")
    )
    if not enrolments:
        return []
    course_filter = Q()
    for enrolment in enrolments:
        course = enrolment.course
        course_filter |= Q(path__startswith=course.path, depth=course.depth + 1)
    totals: dict[str, int] = {}
    for path in (
        LessonPage.objects.live().filter(course_filter).values_list("path", flat=True)
    ):
        parent_path = path[: -LessonPage.steplen]
        totals[parent_path] = totals.get(parent_path, 0) + 1
    return [
        (
            enrolment,
            Progress(done=enrolment.done, total=totals.get(enrolment.course.path, 0)),
        )
        for enrolment in enrolments
    ]
