"""Reads of competencies and JP: the learner's profile with gaps and the courses
that close them, growth from pre- to post-test, the JP ledger of a year. Plain
data and dataclasses out; the writes (JP credit, evidence, claims) are in
``services``."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.employee_numbers import EmployeeType
from lms.accounts.models import User

from .growth import normalised_gain
from .models import (
    Competency,
    CompetencyEvidence,
    CourseCompetency,
    EvidenceSource,
    JpEntry,
    PositionStandard,
)

# --- Gap analysis -------------------------------------------------------------


def competency_gap(*, required: int | None, assessed: int | None) -> int | None:
    """Required level minus assessed level (no evidence counts as level 0).

    None when the position sets no standard; zero or below means the standard is met.
    """
    if required is None:
        return None
    return required - (assessed or 0)


@dataclass(frozen=True)
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


def competency_profile(*, user: User) -> list[CompetencyRow]:
    """The learner's profile for the national competencies and any teknis one they
    have a standard or evidence for, in a fixed number of queries."""
    profile = getattr(user, "asn_profile", None)
    jabatan_id = profile.jabatan_id if profile else None
    # A jabatan's teknis standards belong to one instansi; other agencies' staff
    # with the same jabatan are not measured against them.
    own_competencies = Competency.objects.for_instansi(
        profile.instansi_id if profile else None
    )
    # Without a jabatan the lookup is ``IS NULL``, which no standard matches.
    standards = {
        standard.competency_id: standard.required_level
        for standard in PositionStandard.objects.filter(
            jabatan_id=jabatan_id,  # type: ignore[misc]
            competency__in=own_competencies,
        )
    }
    evidence_by_competency: dict[int, CompetencyEvidence] = {}
    # The highest level demonstrated; at the same level the heavier evidence (a
    # post-test over a supervisor's observation), then the latest.
    for item in (
        CompetencyEvidence.objects.for_user(user)
        .exclude(level_demonstrated=None)
        .select_related("course")
        .order_by("demonstrated_at")
    ):
        best = evidence_by_competency.get(item.competency_id)
        if best is None or (item.level_demonstrated, item.weight) >= (
            best.level_demonstrated,
            best.weight,
        ):
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


def competency_summary(*, user: User) -> list[dict]:
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


def _attach_closing_courses(*, user: User, rows: list[CompetencyRow]) -> None:
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


@dataclass(frozen=True)
class GrowthRow:
    """Pre-test and post-test percent on one competency in one completed course."""

    evidence: CompetencyEvidence

    @property
    def pre(self) -> Decimal | None:
        return self.evidence.pre_percent

    @property
    def post(self) -> Decimal | None:
        return self.evidence.post_percent

    @property
    def gain(self) -> float | None:
        return normalised_gain(self.pre, self.post)


def competency_growth(*, user: User) -> list[GrowthRow]:
    """Every completion's evidence with its per-competency scores, oldest first (a
    timeline; a supervisor's observation has no test scores)."""
    return [
        GrowthRow(evidence=item)
        for item in CompetencyEvidence.objects.for_user(user)
        .filter(source=EvidenceSource.COURSE)
        .select_related("competency", "course")
        .order_by("demonstrated_at", "competency__sort_order")
    ]


# --- JP ledger ---------------------------------------------------------------


@dataclass(frozen=True)
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


def jp_summary(*, user: User, year: int | None = None) -> JpSummary:
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
