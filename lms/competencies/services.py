"""Writes and reads that span models: JP credit, competency evidence, the learner's
profile with gaps, the JP ledger, and claims for learning done elsewhere."""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.employee_numbers import EmployeeType
from lms.audit.services import record_event

from .growth import course_results, normalised_gain
from .models import (
    Competency,
    CompetencyEvidence,
    CourseCompetency,
    ExternalLearningClaim,
    JpEntry,
    PositionStandard,
)
from .tasks import send_claim_outcome

# --- On completion -------------------------------------------------------------


def credit_completion(*, enrolment) -> JpEntry | None:
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


def _as_decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(round(float(value), 2)))


@transaction.atomic
def record_evidence(*, enrolment) -> list[CompetencyEvidence]:
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


def refresh_growth(*, enrolment) -> int:
    """Recompute the scores on a completion's evidence from the quiz attempts (after
    a regrade, or for attempts recorded after the completion); the level
    demonstrated stays. Returns how many evidence rows changed."""
    evidence = list(
        CompetencyEvidence.objects.filter(enrolment=enrolment).select_related(
            "competency"
        )
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


# --- Gap analysis -------------------------------------------------------------


def competency_gap(*, required: int | None, assessed: int | None) -> int | None:
    """Required level minus assessed level (no evidence counts as level 0).

    None when the position sets no standard; zero or below means the standard is met.
    """
    if required is None:
        return None
    return required - (assessed or 0)


@dataclass
class CompetencyRow:
    """One line of a learner's profile: assessed level, standard, gap, and the
    courses that would raise the level."""

    competency: Competency
    assessed_level: int | None = None
    evidence: CompetencyEvidence | None = None
    required_level: int | None = None
    closing_courses: list = field(default_factory=list)

    @property
    def gap(self) -> int | None:
        return competency_gap(
            required=self.required_level, assessed=self.assessed_level
        )

    @property
    def has_gap(self) -> bool:
        return (self.gap or 0) > 0


def competency_profile(*, user) -> list[CompetencyRow]:
    """The learner's profile for the national competencies and any teknis one they
    have a standard or evidence for, in a fixed number of queries."""
    profile = getattr(user, "asn_profile", None)
    jabatan_id = profile.jabatan_id if profile else None
    # A jabatan's teknis standards belong to one instansi; other agencies' staff
    # with the same jabatan are not measured against them.
    own_competencies = Competency.objects.for_instansi(
        profile.instansi_id if profile else None
    )
    standards = {
        standard.competency_id: standard.required_level
        for standard in PositionStandard.objects.filter(
            jabatan_id=jabatan_id, competency__in=own_competencies
        )
    }
    evidence_by_competency: dict[int, CompetencyEvidence] = {}
    for item in (
        CompetencyEvidence.objects.for_user(user)
        .exclude(level_demonstrated=None)
        .select_related("course")
        .order_by("demonstrated_at")
    ):
        best = evidence_by_competency.get(item.competency_id)
        if best is None or item.level_demonstrated >= best.level_demonstrated:
            evidence_by_competency[item.competency_id] = item
    competencies = (
        Competency.objects.filter(pk__in=set(standards) | set(evidence_by_competency))
        | Competency.objects.national()
    )
    rows = [
        CompetencyRow(
            competency=competency,
            evidence=evidence_by_competency.get(competency.pk),
            assessed_level=(
                evidence_by_competency[competency.pk].level_demonstrated
                if competency.pk in evidence_by_competency
                else None
            ),
            required_level=standards.get(competency.pk),
        )
        for competency in competencies.distinct().order_by("sort_order", "code")
    ]
    _attach_closing_courses(user=user, rows=rows)
    return rows


def competency_summary(*, user) -> list[dict]:
    """The profile as plain rows (label, assessed, required, gap) for other apps'
    tables, e.g. the HR transcript."""
    return [
        {
            "label": f"{row.competency.code} {row.competency.name}",
            "assessed": row.assessed_level,
            "required": row.required_level,
            "gap": row.gap,
        }
        for row in competency_profile(user=user)
    ]


def _attach_closing_courses(*, user, rows: list[CompetencyRow]) -> None:
    """For each gap, the live courses (not yet completed) whose target level is
    above the assessed level, the ones that close the gap fully first."""
    gaps = {row.competency.pk: row for row in rows if row.has_gap}
    if not gaps:
        return
    completed = Enrolment.objects.for_user(user).completed().values("course_id")
    targets = (
        CourseCompetency.objects.filter(competency_id__in=gaps, course__live=True)
        .exclude(course_id__in=completed)
        .select_related("course")
        .order_by("-target_level", "course__title")
    )
    for target in targets:
        row = gaps[target.competency_id]
        if target.target_level > (row.assessed_level or 0):
            row.closing_courses.append(
                (target.course, target.target_level >= row.required_level)
            )


# --- Growth ------------------------------------------------------------------


@dataclass
class GrowthRow:
    """Pre-test and post-test percent on one competency in one completed course."""

    evidence: CompetencyEvidence

    @property
    def pre(self):
        return self.evidence.pre_percent

    @property
    def post(self):
        return self.evidence.post_percent

    @property
    def gain(self) -> float | None:
        return normalised_gain(self.pre, self.post)


def competency_growth(*, user) -> list[GrowthRow]:
    """Every evidence with its per-competency scores, oldest first (a timeline)."""
    return [
        GrowthRow(evidence=item)
        for item in CompetencyEvidence.objects.for_user(user)
        .select_related("competency", "course")
        .order_by("demonstrated_at", "competency__sort_order")
    ]


# --- JP ledger ---------------------------------------------------------------


@dataclass
class JpSummary:
    """A learner's JP for one calendar year against the PNS target or PPPK cap."""

    year: int
    total: int
    goal: int
    is_pppk: bool
    entries: list

    @property
    def counted(self) -> int:
        """PPPK development is capped per year; what goes above does not count."""
        return min(self.total, self.goal) if self.is_pppk else self.total

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.counted / self.goal)) if self.goal else 100

    @property
    def remaining(self) -> int:
        return max(0, self.goal - self.total)

    @property
    def minutes_per_jp(self) -> int:
        return settings.SIGAP_MINUTES_PER_JP

    @property
    def hours(self) -> float:
        return round(self.counted * settings.SIGAP_MINUTES_PER_JP / 60, 1)


def jp_summary(*, user, year: int | None = None) -> JpSummary:
    """The JP entries of ``year`` (this year in Asia/Jakarta by default)."""
    year = year or timezone.localdate().year
    profile = getattr(user, "asn_profile", None)
    is_pppk = bool(profile and profile.employee_type == EmployeeType.PPPK)
    entries = list(JpEntry.objects.for_year(user, year))
    return JpSummary(
        year=year,
        total=sum(entry.jp for entry in entries),
        goal=settings.SIGAP_PPPK_JP_CAP if is_pppk else settings.SIGAP_PNS_JP_TARGET,
        is_pppk=is_pppk,
        entries=entries,
    )


# --- Learning done elsewhere -------------------------------------------------


def submit_claim(*, user, data: dict, evidence) -> ExternalLearningClaim:
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
    *, claim: ExternalLearningClaim, reviewer, approve: bool, reason: str, request=None
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
