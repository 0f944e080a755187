"""Programme writes: assigning by rule and by hand, completing, recertifying.

Rule evaluation is set-based: one query per rule finds the people it wants and
have no assignment of the programme yet, one bulk insert records them, and the
courses are enrolled with ``courses.services.enrol_many`` (a few queries per
course), so that 100,000 people and 50 rules stay a matter of seconds. It is
idempotent: the "no assignment yet" filter and the unique (programme, person,
cycle) constraint mean running it twice assigns nobody twice. People who no
longer match keep their assignment (their record of what was asked of them).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import PathCourse, issue_path_certificate
from courses.models import Enrolment
from courses.services import enrol_many, renew_many
from lms.accounts.models import AsnProfile, User
from lms.accounts.scope import profiles_in_scope
from lms.audit.services import record_event

from .models import AssignmentRule, Programme, ProgrammeAssignment, ProgrammeItem
from .selectors import programme_courses_done

# Rows per INSERT when assigning (SQLite allows 32,766 parameters).
ASSIGN_BATCH = 2000


@dataclass
class EvaluationRun:
    """What one evaluation did: new assignments per programme id, and how many
    rules it looked at."""

    assigned: dict[int, int] = field(default_factory=dict)
    rules: int = 0

    @property
    def total(self) -> int:
        return sum(self.assigned.values())


def matching_profiles(*, rule: AssignmentRule) -> QuerySet[AsnProfile]:
    """Everyone the rule wants (active accounts), whether assigned yet or not."""
    return AsnProfile.objects.filter(rule.profile_q(), user__is_active=True)


def _unassigned(profiles: QuerySet, programme_id: int) -> QuerySet:
    return profiles.exclude(
        Exists(
            ProgrammeAssignment.objects.filter(
                programme_id=programme_id, user_id=OuterRef("user_id")
            )
        )
    )


def evaluate_rules(
    *,
    programmes: QuerySet[Programme] | None = None,
    user_ids: list[int] | None = None,
    now: datetime.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvaluationRun:
    """Assign every active rule's people who have no assignment of its programme.

    ``user_ids`` narrows the run to people who changed (an import, a profile
    edit); without it every person is looked at (the periodic run). One
    programme at a time, each committed on its own; ``progress(done, total)``
    hears after each programme how many of the rules are done.
    """
    now = now or timezone.now()
    rules = AssignmentRule.objects.filter(
        is_active=True, programme__is_active=True
    ).select_related("unit", "programme")
    if programmes is not None:
        rules = rules.filter(programme__in=programmes)
    by_programme: dict[int, list[AssignmentRule]] = defaultdict(list)
    for rule in rules:
        by_programme[rule.programme_id].append(rule)
    run = EvaluationRun(rules=sum(len(group) for group in by_programme.values()))
    done = 0
    if progress is not None:
        progress(done, run.rules)
    for programme_id, programme_rules in by_programme.items():
        wanted: dict[int, AssignmentRule] = {}
        for rule in programme_rules:
            profiles = _unassigned(matching_profiles(rule=rule), programme_id)
            if user_ids is not None:
                profiles = profiles.filter(user_id__in=user_ids)
            for user_id in profiles.values_list("user_id", flat=True).iterator(
                chunk_size=5000
            ):
                wanted.setdefault(user_id, rule)
        if wanted:
            run.assigned[programme_id] = _assign(
                programme=programme_rules[0].programme,
                people=wanted,
                source=ProgrammeAssignment.Source.RULE,
                now=now,
            )
        done += len(programme_rules)
        if progress is not None:
            progress(done, run.rules)
    return run


@transaction.atomic
def _assign(
    *,
    programme: Programme,
    people: Mapping[int, AssignmentRule | None],
    source: str,
    now: datetime.datetime,
    cycle: int = 1,
    renewal_of: dict[int, ProgrammeAssignment] | None = None,
) -> int:
    """Record the assignments (skipping any that exist) and enrol the courses."""
    due_on = (
        timezone.localdate(now) + datetime.timedelta(days=programme.due_days)
        if programme.due_days
        else None
    )
    # ``people`` were chosen as having no assignment of this cycle; a concurrent
    # run that got there first is a conflict the unique constraint ignores.
    ProgrammeAssignment.objects.bulk_create(
        [
            ProgrammeAssignment(
                programme=programme,
                user_id=user_id,
                cycle=cycle,
                source=source,
                rule=rule,
                renewal_of=(renewal_of or {}).get(user_id),
                assigned_at=now,
                due_on=due_on,
            )
            for user_id, rule in people.items()
        ],
        batch_size=ASSIGN_BATCH,
        ignore_conflicts=True,
    )
    new = list(people)
    _enrol_courses(
        programme=programme, user_ids=new, due_on=due_on, renewal=bool(renewal_of)
    )
    return len(new)


def _enrol_courses(
    *,
    programme: Programme,
    user_ids: list[int],
    due_on: datetime.date | None,
    renewal: bool = False,
) -> None:
    """Enrol in every course, or only the first one of an ordered programme (the
    next opens when the one before is complete: ``note_course_completed``). A
    renewal gives a course already completed again: a new enrolment cycle."""
    items = list(programme.items.select_related("course"))
    if programme.ordered:
        items = items[:1]
    give = renew_many if renewal else enrol_many
    for item in items:
        give(user_ids=user_ids, course=item.course.specific, deadline=due_on)


@transaction.atomic
def assign_by_hand(
    *, programme: Programme, officer: User, nips: list[str], request=None
) -> tuple[int, list[str]]:
    """Assign people in the officer's scope by NIP; return (new, not found)."""
    wanted = {nip.strip() for nip in nips if nip.strip()}
    found = dict(
        profiles_in_scope(officer).filter(nip__in=wanted).values_list("nip", "user_id")
    )
    people = dict.fromkeys(
        _unassigned(
            AsnProfile.objects.filter(user_id__in=found.values()), programme.pk
        ).values_list("user_id", flat=True)
    )
    count = _assign(
        programme=programme,
        people=people,
        source=ProgrammeAssignment.Source.HAND,
        now=timezone.now(),
    )
    record_event(
        actor=officer,
        action="programme.assign",
        target=programme,
        request=request,
        assigned=count,
    )
    return count, sorted(wanted - set(found))


@transaction.atomic
def add_rule(
    *, programme: Programme, rule: AssignmentRule, by: User, request=None
) -> AssignmentRule:
    """Save a rule (its people are assigned by a background evaluation:
    ``lms.programmes.evaluation.add_rule_and_evaluate``)."""
    rule.programme = programme
    rule.created_by = by
    rule.save()
    record_event(
        actor=by,
        action="programme.rule_add",
        target=programme,
        request=request,
        rule=rule.describe(),
    )
    return rule


@transaction.atomic
def save_programme(
    *, programme: Programme, items: list[tuple[int, bool]], by: User, request=None
) -> Programme:
    """Save a programme and its courses (``items``: (course id, required), in order)."""
    if programme.pk is None:
        programme.created_by = by
    programme.save()
    programme.items.exclude(course_id__in=[pk for pk, _req in items]).delete()
    for position, (course_id, required) in enumerate(items):
        ProgrammeItem.objects.update_or_create(
            programme=programme,
            course_id=course_id,
            defaults={"position": position, "required": required},
        )
    if not programme.ordered:
        # Courses added later reach those already assigned and not yet done.
        open_people = list(
            programme.assignments.open().values_list("user_id", flat=True).distinct()
        )
        for item in programme.items.select_related("course"):
            enrol_many(user_ids=open_people, course=item.course.specific)
    record_event(actor=by, action="programme.save", target=programme, request=request)
    return programme


# --- completion ---------------------------------------------------------------


def note_course_completed(*, enrolment: Enrolment) -> None:
    """Completion step (``SIGAP_COMPLETION_STEPS``): the person's open assignments
    that contain the course move on (the next course of an ordered programme) or
    are complete (a certificate is issued)."""
    open_assignments = (
        ProgrammeAssignment.objects.open()
        .filter(user_id=enrolment.user_id, programme__items__course=enrolment.course_id)
        .select_related("programme")
        .distinct()
    )
    for assignment in open_assignments:
        complete_if_done(assignment=assignment)


def complete_if_done(*, assignment: ProgrammeAssignment) -> bool:
    """Complete the assignment when its required courses and enough electives are
    done; issue the programme certificate once. Return whether it is complete."""
    with transaction.atomic():
        locked = ProgrammeAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.completed_at is not None:
            return True
        programme = assignment.programme
        done = programme_courses_done(assignment=locked)
        items = list(programme.items.select_related("course"))
        required = [item for item in items if item.required]
        electives = [item for item in items if not item.required]
        electives_done = [item for item in electives if item.course_id in done]
        needed = min(programme.electives_required, len(electives))
        complete = (
            bool(items)
            and all(item.course_id in done for item in required)
            and len(electives_done) >= needed
        )
        if not complete:
            if programme.ordered:
                following = [i for i in items if i.course_id not in done][:1]
                user_ids = [locked.user_id]
                # A renewal's next course, completed in an earlier cycle, is
                # given again; for a first cycle it was never completed.
                give = renew_many if locked.renewal_of_id else enrol_many
                for item in following:
                    give(
                        user_ids=user_ids,
                        course=item.course.specific,
                        deadline=locked.due_on,
                    )
            return False
        counted = [item for item in items if item.course_id in done]
        finished = max(done[item.course_id] for item in counted)
        locked.completed_at = finished
        locked.certificate = issue_path_certificate(
            user=locked.user,
            title=programme.title,
            code=programme.code,
            courses=[PathCourse(title=i.course.title, jp=i.course.jp) for i in counted],
            started_on=timezone.localdate(locked.assigned_at),
            completed_on=timezone.localdate(finished),
            validity_months=programme.validity_months,
            template=programme.certificate_template,
        )
        locked.save(update_fields=["completed_at", "certificate"])
    assignment.completed_at, assignment.certificate = (
        locked.completed_at,
        locked.certificate,
    )
    return True


# --- recertification ----------------------------------------------------------


def _expiring(today: datetime.date, within_days: int) -> QuerySet:
    """Completed assignments whose valid certificate ends within ``within_days``
    and that have no renewal yet."""
    return ProgrammeAssignment.objects.filter(
        completed_at__isnull=False,
        certificate__status=Certificate.Status.VALID,
        certificate__valid_until__isnull=False,
        certificate__valid_until__gte=today,
        certificate__valid_until__lte=today + datetime.timedelta(days=within_days),
    )


def _ends(assignment: ProgrammeAssignment) -> datetime.date:
    """The end date of an assignment's certificate (``_expiring`` rows have one)."""
    certificate = assignment.certificate
    if certificate is None or certificate.valid_until is None:
        raise ValueError("assignment without an expiring certificate")
    return certificate.valid_until


def renew_expiring(*, today: datetime.date | None = None) -> int:
    """Assign the recertification path to holders whose programme certificate
    ends within the programme's lead time (once: a renewal is not renewed twice
    from the same assignment). Return how many were assigned."""
    today = today or timezone.localdate()
    now = timezone.now()
    count = 0
    longest = max(
        Programme.objects.values_list("renewal_lead_days", flat=True), default=0
    )
    candidates = (
        _expiring(today, longest)
        .exclude(Exists(ProgrammeAssignment.objects.filter(renewal_of=OuterRef("pk"))))
        .select_related("programme__recertification_path", "certificate")
    )
    groups: dict[tuple[int, int], list[ProgrammeAssignment]] = defaultdict(list)
    for assignment in candidates:
        programme = assignment.programme
        lead = datetime.timedelta(days=programme.renewal_lead_days)
        if _ends(assignment) - today > lead:
            continue
        path = programme.renewal_programme
        cycle = (
            ProgrammeAssignment.objects.filter(
                programme=path, user_id=assignment.user_id
            ).count()
            + 1
        )
        groups[(path.pk, cycle)].append(assignment)
    for (path_id, cycle), assignments in groups.items():
        path = Programme.objects.get(pk=path_id)
        count += _assign(
            programme=path,
            people={a.user_id: None for a in assignments},
            source=ProgrammeAssignment.Source.RENEWAL,
            now=now,
            cycle=cycle,
            renewal_of={a.user_id: a for a in assignments},
        )
        # A renewal is due when the certificate it renews ends, and so are the
        # courses it gave (their cycle under way).
        path_courses = path.items.values("course_id")
        for assignment in assignments:
            ends = _ends(assignment)
            ProgrammeAssignment.objects.filter(
                programme=path, user_id=assignment.user_id, cycle=cycle
            ).update(due_on=ends)
            Enrolment.objects.current().in_progress().filter(
                user_id=assignment.user_id, course_id__in=path_courses
            ).update(deadline=ends)
    return count
