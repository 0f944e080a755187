"""Writes of the course evaluation: sending it, and the steps other layers run
(a person's erasure, a course copied as a new run)."""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from courses.services import evaluate_completion
from lms.accounts.models import User

from .models import (
    CourseRun,
    EvaluationAnswer,
    EvaluationReceipt,
    EvaluationResponse,
)
from .permissions import ALREADY_SENT, evaluation_refusal
from .selectors import evaluation_form


class EvaluationRefused(Exception):
    """The learner may not send this evaluation (``reason``: a rule's reason)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class EvaluationIncomplete(ValueError):
    """A scale question was left without a score 1–5 (the form says so first)."""


def _score(value) -> int:
    try:
        score = int(value)
    except (TypeError, ValueError):
        raise EvaluationIncomplete from None
    if not 1 <= score <= 5:
        raise EvaluationIncomplete
    return score


@transaction.atomic
def submit_evaluation(*, enrolment: Enrolment, answers: Mapping[str, object]) -> bool:
    """Record the learner's evaluation of their course, once, then ask the
    completion rule again (the certificate waits for this when the course
    requires it). Returns whether the enrolment is now complete.

    The questions are the course's form now (``selectors.evaluation_form``);
    ``answers`` maps each question's field name to a score 1–5 or a comment, and
    nothing else in it is read. Two writes that do not know each other: the
    person's receipt (the date) and the anonymous response (the month, a random
    id, no person). Refused (``EvaluationRefused``) when ``evaluation_refusal``
    refuses, also for a second evaluation sent at the same moment.
    """
    locked = (
        Enrolment.objects.select_for_update()
        .select_related("user", "course")
        .get(pk=enrolment.pk)
    )
    course = locked.course
    reason = evaluation_refusal(locked.user, course, enrolment=locked)
    if reason:
        raise EvaluationRefused(reason)
    rows = []
    for item in evaluation_form(course=course):
        value = answers.get(item.name)
        if item.is_scale:
            score: int | None = _score(value)
            comment = ""
        else:
            score, comment = None, str(value or "").strip()
        rows.append(
            EvaluationAnswer(
                position=item.position,
                section=item.section,
                kind=item.kind,
                question_key=item.key,
                question_text=item.text,
                trainer_id=item.trainer_id,
                trainer_name=item.trainer_name,
                score=score,
                comment=comment,
            )
        )
    today = timezone.localdate()
    try:
        with transaction.atomic():
            EvaluationReceipt.objects.create(
                user=locked.user, course=course, sent_on=today, cycle=locked.cycle
            )
    except IntegrityError:
        raise EvaluationRefused(ALREADY_SENT) from None
    response = EvaluationResponse.objects.create(
        course=course, period=today.replace(day=1)
    )
    for row in rows:
        row.response = response
    EvaluationAnswer.objects.bulk_create(rows)
    return evaluate_completion(enrolment=locked)


def forget_evaluation_receipts(*, person: User) -> dict:
    """An erasure step (``SIGAP_ERASURE_STEPS``): remove the person's receipts.
    Their answers stay: they were never linked to the person."""
    removed, _detail = EvaluationReceipt.objects.filter(user=person).delete()
    return {"evaluation_receipts_removed": removed}


def note_course_run(*, original: CoursePage, copy: CoursePage, user: User) -> None:
    """A course copy step (``SIGAP_COURSE_COPY_STEPS``): the copy is a new run of
    the original's line, so that their evaluations form one trend. (The course's
    own questions come with the page, as a child relation.)"""
    run = CourseRun.objects.filter(course=original).first()
    first_run_id = run.first_run_id if run is not None else original.pk
    CourseRun.objects.update_or_create(
        course=copy, defaults={"first_run_id": first_run_id}
    )
