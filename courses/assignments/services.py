"""Writes of assignments: hand in, grade (by rubric or pass/revise, with
feedback), and forget a person's answers on erasure."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from courses.models import Enrolment, LessonPage
from courses.selectors import lesson_page_cache_name
from courses.services import evaluate_completion
from lms.audit.services import record_event
from lms.cache import forget_person
from lms.emails import absolute_url, send_email

from .forms import CONTENT_TYPES, extension_of
from .models import Grading, Submission
from .selectors import Assignment


class SubmissionClosed(Exception):
    """The learner's answer is waiting for grading or already passed: nothing
    to hand in now."""

    message = _("Jawaban Anda sedang dinilai atau sudah lulus; belum perlu dikirim.")


class GradingRefused(Exception):
    """Only the current round of an answer is graded."""

    message = _("Jawaban ini sudah diganti dengan kiriman baru; nilai yang terbaru.")


@transaction.atomic
def submit_assignment(
    *,
    user,
    enrolment: Enrolment,
    lesson: LessonPage,
    assignment: Assignment,
    text: str = "",
    upload=None,
) -> Submission:
    """Hand in an answer: the first round, or a new round after a revision was
    asked. The earlier rounds and their gradings stay as they were."""
    current = (
        Submission.objects.select_for_update()
        .filter(user=user, lesson=lesson, block_id=assignment.block_id, is_latest=True)
        .first()
    )
    since = enrolment.cycle_started_at
    earlier_cycle = (
        since is not None and current is not None and (current.submitted_at < since)
    )
    if (
        current is not None
        and current.status != Submission.Status.REVISION
        and not earlier_cycle
    ):
        raise SubmissionClosed
    if current is not None:
        current.is_latest = False
        current.save(update_fields=["is_latest"])
    submission = Submission(
        user=user,
        course_id=enrolment.course_id,
        lesson=lesson,
        block_id=assignment.block_id,
        title=assignment.title[:200],
        round=(current.round + 1) if current else 1,
        text=text if assignment.accepts_text else "",
    )
    if upload is not None and assignment.accepts_file:
        submission.file_name = upload.name[-255:]
        submission.file_size = upload.size
        submission.file.save(upload.name, upload, save=False)
    submission.save()
    record_event(
        actor=user,
        action="assignment.submitted",
        target=submission,
        round=submission.round,
    )
    return submission


def file_content_type(submission: Submission) -> str:
    return CONTENT_TYPES.get(
        extension_of(submission.file_name or submission.file.name or ""),
        "application/octet-stream",
    )


def rubric_snapshot(*, assignment: Assignment, levels: list[int]) -> list[dict]:
    """The rubric as it stood, with the level chosen for each criterion."""
    rows = []
    for criterion, level_index in zip(assignment.rubric, levels, strict=True):
        level = criterion.levels[level_index]
        rows.append(
            {
                "criterion": criterion.name,
                "level": level.label,
                "points": level.points,
                "max_points": criterion.max_points,
            }
        )
    return rows


@transaction.atomic
def grade_submission(
    *,
    submission: Submission,
    grader,
    assignment: Assignment,
    decision: str,
    feedback: str = "",
    levels: list[int] | None = None,
    request=None,
) -> Grading:
    """Grade the current round: a new ``Grading`` row (earlier ones stay). With a
    rubric, the points are the levels' sum, and a sum below the assignment's
    pass mark asks for a revision whatever was chosen. A pass may complete the
    course; the learner is told by e-mail."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not locked.is_latest:
        raise GradingRefused
    rubric: list[dict] = []
    points = max_points = None
    if assignment.uses_rubric:
        rubric = rubric_snapshot(assignment=assignment, levels=levels or [])
        points = sum(row["points"] for row in rubric)
        max_points = assignment.max_points
        if assignment.pass_points is not None and points < assignment.pass_points:
            decision = Grading.Decision.REVISION
    grading = Grading.objects.create(
        submission=locked,
        grader=grader,
        decision=decision,
        rubric=rubric,
        points=points,
        max_points=max_points,
        feedback=feedback.strip(),
    )
    locked.status = (
        Submission.Status.PASSED
        if decision == Grading.Decision.PASSED
        else Submission.Status.REVISION
    )
    locked.save(update_fields=["status"])
    submission.status = locked.status
    record_event(
        actor=grader,
        action="assignment.graded",
        target=locked,
        request=request,
        decision=decision,
        points=points,
    )
    if locked.status == Submission.Status.PASSED:
        enrolment = (
            Enrolment.objects.current()
            .filter(user_id=locked.user_id, course_id=locked.course_id)
            .first()
        )
        if enrolment is not None:
            evaluate_completion(enrolment=enrolment)
    transaction.on_commit(lambda: notify_learner(grading=grading))
    return grading


def notify_learner(*, grading: Grading) -> None:
    """E-mail the learner that their answer was graded, in their language."""
    submission = grading.submission
    learner = submission.user
    if not learner.email or learner.erased_at is not None:
        return
    send_email(
        kind="assignment_graded",
        to=learner,
        context={
            "submission": submission,
            "grading": grading,
            "revision": grading.decision == Grading.Decision.REVISION,
            "course_title": submission.course.title,
            "link": absolute_url(
                "assignments:detail",
                lesson_id=submission.lesson_id,
                block_id=submission.block_id,
            ),
        },
        link=absolute_url(
            "assignments:detail",
            lesson_id=submission.lesson_id,
            block_id=submission.block_id,
        ),
    )


def forget_submissions(*, person) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): the person's written answers and
    the feedback written to them go; files are removed by the erasure itself;
    the rounds, decisions and points stay as pseudonymous statistics."""
    rows = Submission.objects.filter(user=person)
    lessons = set(rows.values_list("lesson_id", flat=True))
    erased = rows.update(text="", file_name="")
    # Their answers kept with the lesson pages go from the cache at once.
    forget_person(
        [person.pk], drop=tuple(lesson_page_cache_name(lesson) for lesson in lessons)
    )
    Grading.objects.filter(submission__user=person).update(feedback="")
    return {"assignment_submissions_erased": erased}
