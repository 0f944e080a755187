"""Programme reads: progress of one assignment, the compliance report, previews."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from courses.models import Enrolment, LessonProgress
from lms.accounts.models import AsnProfile, OrgUnit
from lms.accounts.scope import filter_in_hr_scope, profiles_in_scope
from lms.hr.models import HrJob

from .models import AssignmentRule, ProgrammeAssignment

EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


class State:
    """Where an assignment stands, as HR's compliance report counts it."""

    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    OVERDUE = "overdue"

    ALL = (ASSIGNED, IN_PROGRESS, COMPLETE, OVERDUE)


def programme_courses_done(
    *, assignment: ProgrammeAssignment
) -> dict[int, datetime.datetime]:
    """{course id: completed at} of the programme's courses the person completed.

    A renewal counts only completions since it was assigned: the earlier ones are
    what the expiring certificate already certified.
    """
    enrolments = Enrolment.objects.completed().filter(
        user_id=assignment.user_id,
        course__programme_items__programme_id=assignment.programme_id,
    )
    if assignment.renewal_of_id is not None:
        enrolments = enrolments.filter(completed_at__gte=assignment.assigned_at)
    return dict(enrolments.values_list("course_id", "completed_at"))


def with_state(
    assignments: QuerySet[ProgrammeAssignment], *, today: datetime.date | None = None
) -> QuerySet[ProgrammeAssignment]:
    """Annotate ``state`` (one of ``State``) in the database, for counting."""
    today = today or timezone.localdate()
    # A renewal counts only what was done since it was assigned.
    since = Case(
        When(renewal_of__isnull=True, then=Value(EPOCH)),
        default=F("assigned_at"),
    )
    started = Exists(
        LessonProgress.objects.filter(
            enrolment__user=OuterRef("user"),
            enrolment__course__programme_items__programme=OuterRef("programme"),
            completed_at__gte=OuterRef("progress_since"),
        )
    ) | Exists(
        Enrolment.objects.completed().filter(
            user=OuterRef("user"),
            course__programme_items__programme=OuterRef("programme"),
            completed_at__gte=OuterRef("progress_since"),
        )
    )
    return assignments.annotate(progress_since=since).annotate(
        state=Case(
            When(completed_at__isnull=False, then=Value(State.COMPLETE)),
            When(due_on__lt=today, then=Value(State.OVERDUE)),
            When(started, then=Value(State.IN_PROGRESS)),
            default=Value(State.ASSIGNED),
        )
    )


def current_assignments(programme) -> QuerySet[ProgrammeAssignment]:
    """Each person's newest cycle of the programme (a renewal replaces the first)."""
    newer = ProgrammeAssignment.objects.filter(
        programme=OuterRef("programme"),
        user=OuterRef("user"),
        cycle__gt=OuterRef("cycle"),
    )
    return ProgrammeAssignment.objects.filter(programme=programme).exclude(
        Exists(newer)
    )


@dataclass(frozen=True)
class UnitRow:
    """One unit's line of the compliance report."""

    unit_id: int | None
    unit_name: str
    assigned: int
    in_progress: int
    complete: int
    overdue: int

    @property
    def total(self) -> int:
        return self.assigned + self.in_progress + self.complete + self.overdue

    @property
    def complete_percent(self) -> int:
        return round(100 * self.complete / self.total) if self.total else 0


def compliance_by_unit(*, programme, user, today=None) -> list[UnitRow]:
    """Per unit kerja (the person's current unit), how many of the people in the
    viewer's HR scope are in each state: one grouped query."""
    rows = (
        with_state(
            filter_in_hr_scope(current_assignments(programme), user, via="user"),
            today=today,
        )
        .values(unit_id=F("user__asn_profile__unit"))
        .annotate(
            unit_name=F("user__asn_profile__unit__name"),
            assigned=Count("pk", filter=Q(state=State.ASSIGNED)),
            in_progress=Count("pk", filter=Q(state=State.IN_PROGRESS)),
            complete=Count("pk", filter=Q(state=State.COMPLETE)),
            overdue=Count("pk", filter=Q(state=State.OVERDUE)),
        )
        .order_by("unit_name")
    )
    return [
        UnitRow(
            unit_id=row["unit_id"],
            unit_name=row["unit_name"] or "—",
            assigned=row["assigned"],
            in_progress=row["in_progress"],
            complete=row["complete"],
            overdue=row["overdue"],
        )
        for row in rows
    ]


def people_in_report(
    *, programme, user, unit: OrgUnit | None = None, state: str = "", today=None
) -> QuerySet[ProgrammeAssignment]:
    """The drill-down: assignments in the viewer's scope, of one unit and/or state."""
    assignments = with_state(
        filter_in_hr_scope(current_assignments(programme), user, via="user"),
        today=today,
    ).select_related("user__asn_profile__unit", "certificate")
    if unit is not None:
        assignments = assignments.filter(user__asn_profile__unit=unit)
    if state in State.ALL:
        # (an annotation the type checker cannot see)
        assignments = assignments.filter(**{"state": state})
    return assignments.order_by("user__asn_profile__full_name", "pk")


@dataclass(frozen=True)
class RulePreview:
    """Who a rule would assign, before it is saved."""

    matching: int
    already_assigned: int
    new: int
    outside_scope: int
    sample: list[AsnProfile]


def preview_rule(*, rule: AssignmentRule, programme, officer) -> RulePreview:
    """Count who the (unsaved) rule matches, who already has the programme and
    who would be new; a sample of names from the officer's scope."""
    matching = AsnProfile.objects.filter(rule.profile_q(), user__is_active=True)
    assigned = ProgrammeAssignment.objects.filter(
        programme=programme, user=OuterRef("user_id")
    )
    total = matching.count()
    already = matching.filter(Exists(assigned)).count() if programme.pk else 0
    in_scope = matching.filter(pk__in=profiles_in_scope(officer).values("pk"))
    sample = list(
        in_scope.exclude(Exists(assigned))
        .select_related("unit", "jabatan")
        .order_by("full_name")[:20]
        if programme.pk
        else in_scope.select_related("unit", "jabatan").order_by("full_name")[:20]
    )
    return RulePreview(
        matching=total,
        already_assigned=already,
        new=total - already,
        outside_scope=total - in_scope.count(),
        sample=sample,
    )


@dataclass(frozen=True)
class MyProgramme:
    """A learner's view of one assignment: its courses and what is done."""

    assignment: ProgrammeAssignment
    courses: list[tuple[Any, bool, bool]]  # (course, required, done)
    done: int
    total: int


def my_programmes(*, user) -> list[MyProgramme]:
    """The person's current assignments with per-course progress."""
    assignments = (
        ProgrammeAssignment.objects.filter(user=user)
        .exclude(
            Exists(
                ProgrammeAssignment.objects.filter(
                    programme=OuterRef("programme"),
                    user=user,
                    cycle__gt=OuterRef("cycle"),
                )
            )
        )
        .select_related("programme", "certificate")
        .prefetch_related("programme__items__course")
    )
    result = []
    for assignment in assignments:
        done = programme_courses_done(assignment=assignment)
        courses = [
            (item.course, item.required, item.course_id in done)
            for item in assignment.programme.items.all()
        ]
        result.append(
            MyProgramme(
                assignment=assignment,
                courses=courses,
                done=sum(1 for _c, _r, d in courses if d),
                total=len(courses),
            )
        )
    return result


def rule_evaluations(*, programme, user, limit: int = 5) -> list[HrJob]:
    """The rule evaluations ``user`` started that concern ``programme`` (its own
    rules saved, or every programme's after a staff import), newest first: the
    programme page links to their progress (HR's job page, the starter's own)."""
    recent = HrJob.objects.filter(
        kind=HrJob.Kind.EVALUATE_RULES, created_by=user
    ).order_by("-created_at", "-pk")[:50]
    return [
        job for job in recent if job.params.get("programme_id") in (None, programme.pk)
    ][:limit]
