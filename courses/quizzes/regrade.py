"""Regrading: apply a corrected key to past attempts, dry run first, logged."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from courses.services import evaluate_completion
from lms.audit.services import record_event
from lms.cache import forget_person
from lms.steps import run_steps

from .models import Attempt, Question, QuizKind, QuizPage, Response
from .services import grade_responses
from .snapshot import current_key


@dataclass
class RegradeChange:
    """One attempt whose score or result a regrade changes."""

    attempt_id: int
    learner: str
    number: int
    old_percent: float
    new_percent: float
    old_passed: bool
    new_passed: bool

    @property
    def result_changed(self) -> bool:
        return self.old_passed != self.new_passed


@dataclass
class RegradeResult:
    checked: int
    changes: list[RegradeChange]
    applied: bool


def _regraded_snapshot(snapshot: list[dict], questions: dict[int, Question]) -> list:
    updated = []
    for item in snapshot:
        question = questions.get(item["qid"])
        updated.append({**item, **current_key(item, question)} if question else item)
    return updated


def regrade_quiz(*, quiz: QuizPage, actor, apply: bool, request=None) -> RegradeResult:
    """Regrade every closed attempt of ``quiz`` with its questions' current keys.

    With ``apply=False`` nothing is written: the result lists whose score and
    pass/fail would change. With ``apply=True`` the attempts are updated, the
    audit trail records who did it, and newly passed post-tests complete their
    enrolments through the one completion rule.
    """
    with transaction.atomic():
        attempts = list(
            Attempt.objects.closed()
            .filter(quiz=quiz)
            .select_related("user")
            .select_for_update(of=("self",))
            .order_by("pk")
            if apply
            else Attempt.objects.closed()
            .filter(quiz=quiz)
            .select_related("user")
            .order_by("pk")
        )
        question_ids = {item["qid"] for a in attempts for item in a.snapshot}
        questions = Question.objects.with_choices().in_bulk(question_ids)
        responses: dict[int, list[Response]] = {}
        for response in Response.objects.filter(attempt__in=[a.pk for a in attempts]):
            responses.setdefault(response.attempt_id, []).append(response)
        changes, touched_attempts, touched_responses = [], [], []
        for attempt in attempts:
            before = (attempt.percent, attempt.passed, attempt.max_score)
            snapshot = _regraded_snapshot(attempt.snapshot, questions)
            rows = responses.get(attempt.pk, [])
            old_scores = [r.score for r in rows]
            grade_responses(attempt, rows, snapshot)
            if snapshot != attempt.snapshot or old_scores != [r.score for r in rows]:
                attempt.snapshot = snapshot
                touched_attempts.append(attempt)
                touched_responses.extend(rows)
            if (attempt.percent, attempt.passed) != before[:2]:
                changes.append(
                    RegradeChange(
                        attempt_id=attempt.pk,
                        learner=attempt.user.display_name,
                        number=attempt.number,
                        old_percent=before[0],
                        new_percent=attempt.percent,
                        old_passed=bool(before[1]),
                        new_passed=bool(attempt.passed),
                    )
                )
        if not apply:
            return RegradeResult(checked=len(attempts), changes=changes, applied=False)
        now = timezone.now()
        for attempt in touched_attempts:
            attempt.regraded_at = now
        Attempt.objects.bulk_update(
            touched_attempts,
            ["snapshot", "score", "max_score", "percent", "passed", "regraded_at"],
            batch_size=500,
        )
        Response.objects.bulk_update(
            touched_responses, ["credit", "score", "attempt_percent"], batch_size=2000
        )
        # ``bulk_update`` sends no signals: the learners' cached standing goes here.
        forget_person({attempt.user_id for attempt in touched_attempts})
        record_event(
            actor=actor,
            action="quiz.regrade",
            target=quiz,
            request=request,
            checked=len(attempts),
            updated=len(touched_attempts),
            changes=[
                {
                    "attempt": c.attempt_id,
                    "from": c.old_percent,
                    "to": c.new_percent,
                    "passed_from": c.old_passed,
                    "passed_to": c.new_passed,
                }
                for c in changes
            ],
        )
        _follow_up(quiz, changes, attempts)
    return RegradeResult(checked=len(attempts), changes=changes, applied=True)


def _follow_up(quiz, changes, attempts) -> None:
    """What a changed score sets off, per learner whose attempt changed: a newly
    passed post-test may complete the course, then the steps higher layers
    registered run (``SIGAP_REGRADE_STEPS``: the competency evidence, which
    carries pre-test and post-test scores, is recomputed)."""
    if quiz.kind not in (QuizKind.PRETEST, QuizKind.POSTTEST):
        return

    users = {a.pk: a.user_id for a in attempts}
    changed = {users[c.attempt_id] for c in changes}
    newly_passed = {users[c.attempt_id] for c in changes if c.new_passed}
    for enrolment in (
        Enrolment.objects.current()
        .filter(course=quiz.get_course(), user_id__in=changed)
        .select_related("user", "course")
    ):
        if quiz.kind == QuizKind.POSTTEST and enrolment.user_id in newly_passed:
            evaluate_completion(enrolment=enrolment)
        run_steps("SIGAP_REGRADE_STEPS", enrolment=enrolment)
