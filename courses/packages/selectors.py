"""Reads of package lessons: the course's package lessons with the learner's
standing, whether the learner has done what the course requires, the lesson
page's overview and table of contents, and what the player needs to launch one
SCO or AU of a package."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from courses.models import CoursePage, Enrolment
from courses.permissions import may_learn
from lms.accounts.models import User

from . import xapi
from .models import PackageAttempt, PackagePage, Standard, UnitAttempt
from .permissions import can_preview_package, may_play_package
from .validation import PackageUnit


@dataclass(frozen=True)
class PackageLink:
    """A package lesson as the course outline lists it (the same for everyone)."""

    pk: int
    title: str
    url: str | None
    standard: str
    required: bool
    duration_minutes: int


@dataclass(frozen=True)
class PackageStatus:
    """A package lesson in the outline with the learner's standing in it."""

    package: PackageLink
    started: bool = False
    done: bool = False
    score_percent: int | None = None


def live_package_pages(*, course: CoursePage) -> QuerySet[PackagePage]:
    return PackagePage.objects.live().child_of(course).order_by("path")


def package_links(*, course: CoursePage, course_url: str | None) -> list[PackageLink]:
    return [
        PackageLink(
            pk=page.pk,
            title=page.title,
            url=course_url and f"{course_url}{page.slug}/",
            standard=page.package.standard if page.package else "",
            required=page.required,
            duration_minutes=page.duration_minutes,
        )
        for page in live_package_pages(course=course)
        .select_related("package")
        .only(
            "id",
            "title",
            "slug",
            "required",
            "duration_minutes",
            "package__standard",
        )
    ]


def package_records(*, user: User, page_ids: Collection[int]) -> list[tuple]:
    """``(page_id, satisfied, score_scaled)`` of the learner's attempts."""
    if not page_ids:
        return []
    return [
        (pk, satisfied is not None, score)
        for pk, satisfied, score in PackageAttempt.objects.filter(
            user=user, page_id__in=page_ids
        ).values_list("page_id", "satisfied_at", "score_scaled")
    ]


def _percent(score: float | None) -> int | None:
    return None if score is None else round(max(0.0, score) * 100)


def package_standing(*, links: list[PackageLink], records: list) -> list[PackageStatus]:
    by_page = {pk: (done, score) for pk, done, score in records}
    return [
        PackageStatus(
            package=link,
            started=link.pk in by_page,
            done=by_page.get(link.pk, (False, None))[0],
            score_percent=_percent(by_page.get(link.pk, (False, None))[1]),
        )
        for link in links
    ]


def packages_satisfied(*, enrolment: Enrolment) -> bool:
    """The course's completion requirement: every live required package lesson
    done (reported complete or passed by the package), or the course has none."""
    required = set(
        live_package_pages(course=enrolment.course)
        .filter(required=True)
        .values_list("pk", flat=True)
    )
    if not required:
        return True
    done = set(
        PackageAttempt.objects.filter(
            user_id=enrolment.user_id,
            page_id__in=required,
            satisfied_at__isnull=False,
        ).values_list("page_id", flat=True)
    )
    return required <= done


@dataclass(frozen=True)
class TocEntry:
    """One line of a package's table of contents: a SCO, asset or AU the learner
    opens (``number``, 1-based), or a heading (a SCORM item without a resource,
    a cmi5 block), with the learner's standing in it."""

    title: str
    depth: int
    number: int | None = None
    kind: str = ""
    started: bool = False
    done: bool = False
    score_percent: int | None = None
    current: bool = False


@dataclass
class PackageOverview:
    """What the lesson page shows: may the person start it, why not, their
    standing, the package's table of contents."""

    can_start: bool
    refusal: str = ""
    previewing: bool = False
    attempt: PackageAttempt | None = None
    score_percent: int | None = None
    toc: list[TocEntry] = field(default_factory=list)
    units_done: int = 0
    units_total: int = 0


def table_of_contents(
    *, attempt: PackageAttempt | None, package, current: str = ""
) -> list[TocEntry]:
    """The package's organization (SCORM items, cmi5 blocks and AUs) in
    manifest order, without the items the manifest hides (``isvisible``), with
    the learner's standing in each unit."""
    records: dict[str, UnitAttempt] = {}
    if attempt is not None and attempt.package_id == package.pk:
        records = {
            record.unit: record
            for record in UnitAttempt.objects.filter(attempt=attempt, package=package)
        }
    entries = []
    number = 0
    for unit in package.unit_list():
        record = records.get(unit.identifier)
        if unit.launchable:
            number += 1
        if not unit.visible:
            continue
        entries.append(
            TocEntry(
                title=unit.title,
                depth=min(unit.depth, 3),  # deeper levels indent as the third
                number=number if unit.launchable else None,
                kind=unit.kind,
                started=record is not None,
                done=unit.launchable and _unit_done(unit, record),
                score_percent=_percent(record.score_scaled) if record else None,
                current=bool(current) and unit.identifier == current,
            )
        )
    return entries


def _unit_done(unit: PackageUnit, record: UnitAttempt | None) -> bool:
    if unit.kind == "au" and (unit.move_on or "NotApplicable") == "NotApplicable":
        return True
    return record is not None and record.satisfied_at is not None


def package_player(*, page: PackagePage, request) -> PackageOverview:
    user = request.user
    course = page.get_course()
    package = page.package
    if package is None:
        return PackageOverview(can_start=False)
    if may_play_package(user, page, request=request):
        attempt = PackageAttempt.objects.filter(page=page, user=user).first()
        overview = PackageOverview(
            can_start=True,
            attempt=attempt,
            score_percent=_percent(attempt.score_scaled) if attempt else None,
        )
    elif can_preview_package(user, page):
        overview = PackageOverview(can_start=True, previewing=True)
    else:
        decision = (
            may_learn(user, course, request=request, page=page) if course else None
        )
        return PackageOverview(
            can_start=False, refusal=decision.message if decision is not None else ""
        )
    overview.toc = table_of_contents(
        attempt=overview.attempt,
        package=package,
        current=overview.attempt.current_unit if overview.attempt else "",
    )
    launchable = [entry for entry in overview.toc if entry.number is not None]
    overview.units_total = len(package.launchable_units())
    overview.units_done = sum(1 for entry in launchable if entry.done)
    return overview


def package_file_url(*, page: PackagePage, package_id: int, path: str) -> str:
    return reverse(
        "packages:file",
        kwargs={"page_id": page.pk, "package_id": package_id, "path": path},
    )


def unit_to_open(
    *, attempt: PackageAttempt, number: int | None
) -> tuple[int, PackageUnit] | None:
    """(number, unit) the learner asked for, or without a number the one they
    opened last, else the first; None for a number the package has not."""
    units = attempt.package.launchable_units()
    if number is None:
        number = next(
            (
                index
                for index, unit in enumerate(units, start=1)
                if unit.identifier == attempt.current_unit
            ),
            1,
        )
    if not 1 <= number <= len(units):
        return None
    return number, units[number - 1]


def _initial_cmi(record: UnitAttempt, attempt: PackageAttempt, user: User) -> dict:
    """The data model loaded before the SCO starts: who the learner is, and
    where they were in this SCO (resume) when they left it suspended or with a
    bookmark."""
    name = user.get_full_name() or user.email
    resume = bool(record.suspend_data or record.location)
    if attempt.package.standard == Standard.SCORM12:
        core: dict[str, Any] = {
            "student_id": str(attempt.registration),
            "student_name": name,
            "entry": "resume" if resume else "ab-initio",
            "lesson_location": record.location,
        }
        status = record.cmi.get("cmi.core.lesson_status")
        if status:
            core["lesson_status"] = status
        raw = record.cmi.get("cmi.core.score.raw")
        if raw:
            core["score"] = {"raw": raw}
        return {"core": core, "suspend_data": record.suspend_data}
    cmi: dict = {
        "learner_id": str(attempt.registration),
        "learner_name": name,
        "entry": "resume" if resume else "ab-initio",
        "location": record.location,
        "suspend_data": record.suspend_data,
    }
    if record.completion_status:
        cmi["completion_status"] = record.completion_status
    if record.success_status:
        cmi["success_status"] = record.success_status
    return cmi


@dataclass
class Launch:
    """What the player page needs: the file to frame, the unit's number and
    title, its neighbours in manifest order (flow navigation), the table of
    contents (choice), and for SCORM the runtime's settings and saved data
    (serialised into the page as JSON)."""

    page: PackagePage
    launch_url: str
    runtime: dict = field(default_factory=dict)
    number: int = 1
    title: str = ""
    total: int = 1
    previous: int | None = None
    next: int | None = None
    toc: list[TocEntry] = field(default_factory=list)


def cmi5_actor(attempt: PackageAttempt) -> dict:
    return xapi.actor(attempt.registration)


def _launch(
    *, page: PackagePage, attempt: PackageAttempt, unit: PackageUnit, number: int
) -> Launch:
    total = len(attempt.package.launchable_units())
    return Launch(
        page=page,
        launch_url="",
        number=number,
        title=unit.title,
        total=total,
        previous=number - 1 if number > 1 else None,
        next=number + 1 if number < total else None,
        toc=table_of_contents(
            attempt=attempt, package=attempt.package, current=unit.identifier
        ),
    )


def scorm_launch(
    *,
    page: PackagePage,
    attempt: PackageAttempt,
    record: UnitAttempt,
    unit: PackageUnit,
    number: int,
    user: User,
    csrf_token: str,
) -> Launch:
    launch = _launch(page=page, attempt=attempt, unit=unit, number=number)
    url = package_file_url(page=page, package_id=attempt.package_id, path=unit.path)
    if unit.parameters:
        url = f"{url}?{unit.parameters}"
    launch.launch_url = url
    launch.runtime = {
        "standard": attempt.package.standard,
        "commitUrl": reverse(
            "packages:commit", kwargs={"page_id": page.pk, "number": number}
        ),
        "csrfToken": csrf_token,
        "cmi": _initial_cmi(record, attempt, user),
    }
    return launch


def cmi5_launch(
    *,
    page: PackagePage,
    attempt: PackageAttempt,
    unit: PackageUnit,
    number: int,
    code: str,
) -> Launch:
    """The AU's URL with the cmi5 launch parameters (endpoint, fetch, actor,
    registration, activityId), all on Sigap's own origin."""
    launch = _launch(page=page, attempt=attempt, unit=unit, number=number)
    site = settings.SITE_URL.rstrip("/")
    endpoint = site + reverse(
        "packages:cmi5_endpoint", kwargs={"registration": attempt.registration}
    )
    fetch = site + reverse(
        "packages:cmi5_fetch",
        kwargs={"registration": attempt.registration, "code": code},
    )
    query = urlencode(
        {
            "endpoint": endpoint,
            "fetch": fetch,
            "actor": json.dumps(cmi5_actor(attempt), separators=(",", ":")),
            "registration": str(attempt.registration),
            "activityId": unit.identifier,
        },
        quote_via=quote,
    )
    url = package_file_url(page=page, package_id=attempt.package_id, path=unit.path)
    extra = f"&{unit.parameters}" if unit.parameters else ""
    launch.launch_url = f"{url}?{query}{extra}"
    return launch


def cmi5_launch_data(*, record: UnitAttempt, unit: PackageUnit, return_url: str):
    """The ``LMS.LaunchData`` state document of the cmi5 specification, for
    the AU launch of ``record``."""
    data: dict[str, Any] = {
        "contextTemplate": {
            "contextActivities": {"grouping": [{"id": unit.identifier}]},
            "extensions": {xapi.EXTENSION + "sessionid": record.session_id},
        },
        "launchMode": "Normal",
        "moveOn": unit.move_on or "NotApplicable",
        "returnURL": return_url,
    }
    if unit.mastery_score is not None:
        data["masteryScore"] = unit.mastery_score
    if unit.launch_data:
        data["launchParameters"] = unit.launch_data
    return data
