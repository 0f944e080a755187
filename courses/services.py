"""The learning path's writes: enrolment, lesson progress and completion.

``complete_enrolment`` is the one place a completion is recorded; what follows
(JP, competency evidence, certificate) belongs to higher layers, which register
their steps in ``settings.SIGAP_COMPLETION_STEPS`` (``lms.steps``). The reads
(progress, the completion rule, outlines) are in ``selectors``.
"""

import datetime
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import BaseViewRestriction

from lms.accounts.models import User
from lms.cache import replace_for_person
from lms.steps import run_steps

from .learning_time import check_time_before_done, estimated_minutes
from .models import CoursePage, Enrolment, LessonPage, LessonProgress, LessonVisit
from .permissions import (
    LearningRefused,
    may_learn,
    may_open_course,
    view_restrictions,
)
from .published import bump_published_version
from .selectors import (
    LearnerStanding,
    completion_requirements_met,
    standing_cache_name,
)


def enrol(
    *,
    user: User,
    course: CoursePage,
    source: str = Enrolment.Source.SELF,
    deadline: datetime.date | None = None,
) -> tuple[Enrolment, bool]:
    """Enrol ``user`` in ``course`` once; return the enrolment and whether it is new.

    Refused (``LearningRefused``) when the course page would refuse ``user``.
    """
    existing = Enrolment.objects.current().filter(user=user, course=course).first()
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
        return Enrolment.objects.current().get(user=user, course=course), False
    return enrolment, True


@transaction.atomic
def start_new_cycle(
    *, enrolment: Enrolment, deadline: datetime.date | None = None
) -> tuple[Enrolment, bool]:
    """Start a renewal cycle of a completed enrolment: a new, current enrolment
    (``cycle`` + 1, not done, due on ``deadline``) while the completed one stays,
    untouched, as the record of that cycle. Return the current enrolment and
    whether it is new: an enrolment that is not the current one, or not completed
    (a renewal already under way), starts nothing, so calling twice is harmless.
    """
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not locked.is_current or not locked.is_completed:
        current = (
            Enrolment.objects.current()
            .filter(user_id=locked.user_id, course_id=locked.course_id)
            .first()
        )
        return current or locked, False
    locked.is_current = False
    # save() (not update()) so the learner's cached standing is dropped.
    locked.save(update_fields=["is_current"])
    fresh = Enrolment.objects.create(
        user_id=locked.user_id,
        course_id=locked.course_id,
        cycle=locked.cycle + 1,
        source=Enrolment.Source.RENEWAL,
        deadline=deadline,
    )
    return fresh, True


def renew_many(
    *, user_ids: list[int], course: CoursePage, deadline: datetime.date | None = None
) -> list[int]:
    """Have these people take the course again: those whose current enrolment is
    completed start a new cycle, those with none are enrolled (``enrol_many``),
    those still in the course keep their cycle. Return who started a new cycle
    or was enrolled. Idempotent: a second call finds every cycle under way."""
    if not user_ids or not course.live:
        return []
    completed = list(
        Enrolment.objects.current()
        .completed()
        .filter(course=course, user_id__in=user_ids)
    )
    started = []
    for enrolment in completed:
        _fresh, created = start_new_cycle(enrolment=enrolment, deadline=deadline)
        if created:
            started.append(enrolment.user_id)
    done = {enrolment.user_id for enrolment in completed}
    rest = [pk for pk in user_ids if pk not in done]
    return started + enrol_many(user_ids=rest, course=course, deadline=deadline)


def enrol_many(
    *,
    user_ids: list[int],
    course: CoursePage,
    source: str = Enrolment.Source.BULK,
    deadline: datetime.date | None = None,
) -> list[int]:
    """Enrol many people in one course with a few queries; return who is new.

    The same rule as ``enrol``: a course restricted to groups asks ``enrol`` for
    each person (the answer depends on who); otherwise the course page's rule is
    the same for every signed-in person and is asked once.
    """
    if not user_ids:
        return []
    restrictions = view_restrictions(course)
    if any(r.restriction_type == BaseViewRestriction.GROUPS for r in restrictions):
        new = []
        for user in User.objects.filter(pk__in=user_ids):
            try:
                _enrolment, created = enrol(
                    user=user, course=course, source=source, deadline=deadline
                )
            except LearningRefused:
                continue
            if created:
                new.append(user.pk)
        return new
    if not course.live:
        return []
    new = []
    for start in range(0, len(user_ids), ENROL_CHUNK):
        chunk = user_ids[start : start + ENROL_CHUNK]
        existing = set(
            Enrolment.objects.current()
            .filter(course=course, user_id__in=chunk)
            .values_list("user_id", flat=True)
        )
        fresh = [pk for pk in chunk if pk not in existing]
        Enrolment.objects.bulk_create(
            [
                Enrolment(user_id=pk, course=course, source=source, deadline=deadline)
                for pk in fresh
            ],
            ignore_conflicts=True,
        )
        new += fresh
    return new


# People per query in ``enrol_many`` (SQLite allows 32,766 parameters).
ENROL_CHUNK = 5000


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
    if created:
        run_steps("SIGAP_LESSON_DONE_STEPS", enrolment=enrolment, lesson=lesson)
    evaluate_completion(enrolment=enrolment)
    return created


# A reopening within this many seconds of the last one recorded is not written
# again: a lesson page costs no query once its learner's standing is cached.
OPEN_NOTE_SECONDS = 300


def note_lesson_opened(
    *, enrolment: Enrolment, lesson: LessonPage, standing: LearnerStanding
) -> None:
    """Record that the learner opened the lesson now: its first opening once, its
    last opening again when the last one recorded (``standing.opened``) is older
    than ``OPEN_NOTE_SECONDS``. One query when it writes (and what the steps of
    ``SIGAP_LESSON_OPENED_STEPS`` do then: an xAPI statement), none otherwise; the
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
    run_steps("SIGAP_LESSON_OPENED_STEPS", enrolment=enrolment, lesson=lesson)
    opened = dict(standing.opened)
    opened[lesson.pk] = (known[0] if known else now, now)
    replace_for_person(
        enrolment.user_id,
        standing_cache_name(course_id=enrolment.course_id),
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
        .filter(
            enrolment__user=user,
            enrolment__is_current=True,
            lesson_id=lesson_id,
            lesson__live=True,
        )
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
class RecomputedTimes:
    """What ``recompute_lesson_times`` found: lessons checked and changed."""

    checked: int
    changed: int


@transaction.atomic
def recompute_lesson_times(*, dry_run: bool = False) -> RecomputedTimes:
    """Compute every lesson's estimated minutes again from its content as stored
    on the page (after a change of ``SIGAP_READING_WPM``, or for lessons saved
    before estimates existed) and store those that differ. Running it twice
    changes nothing the second time. The rows are updated without signals, so
    the published version is replaced here, once, when anything changed; a
    draft's revision gets its estimate when it is next saved."""
    checked = 0
    changed: dict[int, list[int]] = {}
    for lesson in LessonPage.objects.only(
        "pk", "intro", "body", "estimated_minutes"
    ).iterator(chunk_size=200):
        checked += 1
        minutes = estimated_minutes(intro=lesson.intro, body=lesson.body)
        if minutes != lesson.estimated_minutes:
            changed.setdefault(minutes, []).append(lesson.pk)
    if dry_run or not changed:
        return RecomputedTimes(checked=checked, changed=sum(map(len, changed.values())))
    for minutes, pks in changed.items():
        LessonPage.objects.filter(pk__in=pks).update(estimated_minutes=minutes)
    bump_published_version()
    return RecomputedTimes(checked=checked, changed=sum(map(len, changed.values())))
