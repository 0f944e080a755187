"""Reads for the LTI admin screen."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from courses.models import CoursePage
from courses.quizzes.models import QuizKind, QuizPage

from .deep_linking import OfferedCourse
from .keys import current_key
from .launch import STATE_SECONDS
from .models import (
    LtiDeepLinkRequest,
    LtiPlatform,
    LtiResourceLink,
    LtiScore,
    LtiToolKey,
)


@dataclass(frozen=True)
class ToolUrls:
    """What an administrator types into the platform (Moodle's field names)."""

    tool_url: str
    login_url: str
    redirect_url: str
    jwks_url: str
    selection_url: str


def tool_urls() -> ToolUrls:
    site = settings.SITE_URL
    return ToolUrls(
        tool_url=site + "/lti/kursus/",
        login_url=site + reverse("lti:login"),
        redirect_url=site + reverse("lti:launch"),
        jwks_url=site + reverse("lti:jwks"),
        selection_url=site + reverse("lti:deep_link"),
    )


def lti_overview() -> dict:
    current_key()
    counts = dict(
        LtiScore.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    return {
        "urls": tool_urls(),
        "keys": list(LtiToolKey.objects.filter(active=True)),
        "platforms": list(
            LtiPlatform.objects.annotate(n_deployments=Count("deployments")).order_by(
                "name"
            )
        ),
        "links": list(
            LtiResourceLink.objects.select_related("platform", "course").order_by(
                "-updated_at"
            )[:50]
        ),
        "counts": {status: counts.get(status, 0) for status in LtiScore.Status.values},
        "failures": list(
            LtiScore.objects.filter(status=LtiScore.Status.FAILED)
            .select_related("launch__link__platform")
            .order_by("-updated_at")[:20]
        ),
    }


def offered_course_pages(platform: LtiPlatform):
    """The live, public courses ``platform`` may place and launch: the ones an
    administrator listed for it, or every one when the list is empty."""
    courses = CoursePage.objects.live().public()
    chosen = platform.offered_courses.values_list("pk", flat=True)
    if chosen.exists():
        courses = courses.filter(pk__in=chosen)
    return courses


def offered_courses(platform: LtiPlatform) -> list[OfferedCourse]:
    """What the platform's instructor may choose in the deep linking picker."""
    pages = list(
        offered_course_pages(platform)
        .order_by("title", "pk")
        .only("pk", "title", "summary", "jp", "path", "depth")
    )
    # A post-test is a live quiz page directly under its course (Wagtail's
    # tree: the child's path is the parent's plus one step).
    by_path = {page.path: page.pk for page in pages}
    steplen = CoursePage.steplen
    with_post_test = {
        by_path[path[:-steplen]]
        for path in QuizPage.objects.live()
        .filter(kind=QuizKind.POSTTEST, depth__in={p.depth + 1 for p in pages})
        .values_list("path", flat=True)
        if path[:-steplen] in by_path
    }
    return [
        OfferedCourse(
            pk=page.pk,
            title=page.title,
            summary=page.summary,
            jp=page.jp,
            has_post_test=page.pk in with_post_test,
        )
        for page in pages
    ]


def pending_deep_link_request(token: str) -> LtiDeepLinkRequest | None:
    """The picker ``token`` belongs to, while it can still be answered (not
    used, not expired, its platform active); None otherwise."""
    if not token:
        return None
    fresh_since = timezone.now() - datetime.timedelta(seconds=STATE_SECONDS)
    return (
        LtiDeepLinkRequest.objects.select_related("platform", "deployment")
        .filter(
            token=token,
            used_at__isnull=True,
            created_at__gte=fresh_since,
            platform__active=True,
        )
        .first()
    )
