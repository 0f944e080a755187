"""Writes that span models: JP credit, competency evidence and its growth scores,
and claims for learning done elsewhere. The reads (the learner's profile with
gaps, growth, the JP ledger) are in ``selectors``."""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.models import User
from lms.audit.services import record_event

from .growth import course_results
from .models import (
    Competency,
    CompetencyEvidence,
    CourseCompetency,
    EvidenceSource,
    ExternalLearningClaim,
    JpEntry,
)
from .tasks import send_claim_outcome

# --- On completion -------------------------------------------------------------


def credit_completion(*, enrolment: Enrolment) -> JpEntry | None:
    """Credit the course's JP to the calendar year (Asia/Jakarta) of completion.

    Once per completion: a second call returns the existing entry.
    """
    course = enrolment.course
    if not enrolment.completed_at or not course.jp:
        return None
    local = timezone.localtime(enrolment.completed_at)
    entry, _ = JpEntry.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "user_id": enrolment.user_id,
            "year": local.year,
            "jp": course.jp,
            "earned_on": local.date(),
            "title": course.title,
            "jenis_diklat": course.jenis_diklat,
            "source": JpEntry.Source.COURSE,
        },
    )
    return entry


def _as_decimal(value: float | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(float(value), 2)))


@transaction.atomic
def record_evidence(*, enrolment: Enrolment) -> list[CompetencyEvidence]:
    """Record, once per completion, evidence for each competency the course builds.

    A completion means the post-test was passed (or the course has none), so it
    demonstrates the course's target level for each mapped competency.
    """
    targets = list(
        CourseCompetency.objects.filter(course_id=enrolment.course_id).select_related(
            "competency"
        )
    )
    if not targets or not enrolment.completed_at:
        return []
    scores, overall = course_results(user=enrolment.user, course=enrolment.course)
    recorded = []
    for target in targets:
        pre, post = scores.get(target.competency.code, (None, None))
        evidence, _ = CompetencyEvidence.objects.get_or_create(
            enrolment=enrolment,
            competency=target.competency,
            source=EvidenceSource.COURSE,
            defaults={
                "user_id": enrolment.user_id,
                "course_id": enrolment.course_id,
                "demonstrated_at": enrolment.completed_at,
                "target_level": target.target_level,
                "level_demonstrated": target.target_level,
                "post_test_score": _as_decimal(overall),
                "pre_percent": _as_decimal(pre),
                "post_percent": _as_decimal(post),
            },
        )
        recorded.append(evidence)
    return recorded


def refresh_growth(*, enrolment: Enrolment) -> int:
    """Recompute the scores on a completion's evidence from the quiz attempts (after
    a regrade, or for attempts recorded after the completion); the level
    demonstrated stays. Returns how many evidence rows changed."""
    evidence = list(
        CompetencyEvidence.objects.filter(
            enrolment=enrolment, source=EvidenceSource.COURSE
        ).select_related("competency")
    )
    if not evidence:
        return 0
    scores, overall = course_results(user=enrolment.user, course=enrolment.course)
    changed = 0
    for item in evidence:
        pre, post = scores.get(item.competency.code, (None, None))
        values = (_as_decimal(pre), _as_decimal(post), _as_decimal(overall))
        if values != (item.pre_percent, item.post_percent, item.post_test_score):
            item.pre_percent, item.post_percent, item.post_test_score = values
            item.save(update_fields=["pre_percent", "post_percent", "post_test_score"])
            changed += 1
    return changed


# The lowest supervisor rating (1–5) that counts as the course's target level
# being applied at work: 4, "menerapkan secara konsisten".
APPLIED_AT_WORK = 4


def record_supervisor_evidence(
    *,
    enrolment: Enrolment,
    competency: Competency,
    rating: int,
    observed_at,
) -> CompetencyEvidence:
    """Record, once per completion and competency, what the learner's direct
    supervisor observed at work some weeks after the course (evaluation level 3).

    It weighs ``SIGAP_SUPERVISOR_EVIDENCE_WEIGHT`` (below a passed post-test's 1):
    a rating of ``APPLIED_AT_WORK`` or more shows the course's target level, a
    lower one is kept as an observation that demonstrates no level.
    """
    target = CourseCompetency.objects.filter(
        course_id=enrolment.course_id, competency=competency
    ).first()
    target_level = target.target_level if target else 0
    evidence, _ = CompetencyEvidence.objects.get_or_create(
        enrolment=enrolment,
        competency=competency,
        source=EvidenceSource.SUPERVISOR,
        defaults={
            "user_id": enrolment.user_id,
            "course_id": enrolment.course_id,
            "demonstrated_at": observed_at,
            "target_level": target_level,
            "level_demonstrated": (
                target_level if target and rating >= APPLIED_AT_WORK else None
            ),
            "weight": Decimal(str(settings.SIGAP_SUPERVISOR_EVIDENCE_WEIGHT)),
            "supervisor_rating": rating,
        },
    )
    return evidence


# --- Learning done elsewhere -------------------------------------------------


def submit_claim(
    *, user: User, data: dict, evidence: UploadedFile
) -> ExternalLearningClaim:
    """File a learner's claim; it waits for HR in their scope."""
    digest = hashlib.sha256()
    for chunk in evidence.chunks():
        digest.update(chunk)
    evidence.seek(0)
    # The content was checked to be a PDF; the learner's file name is not kept
    # (the storage name is random: claim_evidence_path).
    evidence.name = "bukti.pdf"
    return ExternalLearningClaim.objects.create(
        user=user, evidence=evidence, evidence_sha256=digest.hexdigest(), **data
    )


class ClaimAlreadyDecided(Exception):
    """The claim was approved or rejected already (e.g. by another HR officer)."""


@transaction.atomic
def decide_claim(
    *,
    claim: ExternalLearningClaim,
    reviewer: User,
    approve: bool,
    reason: str,
    request: HttpRequest | None = None,
) -> ExternalLearningClaim:
    """Approve (credit the JP to the activity's year) or reject a pending claim,
    record who did it, and tell the learner by email."""
    locked = ExternalLearningClaim.objects.select_for_update().get(pk=claim.pk)
    if not locked.is_pending:
        raise ClaimAlreadyDecided
    locked.status = (
        ExternalLearningClaim.Status.APPROVED
        if approve
        else ExternalLearningClaim.Status.REJECTED
    )
    locked.reviewed_by = reviewer
    locked.reviewed_at = timezone.now()
    locked.review_reason = reason
    locked.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_reason"])
    if approve:
        JpEntry.objects.create(
            user_id=locked.user_id,
            year=locked.end_date.year,
            jp=locked.jp,
            earned_on=locked.end_date,
            title=locked.title,
            jenis_diklat=locked.jenis_diklat,
            source=JpEntry.Source.CLAIM,
            claim=locked,
        )
    record_event(
        actor=reviewer,
        action="jp_claim.approve" if approve else "jp_claim.reject",
        target=locked,
        request=request,
        reason=reason,
    )
    transaction.on_commit(lambda: send_claim_outcome.enqueue(claim_id=locked.pk))
    return locked
