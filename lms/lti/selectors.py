"""Reads for the LTI admin screen."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from .keys import current_key
from .models import LtiPlatform, LtiResourceLink, LtiScore, LtiToolKey


@dataclass(frozen=True)
class ToolUrls:
    """What an administrator types into the platform (Moodle's field names)."""

    tool_url: str
    login_url: str
    redirect_url: str
    jwks_url: str


def tool_urls() -> ToolUrls:
    site = settings.SITE_URL
    return ToolUrls(
        tool_url=site + "/lti/kursus/",
        login_url=site + reverse("lti:login"),
        redirect_url=site + reverse("lti:launch"),
        jwks_url=site + reverse("lti:jwks"),
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
