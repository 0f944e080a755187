"""The learning path's writes: enrolment, lesson progress and completion.

``complete_enrolment`` is the one place a completion is recorded; what follows
(JP, competency evidence, certificate) belongs to higher layers, which register
their steps in ``settings.SIGAP_COMPLETION_STEPS`` (``lms.steps``). The reads
(progress, the completion rule, outlines) are in ``selectors``.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.accounts.models import User
from lms.steps import run_steps

from .models import CoursePage, Enrolment, LessonPage, LessonProgress
from .permissions import LearningRefused, may_learn, may_open_course
from .selectors import completion_requirements_met


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

    Refused (``LearningRefused``) when ``may_learn`` refuses the lesson.
    """
    decision = may_learn(
        enrolment.user, enrolment.course, page=lesson, enrolment=enrolment
    )
    if not decision:
        raise LearningRefused(decision)
    _, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment, lesson=lesson
    )
    evaluate_completion(enrolment=enrolment)
    return created


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
