"""Reads of package lessons: the course's package lessons with the learner's
standing, whether the learner has done what the course requires, the lesson
page's overview, and what the player needs to launch a package."""

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

from .models import PackageAttempt, PackagePage, Standard
from .permissions import can_preview_package, may_play_package


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


@dataclass
class PackageOverview:
    """What the lesson page shows: may the person start it, why not, their
    standing."""

    can_start: bool
    refusal: str = ""
    previewing: bool = False
    attempt: PackageAttempt | None = None
    score_percent: int | None = None


def package_player(*, page: PackagePage, request) -> PackageOverview:
    user = request.user
    course = page.get_course()
    if page.package_id is None:
        return PackageOverview(can_start=False)
    if may_play_package(user, page, request=request):
        attempt = PackageAttempt.objects.filter(page=page, user=user).first()
        return PackageOverview(
            can_start=True,
            attempt=attempt,
            score_percent=_percent(attempt.score_scaled) if attempt else None,
        )
    if can_preview_package(user, page):
        return PackageOverview(can_start=True, previewing=True)
    decision = may_learn(user, course, request=request, page=page) if course else None
    return PackageOverview(
        can_start=False, refusal=decision.message if decision is not None else ""
    )


def package_file_url(*, page: PackagePage, path: str) -> str:
    return reverse(
        "packages:file",
        kwargs={"page_id": page.pk, "package_id": page.package_id, "path": path},
    )


def _initial_cmi(attempt: PackageAttempt, user: User) -> dict:
    """The data model loaded before the SCO starts: who the learner is, and
    where they were (resume) when they left it suspended or with a bookmark."""
    name = user.get_full_name() or user.email
    resume = bool(attempt.suspend_data or attempt.location)
    if attempt.package.standard == Standard.SCORM12:
        core: dict[str, Any] = {
            "student_id": str(attempt.registration),
            "student_name": name,
            "entry": "resume" if resume else "ab-initio",
            "lesson_location": attempt.location,
        }
        status = attempt.cmi.get("cmi.core.lesson_status")
        if status:
            core["lesson_status"] = status
        raw = attempt.cmi.get("cmi.core.score.raw")
        if raw:
            core["score"] = {"raw": raw}
        return {"core": core, "suspend_data": attempt.suspend_data}
    cmi: dict = {
        "learner_id": str(attempt.registration),
        "learner_name": name,
        "entry": "resume" if resume else "ab-initio",
        "location": attempt.location,
        "suspend_data": attempt.suspend_data,
    }
    if attempt.completion_status:
        cmi["completion_status"] = attempt.completion_status
    if attempt.success_status:
        cmi["success_status"] = attempt.success_status
    return cmi


@dataclass
class Launch:
    """What the player page needs: the file to frame, and for SCORM the runtime's
    settings and saved data (serialised into the page as JSON)."""

    page: PackagePage
    launch_url: str
    runtime: dict = field(default_factory=dict)


def cmi5_actor(attempt: PackageAttempt) -> dict:
    """The learner as the cmi5 AU sees them: an account named by the attempt's
    registration, never their e-mail, NIP or name."""
    return {
        "objectType": "Agent",
        "account": {
            "homePage": settings.SITE_URL.rstrip("/"),
            "name": str(attempt.registration),
        },
    }


def scorm_launch(
    *, page: PackagePage, attempt: PackageAttempt, user: User, csrf_token: str
) -> Launch:
    package = attempt.package
    url = package_file_url(page=page, path=package.launch_path)
    if package.launch_parameters:
        url = f"{url}?{package.launch_parameters}"
    return Launch(
        page=page,
        launch_url=url,
        runtime={
            "standard": package.standard,
            "commitUrl": reverse("packages:commit", kwargs={"page_id": page.pk}),
            "csrfToken": csrf_token,
            "cmi": _initial_cmi(attempt, user),
        },
    )


def cmi5_launch(*, page: PackagePage, attempt: PackageAttempt, code: str) -> Launch:
    """The AU's URL with the cmi5 launch parameters (endpoint, fetch, actor,
    registration, activityId), all on Sigap's own origin."""
    package = attempt.package
    site = settings.SITE_URL.rstrip("/")
    registration = str(attempt.registration)
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
            "registration": registration,
            "activityId": package.activity_id,
        },
        quote_via=quote,
    )
    url = package_file_url(page=page, path=package.launch_path)
    extra = f"&{package.launch_parameters}" if package.launch_parameters else ""
    return Launch(page=page, launch_url=f"{url}?{query}{extra}", runtime={})


def cmi5_launch_data(*, attempt: PackageAttempt, return_url: str) -> dict:
    """The ``LMS.LaunchData`` state document of the cmi5 specification."""
    package = attempt.package
    data: dict[str, Any] = {
        "contextTemplate": {
            "extensions": {
                "https://w3id.org/xapi/cmi5/context/extensions/sessionid": (
                    attempt.session_id
                )
            }
        },
        "launchMode": "Normal",
        "moveOn": package.move_on or "NotApplicable",
        "returnURL": return_url,
    }
    if package.mastery_score is not None:
        data["masteryScore"] = package.mastery_score
    return data
