"""LTI Deep Linking 2.0 as a tool: the roles that may choose, the content items
Sigap answers with and the signed ``LtiDeepLinkingResponse`` message.

The request itself is checked by ``launch.validate_launch`` (the same checks as
a resource link launch); ``services.begin_deep_linking`` and
``services.answer_deep_linking`` keep it while the instructor chooses.
"""

import secrets
import time
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.urls import reverse

from .keys import current_key
from .launch import CLAIM, CLAIM_DL
from .models import LtiDeepLinkRequest

DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse"
# Who may place Sigap courses in a platform course: its instructors and the
# platform's administrators (LIS vocabulary; Moodle sends membership#Instructor
# for an editing teacher and the institution/system Administrator roles for a
# site administrator). A teaching assistant, learner or guest may not.
CHOOSER_ROLES = frozenset(
    {
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
        "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin",
    }
)
# The answer is posted at once by the browser; the platform should not accept
# it much later.
RESPONSE_SECONDS = 300
# Every score Sigap sends is out of 100 (services.score_payload).
SCORE_MAXIMUM = 100


def may_choose(roles) -> bool:
    """Whether a launch with ``roles`` may place Sigap courses (deep link)."""
    return isinstance(roles, list) and any(role in CHOOSER_ROLES for role in roles)


@dataclass(frozen=True)
class OfferedCourse:
    """A course the platform's instructor may choose."""

    pk: int
    title: str
    summary: str
    jp: int | None
    has_post_test: bool


def target_url(course_id: int) -> str:
    return settings.SITE_URL + reverse("lti:course", kwargs={"course_id": course_id})


def content_item(course: OfferedCourse, *, accept_lineitem: bool) -> dict:
    """The ``ltiResourceLink`` that launches ``course``: its target link and the
    custom parameter ``kursus`` both name it; with a grade column (``lineItem``)
    when the course has a post-test and the platform takes one."""
    item: dict = {
        "type": "ltiResourceLink",
        "title": course.title,
        "url": target_url(course.pk),
        "custom": {"kursus": str(course.pk)},
    }
    if course.summary:
        item["text"] = course.summary[:1000]
    if course.has_post_test and accept_lineitem:
        item["lineItem"] = {
            "label": course.title,
            "scoreMaximum": SCORE_MAXIMUM,
            "resourceId": f"sigap-kursus-{course.pk}",
            "tag": "post-test",
        }
    return item


def response_jwt(*, request: LtiDeepLinkRequest, items: list[dict]) -> str:
    """The ``LtiDeepLinkingResponse`` for ``request``, signed with Sigap's tool
    key (the one published at /lti/jwks.json): issued by Sigap's client ID, for
    the platform (its issuer), in the request's deployment, echoing its
    ``data``. No items means the instructor cancelled."""
    platform = request.platform
    key = current_key()
    now = int(time.time())
    claims: dict = {
        "iss": platform.client_id,
        "aud": platform.issuer,
        "iat": now,
        "exp": now + RESPONSE_SECONDS,
        "nonce": secrets.token_urlsafe(32),
        CLAIM + "deployment_id": request.deployment.deployment_id,
        CLAIM + "message_type": DEEP_LINKING_RESPONSE,
        CLAIM + "version": "1.3.0",
        CLAIM_DL + "content_items": items,
    }
    if request.data is not None:
        claims[CLAIM_DL + "data"] = request.data
    return jwt.encode(
        claims, key.private_key_pem, algorithm="RS256", headers={"kid": key.kid}
    )
