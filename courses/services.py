"""The learning path: enrolment, lesson progress and completion.

``complete_enrolment`` is the one place a completion is recorded; what follows
(JP, competency evidence, certificate) belongs to higher layers, which register
their steps in ``settings.SIGAP_COMPLETION_STEPS`` (``lms.steps``).
"""

from dataclasses import dataclass, replace
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, DateTimeField, Q, Value
from django.utils import timezone

from lms.accounts.models import User
from lms.cache import remembered_for_person, replace_for_person
from lms.steps import run_steps

from .learning_time import check_time_before_done
from .models import CoursePage, Enrolment, LessonPage, LessonProgress, LessonVisit
from .parts import COMPLETION_REQUIREMENTS, COURSE_PARTS
from .permissions import LearningRefused, may_learn, may_open_course
from .published import ENTRY_FORMAT, published_version, remembered


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def enrol(
    *,
    user: User,
    course: CoursePage,
    source: str = Enrolment.Source.SELF,
    deadline=None,
) -> tuple[Enrolment, bool]:
    """Enrol ``user`` in ``course`` once; return the enrolment and whether it is new.

    Refused (``LearningRefused``) when the course page would refuse ``user``.
    """
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing is not None:
        return existing, False
    decision = may_open_course(user, course)
    if not decision:
        raise LearningRefused(decision)
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user, course=course, source=source, deadline=deadline
            )
    except IntegrityError:
        return Enrolment.objects.get(user=user, course=course), False
    return enrolment, True


@transaction.atomic
def mark_lesson_complete(*, enrolment: Enrolment, lesson: LessonPage) -> bool:
    """Record that a lesson is done, then see whether the course is complete.

    Refused (``LearningRefused``) when ``may_learn`` refuses the lesson, and
    (``learning_time.MarkedDoneTooEarly``) when less than the course's share of
    the lesson's estimated time has passed since the learner first opened it, by
    the server's clock. A lesson already done stays done.
    """
    decision = may_learn(
        enrolment.user, enrolment.course, page=lesson, enrolment=enrolment
    )
    if not decision:
        raise LearningRefused(decision)
    if not LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).exists():
        check_time_before_done(
            lesson=lesson,
            course=enrolment.course,
            first_opened_at=LessonVisit.objects.filter(
                enrolment=enrolment, lesson=lesson
            )
            .values_list("first_opened_at", flat=True)
            .first(),
            now=timezone.now(),
        )
    _, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson
    )
    evaluate_completion(enrolment=enrolment)
    return created


# A reopening within this many seconds of the last one recorded is not written
# again: a lesson page costs no query once its learner's standing is cached.
OPEN_NOTE_SECONDS = 300


def note_lesson_opened(
    *, enrolment: Enrolment, lesson: LessonPage, standing: "LearnerStanding"
) -> None:
    """Record that the learner opened the lesson now: its first opening once, its
    last opening again when the last one recorded (``standing.opened``) is older
    than ``OPEN_NOTE_SECONDS``. One query when it writes, none otherwise; the
    cached standing is brought up to date rather than built again."""
    now = timezone.now()
    known = standing.opened.get(lesson.pk)
    if known is not None and (now - known[1]).total_seconds() < OPEN_NOTE_SECONDS:
        return
    # An upsert: the first opening is written once, a later one moves only the
    # last opening (bulk_create sends no signal, so the standing is not dropped).
    LessonVisit.objects.bulk_create(
        [
            LessonVisit(
                enrolment=enrolment,
                lesson_id=lesson.pk,
                first_opened_at=now,
                last_opened_at=now,
            )
        ],
        update_conflicts=True,
        unique_fields=["enrolment", "lesson"],
        update_fields=["last_opened_at"],
    )
    opened = dict(standing.opened)
    opened[lesson.pk] = (known[0] if known else now, now)
    replace_for_person(
        enrolment.user_id,
        _standing_name(course_id=enrolment.course_id),
        replace(standing, opened=opened),
    )


@transaction.atomic
def record_heartbeat(*, user: User, lesson_id: int) -> bool:
    """Count the active time of an open, visible lesson page (its script calls
    every ``SIGAP_HEARTBEAT_SECONDS``): the time since the previous heartbeat (or
    the last opening), at most ``SIGAP_HEARTBEAT_SECONDS``, by the server's clock.
    Whether a visit of the learner's own enrolment was there to count it."""
    visit = (
        LessonVisit.objects.select_for_update()
        .filter(enrolment__user=user, lesson_id=lesson_id, lesson__live=True)
        .first()
    )
    if visit is None:
        return False
    now = timezone.now()
    since = max(filter(None, (visit.last_beat_at, visit.last_opened_at)))
    elapsed = max(0, int((now - since).total_seconds()))
    visit.active_seconds += min(elapsed, settings.SIGAP_HEARTBEAT_SECONDS)
    visit.last_beat_at = now
    visit.save(update_fields=["active_seconds", "last_beat_at"])
    return True


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


def evaluate_completion(*, enrolment: Enrolment) -> bool:
    """Complete the enrolment if its rule is now met; return whether it is complete."""
    if enrolment.is_completed:
        return True
    if completion_requirements_met(enrolment=enrolment):
        complete_enrolment(enrolment=enrolment)
        return True
    return False


@transaction.atomic
def complete_enrolment(*, enrolment: Enrolment) -> Enrolment:
    """Record the completion once, then run the completion steps higher layers
    registered (``SIGAP_COMPLETION_STEPS``: JP, evidence, certificate), in order,
    inside this transaction: a step that fails undoes the completion, and a step
    with work for after the commit (the certificate) asks ``on_commit`` itself.

    Refused (``LearningRefused``) when ``may_learn`` refuses the learner the course.
    """
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.is_completed:
        return locked
    decision = may_learn(locked.user, locked.course, enrolment=locked)
    if not decision:
        raise LearningRefused(decision)
    locked.status = Enrolment.Status.COMPLETED
    locked.completed_at = timezone.now()
    locked.save(update_fields=["status", "completed_at"])
    enrolment.status, enrolment.completed_at = locked.status, locked.completed_at
    run_steps("SIGAP_COMPLETION_STEPS", enrolment=locked)
    return locked


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
    fields = [field.attname for field in Enrolment._meta.concrete_fields]
    mine = Enrolment.objects.filter(user=user, course=course)
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
    done, opened = set(), {}
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


def _standing_name(*, course_id: int) -> str:
    # ``ENTRY_FORMAT`` changes with the shape of what is kept (as in ``published``).
    return f"course:{course_id}:{ENTRY_FORMAT}:{published_version()}"


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
                part.name: part.records(
                    user=user, links=structure.parts.get(part.name, [])
                )
                for part in COURSE_PARTS
            },
        )

    return remembered_for_person(user.pk, _standing_name(course_id=course.pk), build)


def course_outline(
    *, course: CoursePage, user, current: LessonPage | None = None
) -> dict:
    """Everything a course or lesson page shows about the learner's place in it.

    The course's lessons and parts (quizzes) come from the cache; what is the
    learner's own costs the same few queries whatever the number of lessons.
    Each registered part adds its items under its name (``quizzes``) and its own
    context keys (``pending_pretest``).
    """
    structure = course_structure(course=course)
    if user.is_authenticated:
        standing = learner_standing(user=user, course=course, structure=structure)
        enrolment, lessons_done = standing.enrolment, standing.lessons_done
        records = standing.records
    else:
        standing, enrolment, lessons_done, records = None, None, frozenset(), {}
    parts = {
        part.name: part.standing(
            links=structure.parts.get(part.name, []),
            records=records.get(part.name, []),
        )
        for part in COURSE_PARTS
    }
    lessons = structure.lessons
    # A preview of a lesson that is not live still shows whether it is done.
    shown = {lesson.pk for lesson in lessons}
    if current is not None and current.pk is not None:
        shown.add(current.pk)
    done_ids = lessons_done & shown
    progress = Progress(
        done=sum(1 for lesson in lessons if lesson.pk in done_ids), total=len(lessons)
    )
    context = dict(parts)
    for part in COURSE_PARTS:
        context.update(
            part.context(course=course, enrolment=enrolment, items=parts[part.name])
        )
    context |= {
        "resume_lesson": next(
            (item for item in lessons if item.pk not in done_ids), None
        ),
        "course": course,
        "course_url": structure.url,
        "lessons": lessons,
        "enrolment": enrolment,
        "done_ids": done_ids,
        "progress": progress,
        "standing": standing,
        "lesson_minutes": sum(lesson.minutes for lesson in lessons),
    }
    if current is not None:
        index = next(
            (i for i, lesson in enumerate(lessons) if lesson.pk == current.pk), None
        )
        context.update(
            lesson_number=(index or 0) + 1,
            previous_lesson=lessons[index - 1] if index else None,
            next_lesson=lessons[index + 1]
            if index is not None and index + 1 < len(lessons)
            else None,
            current_done=current.pk in done_ids,
        )
    return context


def my_courses(*, user: User) -> list[tuple[Enrolment, Progress]]:
    """The learner's enrolments with their progress, in a fixed number of queries."""
    enrolments = list(
        Enrolment.objects.for_user(user)
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
