"""The HR dashboard's figures, computed with a handful of aggregate queries.

Every queryset starts from ``lms.accounts.scope``, so nothing outside the officer's
subtree is counted.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from courses.models import CoursePage, Enrolment, LessonVisit
from courses.quizzes.models import Attempt, QuizKind, QuizPage
from lms.accounts import scope
from lms.accounts.models import AsnProfile, OrgUnit
from lms.competencies.growth import normalised_gain
from lms.competencies.models import CompetencyEvidence, PositionStandard

from .filters import HrFilters, year_bounds
from .jp import jp_per_user, jp_target  # noqa: F401 (re-exported)

BELOW_TARGET_SHOWN = 20


def people(user, filters: HrFilters):
    """ASN profiles in scope that match the person filters."""
    return scope.profiles_in_scope(user).filter(filters.person_q())


def active_in_year_q(filters: HrFilters, prefix: str = "") -> Q:
    """Enrolments (``prefix`` leads to one) active in the year: enrolled or
    completed in it."""
    if not filters.year:
        return Q()
    start, end = year_bounds(filters.year)
    return Q(
        **{f"{prefix}enrolled_at__gte": start, f"{prefix}enrolled_at__lt": end}
    ) | Q(**{f"{prefix}completed_at__gte": start, f"{prefix}completed_at__lt": end})


def active_in_year(qs, filters: HrFilters, *, use_course: bool = True):
    """Narrow enrolments to those active in the year (enrolled or completed in it)
    and, unless told otherwise, to the filtered course."""
    qs = qs.filter(active_in_year_q(filters))
    if use_course and filters.course is not None:
        qs = qs.filter(course=filters.course)
    return qs


def enrolments(user, filters: HrFilters, *, use_course: bool = True):
    """Enrolments in scope active in the year (enrolled or completed in it)."""
    qs = Enrolment.objects.filter(user__in=people(user, filters).values("user_id"))
    return active_in_year(qs, filters, use_course=use_course)


def completions(user, filters: HrFilters):
    """Completed enrolments in scope whose completion falls in the year."""
    qs = Enrolment.objects.filter(
        user__in=people(user, filters).values("user_id"),
        status=Enrolment.Status.COMPLETED,
    )
    if filters.year:
        start, end = year_bounds(filters.year)
        qs = qs.filter(completed_at__gte=start, completed_at__lt=end)
    if filters.course is not None:
        qs = qs.filter(course=filters.course)
    return qs


# --- learning time (docs/domain.md, "Waktu belajar dan JP") ----------------------
# Active seconds are what the server counted from the lesson heartbeats
# (``courses.models.LessonVisit``); every figure is a subquery or a grouped query,
# never a query per row.


def enrolment_active_seconds():
    """The active seconds in the lessons of the enrolment ``OuterRef("pk")``
    (0 before any lesson is opened), as a subquery."""
    return Coalesce(
        Subquery(
            LessonVisit.objects.filter(enrolment=OuterRef("pk"))
            .order_by()
            .values("enrolment")
            .annotate(total=Sum("active_seconds"))
            .values("total")[:1]
        ),
        0,
    )


def enrolment_first_opened():
    """When the learner of the enrolment ``OuterRef("pk")`` first opened one of
    its lessons (the start of the learning period), as a subquery."""
    return Subquery(
        LessonVisit.objects.filter(enrolment=OuterRef("pk"))
        .order_by("first_opened_at")
        .values("first_opened_at")[:1]
    )


def with_learning_time(profiles, filters: HrFilters):
    """ASN profiles annotated with ``active_seconds``: their active time in the
    enrolments the filters select (active in the year, the filtered course). With
    a course filtered, also the learning period in that course:
    ``course_first_opened_at`` (first lesson opening) and ``course_completed_at``."""
    enrolments_of_person = Enrolment.objects.filter(
        active_in_year_q(filters), user=OuterRef("user")
    )
    visits = LessonVisit.objects.filter(
        active_in_year_q(filters, "enrolment__"), enrolment__user=OuterRef("user")
    )
    if filters.course is not None:
        enrolments_of_person = enrolments_of_person.filter(course=filters.course)
        visits = visits.filter(enrolment__course=filters.course)
    profiles = profiles.annotate(
        active_seconds=Coalesce(
            Subquery(
                visits.order_by()
                .values("enrolment__user")
                .annotate(total=Sum("active_seconds"))
                .values("total")[:1]
            ),
            0,
        )
    )
    if filters.course is None:
        return profiles
    return profiles.annotate(
        course_first_opened_at=Subquery(
            visits.order_by("first_opened_at").values("first_opened_at")[:1]
        ),
        course_completed_at=Subquery(enrolments_of_person.values("completed_at")[:1]),
    )


def active_time_per_course(user, filters: HrFilters) -> dict[int, tuple[int, int]]:
    """``{course id: (active seconds, learners who opened a lesson)}`` over the
    enrolments in scope active in the year (one grouped query)."""
    return {
        course: (seconds or 0, learners)
        for course, seconds, learners in LessonVisit.objects.filter(
            enrolment__in=enrolments(user, filters)
        )
        .order_by()
        .values("enrolment__course")
        .annotate(
            seconds=Sum("active_seconds"),
            learners=Count("enrolment", distinct=True),
        )
        .values_list("enrolment__course", "seconds", "learners")
    }


@dataclass
class Tally:
    """Enrolments by status for one course or unit."""

    key: object = None
    label: str = ""
    enrolled: int = 0
    completed: int = 0
    learners: int = 0
    extra: dict = field(default_factory=dict)
    active_seconds: int = 0
    active_learners: int = 0

    @property
    def mean_active_minutes(self) -> int | None:
        """Mean active minutes of the learners who opened a lesson (``None``
        when nobody has)."""
        if not self.active_learners:
            return None
        return round(self.active_seconds / self.active_learners / 60)

    @property
    def in_progress(self) -> int:
        return self.enrolled - self.completed

    @property
    def rate(self) -> int:
        """Completion rate in percent (completed of enrolled)."""
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


@dataclass
class JpCompliance:
    target: int
    learners: int
    compliant: int
    below: list  # [(profile, jp)] the first few, by name
    below_count: int

    @property
    def share(self) -> int:
        return round(100 * self.compliant / self.learners) if self.learners else 0


@dataclass
class Dashboard:
    filters: HrFilters
    focus: OrgUnit | None
    learners: int
    totals: Tally
    by_course: list[Tally]
    by_unit: list[Tally]
    jp: JpCompliance
    scores: list = field(default_factory=list)
    gaps: list = field(default_factory=list)


def _display_nodes(user, focus: OrgUnit | None) -> list[OrgUnit]:
    """The focus node itself and its children: the rows of the per-unit table."""
    if focus is None:
        root = scope.hr_scope_root(user)
        if root is None:  # an administrator: one row per instansi
            return list(OrgUnit.get_root_nodes())
        focus = root
    return [focus, *focus.get_children()]


class _RollUp:
    """Maps a unit (by path) to the display row it counts in."""

    def __init__(self, focus: OrgUnit | None, nodes: list[OrgUnit]):
        self.focus = focus
        self.by_path = {node.path: node for node in nodes}
        self.prefix_len = (focus.depth + 1 if focus else 1) * OrgUnit.steplen

    def node(self, path: str | None) -> OrgUnit | None:
        if not path:
            return None
        if self.focus is not None and path == self.focus.path:
            return self.focus
        return self.by_path.get(path[: self.prefix_len])


def dashboard_cache_key(*, user, filters: HrFilters) -> str:
    """Officers attached to the same node see the same figures, so they share."""
    root = scope.hr_scope_root(user)
    who = "all" if scope.sees_everyone(user) else (root.pk if root else "none")
    params = "&".join(f"{k}={v}" for k, v in sorted(filters.as_query().items()))
    return f"hr-dashboard:{who}:{params}"


def cached_dashboard(*, user, filters: HrFilters) -> Dashboard:
    """The dashboard, computed at most every ``SIGAP_HR_DASHBOARD_CACHE_SECONDS``.

    At national scale the aggregates scan millions of rows; HR figures a few
    minutes old are fine, a two-second page on every click is not.
    """
    seconds = settings.SIGAP_HR_DASHBOARD_CACHE_SECONDS
    if not seconds:
        return build_dashboard(user=user, filters=filters)
    key = dashboard_cache_key(user=user, filters=filters)
    data = cache.get(key)
    if data is None:
        data = build_dashboard(user=user, filters=filters)
        cache.set(key, data, seconds)
    return data


def enrolment_groups(user, filters: HrFilters) -> list[dict]:
    """Enrolments in scope active in the year, counted per course, unit and status.

    The enrolments and the people in scope are joined on ``user_id`` directly; the
    ORM would join through the user table as well, a third of this query's time at
    a million enrolments.
    """
    people_sql, people_params = (
        people(user, filters).values("user_id", "unit_id").query.sql_with_params()
    )
    active_sql, active_params = (
        active_in_year(Enrolment.objects.all(), filters)
        .values("user_id", "course_id", "status")
        .query
    ).sql_with_params()
    sql = (
        f"SELECT e.course_id, p.unit_id, e.status, COUNT(*) "
        f"FROM ({active_sql}) e JOIN ({people_sql}) p ON p.user_id = e.user_id "
        f"GROUP BY 1, 2, 3"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*active_params, *people_params])
        return [
            {"course": course, "unit": unit, "status": status, "n": n}
            for course, unit, status, n in cursor.fetchall()
        ]


def build_dashboard(*, user, filters: HrFilters) -> Dashboard:
    """Every figure the dashboard shows, for ``user``'s scope and ``filters``."""
    focus = filters.unit or scope.hr_scope_root(user)
    nodes = _display_nodes(user, filters.unit)
    rollup = _RollUp(focus, nodes)
    unit_paths = dict(
        scope.hr_scope_units(user)
        .filter(path__startswith=focus.path if focus else "")
        .values_list("pk", "path")
    )

    person_qs = people(user, filters)
    per_unit_people = dict(
        person_qs.values("unit").annotate(n=Count("pk")).values_list("unit", "n")
    )
    learners = sum(per_unit_people.values())

    groups = enrolment_groups(user, filters)
    totals = Tally()
    courses: dict[int, Tally] = {}
    units: dict[int, Tally] = {
        node.pk: Tally(key=node, label=node.name) for node in nodes
    }
    for row in groups:
        n, done = row["n"], row["status"] == Enrolment.Status.COMPLETED
        course = courses.setdefault(row["course"], Tally(key=row["course"]))
        for tally in (totals, course):
            tally.enrolled += n
            tally.completed += n if done else 0
        node = rollup.node(unit_paths.get(row["unit"]))
        if node is not None:
            units[node.pk].enrolled += n
            units[node.pk].completed += n if done else 0
    for unit_id, n in per_unit_people.items():
        node = rollup.node(unit_paths.get(unit_id))
        if node is not None:
            units[node.pk].learners += n

    titles = dict(CoursePage.objects.filter(pk__in=courses).values_list("pk", "title"))
    times = active_time_per_course(user, filters) if courses else {}
    for pk, tally in courses.items():
        tally.label = titles.get(pk, "")
        tally.active_seconds, tally.active_learners = times.get(pk, (0, 0))
    by_course = sorted(courses.values(), key=lambda t: t.label)
    by_unit = [units[node.pk] for node in nodes]
    if focus is not None:
        by_unit[0].label = f"{focus.name} (langsung)" if len(nodes) > 1 else focus.name

    return Dashboard(
        filters=filters,
        focus=focus,
        learners=learners,
        totals=totals,
        by_course=by_course,
        by_unit=[t for t in by_unit if t.learners or t.enrolled],
        jp=jp_compliance(user=user, filters=filters, learners=learners),
        scores=course_scores(user=user, filters=filters),
        gaps=competency_gaps(user=user, filters=filters),
    )


def jp_per_person(user, filters: HrFilters):
    """``{"user": id, "jp": total}`` in scope for the filtered people and year."""
    return jp_per_user(year=filters.jp_year).filter(
        user__in=people(user, filters).values("user_id")
    )


def below_target(user, filters: HrFilters):
    """Profiles (by name) whose JP in the year is under the target."""
    compliant = jp_per_person(user, filters).filter(jp__gte=jp_target())
    return (
        people(user, filters)
        .exclude(user__in=compliant.values("user"))
        .select_related("unit")
        .order_by("full_name", "pk")
    )


def attach_jp(profiles: list[AsnProfile], *, year: int) -> list[tuple]:
    """Pair each profile with its JP total in ``year`` (one query)."""
    totals = dict(
        jp_per_user(year=year)
        .filter(user__in=[p.user_id for p in profiles])
        .values_list("user", "jp")
    )
    return [(profile, totals.get(profile.user_id, 0)) for profile in profiles]


def jp_compliance(*, user, filters: HrFilters, learners: int) -> JpCompliance:
    """Share at or above the JP target, and the first people below it by name.

    One query: the year's JP per person is summed once and joined to the people
    in scope; a window count gives how many are below the target.
    """
    target = jp_target()
    people_sql, people_params = (
        people(user, filters).values("id", "user_id", "full_name").query
    ).sql_with_params()
    # Every person's JP in the year; the join to ``p`` keeps those in scope (a
    # second scope filter inside would only make the database do it twice).
    jp_sql, jp_params = (
        jp_per_user(year=filters.jp_year).values_list("user", "jp").query
    ).sql_with_params()
    sql = (
        f"SELECT p.id, COALESCE(j.jp, 0), COUNT(*) OVER () "
        f'FROM ({people_sql}) p LEFT JOIN ({jp_sql}) j ON j."user" = p.user_id '
        f"WHERE COALESCE(j.jp, 0) < %s ORDER BY p.full_name, p.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*people_params, *jp_params, target, BELOW_TARGET_SHOWN])
        rows = cursor.fetchall()
    below_count = rows[0][2] if rows else 0
    profiles = AsnProfile.objects.select_related("unit").in_bulk([r[0] for r in rows])
    return JpCompliance(
        target=target,
        learners=learners,
        compliant=max(learners - below_count, 0),
        below=[(profiles[pk], jp) for pk, jp, _ in rows if pk in profiles],
        below_count=below_count,
    )


@dataclass
class ScoreRow:
    """Mean pre-test, post-test and normalised gain of one course's learners."""

    title: str
    pre: float | None
    post: float | None
    gain: float | None
    learners: int


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def course_scores(*, user, filters: HrFilters) -> list[ScoreRow]:
    """Per course: mean pre-test (first attempt), mean post-test (best attempt) and
    mean normalised gain g = (post − pre) / (100 − pre) over learners with both.

    Two grouped queries over the quiz engine's closed attempts.
    """
    PRETEST, POSTTEST = QuizKind.PRETEST, QuizKind.POSTTEST

    attempts = Attempt.objects.closed().filter(
        user__in=people(user, filters).values("user_id"), percent__isnull=False
    )
    if filters.year:
        start, end = year_bounds(filters.year)
        attempts = attempts.filter(closed_at__gte=start, closed_at__lt=end)
    quizzes = QuizPage.objects.filter(kind__in=[PRETEST, POSTTEST])
    if filters.course is not None:
        quizzes = quizzes.child_of(filters.course)
    quiz_course = {
        quiz.pk: quiz.path[: -QuizPage.steplen]
        for quiz in quizzes.only("pk", "path", "depth")
    }
    pre: dict[tuple, float] = {}
    for user_id, quiz_id, percent in attempts.filter(
        quiz__in=quiz_course, quiz__kind=PRETEST, number=1
    ).values_list("user", "quiz", "percent"):
        pre[(user_id, quiz_course[quiz_id])] = percent
    post: dict[tuple, float] = {}
    for user_id, quiz_id, best in (
        attempts.filter(quiz__in=quiz_course, quiz__kind=POSTTEST)
        .values("user", "quiz")
        .annotate(best=Max("percent"))
        .values_list("user", "quiz", "best")
    ):
        key = (user_id, quiz_course[quiz_id])
        post[key] = max(best, post.get(key, best))
    by_course: dict[str, dict] = {}
    for (user_id, path), value in pre.items():
        by_course.setdefault(path, {"pre": [], "post": [], "gain": [], "who": set()})
        by_course[path]["pre"].append(value)
        by_course[path]["who"].add(user_id)
    for (user_id, path), value in post.items():
        data = by_course.setdefault(
            path, {"pre": [], "post": [], "gain": [], "who": set()}
        )
        data["post"].append(value)
        data["who"].add(user_id)
        gain = normalised_gain(pre.get((user_id, path)), value)
        if gain is not None:
            data["gain"].append(gain)
    titles = dict(
        CoursePage.objects.filter(path__in=by_course).values_list("path", "title")
    )
    rows = [
        ScoreRow(
            title=titles.get(path, ""),
            pre=_mean(data["pre"]),
            post=_mean(data["post"]),
            gain=round(sum(data["gain"]) / len(data["gain"]), 2)
            if data["gain"]
            else None,
            learners=len(data["who"]),
        )
        for path, data in by_course.items()
    ]
    return sorted(rows, key=lambda row: row.title)


@dataclass
class GapRow:
    """People whose position requires a competency, and how many fall short."""

    label: str
    required: int
    meeting: int

    @property
    def short(self) -> int:
        return max(self.required - self.meeting, 0)

    @property
    def share(self) -> int:
        return round(100 * self.short / self.required) if self.required else 0


def competency_gaps(*, user, filters: HrFilters) -> list[GapRow]:
    """Per competency: people whose jabatan requires it, and those short of it.

    A person meets the standard with evidence at or above the required level.
    Three queries whatever the number of people.
    """
    person_qs = people(user, filters)
    per_jabatan = dict(
        person_qs.exclude(jabatan=None)
        .values("jabatan")
        .annotate(n=Count("pk"))
        .values_list("jabatan", "n")
    )
    required: dict[int, int] = {}
    labels: dict[int, str] = {}
    for standard in PositionStandard.objects.filter(
        jabatan__in=per_jabatan
    ).select_related("competency"):
        competency = standard.competency
        required[competency.pk] = (
            required.get(competency.pk, 0) + per_jabatan[standard.jabatan_id]
        )
        labels[competency.pk] = f"{competency.code} {competency.name}"
    if not required:
        return []
    meets = PositionStandard.objects.filter(
        jabatan=OuterRef("user__asn_profile__jabatan"),
        competency=OuterRef("competency"),
        required_level__lte=OuterRef("level_demonstrated"),
    )
    meeting = dict(
        CompetencyEvidence.objects.filter(
            user__in=person_qs.values("user"), competency__in=required
        )
        .filter(Exists(meets))
        .values("competency")
        .annotate(n=Count("user", distinct=True))
        .values_list("competency", "n")
    )
    rows = [
        GapRow(label=labels[pk], required=n, meeting=meeting.get(pk, 0))
        for pk, n in required.items()
    ]
    return sorted(rows, key=lambda row: (-row.share, row.label))
