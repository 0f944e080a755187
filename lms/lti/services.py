"""What a believed launch does, and the scores and rosters that follow it.

A launch (``launch.validate_launch``) names a person on a platform (``sub``)
and a Sigap course (the ``target_link_uri`` ``/lti/kursus/<id>/``, or the
custom parameter ``kursus=<id>``). ``accept_launch`` finds or makes the Sigap
account, enrols it and records where the completion goes back (AGS). The
completion step ``queue_completion_score`` puts the score in the outbox
(``sending``); ``read_roster`` reads a link's members (NRPS).
"""

import re
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrolment
from courses.services import enrol
from lms.accounts.models import User
from lms.accounts.permissions import is_staff_role
from lms.audit.services import record_event
from lms.competencies.growth import post_test_percent
from lms.numbers import parse_int

from .client import SCOPE_SCORE, PlatformClient
from .deep_linking import content_item, may_choose, response_jwt
from .launch import (
    CLAIM_AGS,
    CLAIM_NRPS,
    Launch,
    LaunchRefused,
    claim_strings,
    claim_text,
    spend_once,
)
from .models import (
    LtiDeepLinkRequest,
    LtiIdentity,
    LtiLaunchedEnrolment,
    LtiResourceLink,
    LtiScore,
)
from .selectors import offered_course_pages, offered_courses

LEARNER_ROLES = (
    "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner",
)
# The longest address an account keeps (``User.email``, as RFC 5321 allows).
EMAIL_MAX_LENGTH = 254
COURSE_PATH = re.compile(r"^/lti/kursus/(?P<id>\d+)/?$")


@dataclass(frozen=True)
class Accepted:
    user: User
    course: CoursePage
    enrolment: Enrolment | None


def course_for(launch: Launch) -> CoursePage:
    """The course the launch asks for, live."""
    custom = launch.claim("custom") or {}
    wanted = str(custom.get("kursus", "")) if isinstance(custom, dict) else ""
    if not wanted:
        target = launch.claim("target_link_uri") or ""
        if target.startswith(settings.SITE_URL + "/"):
            match = COURSE_PATH.match(urlsplit(target).path)
            wanted = match["id"] if match else ""
    course_id = parse_int(wanted, min_value=1)
    course = (
        offered_course_pages(launch.platform).filter(pk=course_id).first()
        if course_id is not None
        else None
    )
    if course is None:
        raise LaunchRefused(
            "unknown_course",
            _(
                "Kursus yang diluncurkan tidak ada di Sigap atau tidak ditawarkan "
                "ke platform ini (target_link_uri atau parameter kursus)."
            ),
            issuer=launch.platform.issuer,
        )
    return course


def _person(launch: Launch) -> User:
    platform = launch.platform
    sub = str(launch.claims["sub"])
    identity = (
        LtiIdentity.objects.select_related("user")
        .filter(platform=platform, sub=sub)
        .first()
    )
    if identity is not None:
        user = identity.user
    else:
        email = claim_text(launch.claims.get("email"), 1000).lower()
        if not email:
            raise LaunchRefused(
                "no_email",
                _(
                    "Platform tidak mengirim email peserta; Sigap memerlukannya pada "
                    "peluncuran pertama (Moodle: Share launcher's email: Always)."
                ),
                issuer=platform.issuer,
            )
        if not _is_email(email):
            raise LaunchRefused(
                "invalid_claim",
                _("Klaim %(claim)s tidak sah: %(rule)s.")
                % {"claim": "email", "rule": _("bukan alamat email")},
                issuer=platform.issuer,
            )
        user = User.objects.filter(email__iexact=email).first()
        if user is not None and not platform.match_email:
            raise LaunchRefused(
                "email_taken",
                _(
                    "Email %(email)s sudah dipakai akun Sigap lain; platform ini tidak "
                    "dicocokkan lewat email."
                )
                % {"email": email},
                issuer=platform.issuer,
            )
        if user is None:
            name = claim_text(launch.claims.get("name"), 200)
            user = User.objects.create_user(email=email, name=name)
        identity = LtiIdentity.objects.create(platform=platform, sub=sub, user=user)
    if not user.is_active:
        raise LaunchRefused(
            "inactive_user", _("Akun Sigap ini tidak aktif."), issuer=platform.issuer
        )
    if is_staff_role(user) or user.is_staff or user.is_superuser:
        raise LaunchRefused(
            "staff_account",
            _(
                "Akun staf Sigap tidak masuk lewat LTI; masuk langsung ke Sigap "
                "(dengan MFA)."
            ),
            issuer=platform.issuer,
        )
    identity.last_launch_at = timezone.now()
    identity.save(update_fields=["last_launch_at"])
    return user


def _is_email(text: str) -> bool:
    """Whether ``text`` can be a Sigap account's email (the column holds 254)."""
    if len(text) > EMAIL_MAX_LENGTH:
        return False
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def _service_url(value) -> str:
    """A platform service's address from a claim (NRPS, AGS): an http(s) URL
    that fits its column, or empty (the service is then not used)."""
    url = claim_text(value, 501)
    parts = urlsplit(url)
    if len(url) > 500 or parts.scheme not in ("https", "http") or not parts.netloc:
        return ""
    return url


def _link(launch: Launch, course: CoursePage) -> LtiResourceLink:
    context = launch.claim("context") or {}
    nrps = launch.claims.get(CLAIM_NRPS) or {}
    ags = launch.claims.get(CLAIM_AGS) or {}
    link, _created = LtiResourceLink.objects.update_or_create(
        platform=launch.platform,
        deployment=launch.deployment,
        resource_link_id=claim_text(launch.claim("resource_link")["id"], 255),
        defaults={
            "course": course,
            "context_id": claim_text(context.get("id"), 255),
            "context_title": claim_text(context.get("title"), 255),
            "memberships_url": _service_url(nrps.get("context_memberships_url")),
            "lineitem_url": _service_url(ags.get("lineitem")),
            "ags_scopes": [
                claim_text(scope, 255) for scope in claim_strings(ags.get("scope"))
            ],
        },
    )
    return link


@transaction.atomic
def accept_launch(*, launch: Launch, request=None) -> Accepted:
    """The person of a believed launch, found or made, enrolled when they come
    as a learner, with the link their completion is sent back through."""
    course = course_for(launch)
    user = _person(launch)
    link = _link(launch, course)
    roles = launch.claim("roles") or []
    enrolment = None
    if any(role in LEARNER_ROLES for role in roles):
        enrolment, _new = enrol(user=user, course=course)
        LtiLaunchedEnrolment.objects.update_or_create(
            link=link, enrolment=enrolment, defaults={"sub": str(launch.claims["sub"])}
        )
    record_event(
        actor=user,
        action="lti.launch",
        target=course,
        request=request,
        issuer=launch.platform.issuer,
        deployment_id=launch.deployment.deployment_id,
        resource_link_id=link.resource_link_id,
        enrolled=enrolment is not None,
    )
    return Accepted(user=user, course=course, enrolment=enrolment)


def _known_user(platform, sub: str):
    """The Sigap account a platform's person already launched as, if any (for
    the audit trail; deep linking makes no account)."""
    identity = (
        LtiIdentity.objects.select_related("user")
        .filter(platform=platform, sub=sub)
        .first()
    )
    return identity.user if identity else None


@transaction.atomic
def begin_deep_linking(*, launch: Launch, request=None) -> LtiDeepLinkRequest:
    """A believed deep linking request, kept while its instructor chooses.
    Refused for anyone but the platform's instructors and administrators."""
    platform = launch.platform
    sub = str(launch.claims["sub"])
    if not may_choose(launch.claim("roles")):
        raise LaunchRefused(
            "not_instructor",
            _(
                "Hanya pengajar atau administrator platform yang dapat memilih kursus "
                "Sigap untuk ditautkan. Peserta membuka kursus dari tautan yang sudah "
                "dipasang pengajar."
            ),
            issuer=platform.issuer,
            status=403,
        )
    dl_settings = launch.deep_linking_settings
    row = LtiDeepLinkRequest.objects.create(
        platform=platform,
        deployment=launch.deployment,
        token=secrets.token_urlsafe(32),
        sub=sub[:255],
        return_url=str(dl_settings["deep_link_return_url"])[:1000],
        data=dl_settings.get("data"),
        accept_multiple=dl_settings.get("accept_multiple") is True,
        accept_lineitem=dl_settings.get("accept_lineitem") is not False,
    )
    record_event(
        actor=_known_user(platform, sub),
        action="lti.deep_link_request",
        request=request,
        issuer=platform.issuer,
        deployment_id=launch.deployment.deployment_id,
        sub=sub[:255],
    )
    return row


def _open_deep_link_request(token: str) -> LtiDeepLinkRequest:
    """The request the picker's form answers, marked used now (whatever follows):
    a second answer with the same token is a replay."""
    row = (
        LtiDeepLinkRequest.objects.select_related("platform", "deployment")
        .filter(token=token)
        .first()
        if token
        else None
    )
    if row is None:
        raise LaunchRefused(
            "unknown_state",
            _("Pilihan kursus ini tidak dikenal; mulai lagi dari platform."),
        )
    spend_once(
        row,
        replay=_("Pilihan kursus ini sudah dikirim; mulai lagi dari platform."),
        expired=_("Pilihan kursus kedaluwarsa; mulai lagi dari platform."),
    )
    if not row.platform.active:
        raise LaunchRefused(
            "unknown_platform",
            _("Platform %(issuer)s tidak terdaftar di Sigap.")
            % {"issuer": row.platform.issuer},
            issuer=row.platform.issuer,
        )
    return row


@dataclass(frozen=True)
class DeepLinkAnswer:
    """What the browser posts to the platform: ``jwt`` as the form field JWT to
    ``return_url``."""

    issuer: str
    return_url: str
    jwt: str
    items: list[dict]


@transaction.atomic
def answer_deep_linking(
    *, token: str, course_ids: list[int], request=None
) -> DeepLinkAnswer:
    """The instructor's choice (no course: cancelled) as a signed
    ``LtiDeepLinkingResponse``; only courses offered to the platform, at most
    one unless the platform accepts several. Each answer is given once."""
    row = _open_deep_link_request(token)
    issuer = row.platform.issuer
    wanted = list(dict.fromkeys(course_ids))
    if len(wanted) > 1 and not row.accept_multiple:
        raise LaunchRefused(
            "too_many_items",
            _("Platform ini menerima satu kursus saja."),
            issuer=issuer,
        )
    offered = {course.pk: course for course in offered_courses(row.platform)}
    if any(pk not in offered for pk in wanted):
        raise LaunchRefused(
            "unknown_course",
            _("Kursus yang dipilih tidak ditawarkan ke platform ini."),
            issuer=issuer,
        )
    items = [
        content_item(offered[pk], accept_lineitem=row.accept_lineitem) for pk in wanted
    ]
    record_event(
        actor=_known_user(row.platform, row.sub),
        action="lti.deep_link_response",
        request=request,
        issuer=issuer,
        deployment_id=row.deployment.deployment_id,
        sub=row.sub,
        courses=wanted,
    )
    return DeepLinkAnswer(
        issuer=issuer,
        return_url=row.return_url,
        jwt=response_jwt(request=row, items=items),
        items=items,
    )


def record_refusal(*, error: LaunchRefused, request=None) -> None:
    """A launch not believed, for the audit trail (who tried is unknown)."""
    record_event(
        actor=None,
        action="lti.launch_refused",
        request=request,
        reason=error.code,
        # Both carry what the caller sent (an issuer of megabytes, say).
        message=error.message[:500],
        issuer=error.issuer[:255],
    )


def score_payload(*, enrolment: Enrolment, sub: str) -> dict:
    """The AGS score of a completed course: the best post-test in percent when
    the course has one, else 100 (completed); always *Completed, FullyGraded*."""
    score = post_test_percent(user=enrolment.user, course=enrolment.course)
    completed_at = enrolment.completed_at or timezone.now()
    return {
        "userId": sub,
        "scoreGiven": round(float(score), 2) if score is not None else 100.0,
        "scoreMaximum": 100.0,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": completed_at.isoformat(timespec="milliseconds"),
    }


def queue_completion_score(*, enrolment: Enrolment) -> None:
    """``SIGAP_COMPLETION_STEPS``: a completed course launched through LTI goes
    back to each platform grade book that asked for it (AGS), through the
    outbox, inside the completion's transaction (a rolled-back completion sends
    nothing). Nothing for a person who restricted the processing of their data."""
    if enrolment.user.processing_restricted_at is not None:
        return
    now = timezone.now()
    launches = LtiLaunchedEnrolment.objects.filter(enrolment=enrolment).select_related(
        "link"
    )
    for launched in launches:
        link = launched.link
        if not link.lineitem_url or SCOPE_SCORE not in link.ags_scopes:
            continue
        LtiScore.objects.create(
            launch=launched,
            payload=score_payload(enrolment=enrolment, sub=launched.sub),
            next_attempt_at=now,
        )


@dataclass(frozen=True)
class Member:
    sub: str
    name: str
    email: str
    roles: tuple[str, ...]
    status: str


def read_roster(*, link: LtiResourceLink, client: PlatformClient | None = None):
    """The members of the platform course behind ``link`` (NRPS); raises
    ``client.PlatformError`` when the platform cannot answer."""
    if not link.memberships_url:
        return []
    client = client or PlatformClient(link.platform)
    return [
        Member(
            sub=claim_text(member.get("user_id"), 255),
            name=claim_text(member.get("name"), 200),
            email=claim_text(member.get("email"), 254),
            roles=tuple(claim_strings(member.get("roles"))),
            status=claim_text(member.get("status", "Active"), 20),
        )
        for member in client.memberships(link.memberships_url)
        if isinstance(member, dict)
    ]


@transaction.atomic
def retry_failed(*, by, request=None) -> int:
    """An administrator sends the failed scores again now."""
    count = LtiScore.objects.filter(status=LtiScore.Status.FAILED).update(
        next_attempt_at=timezone.now(), attempts=0
    )
    record_event(actor=by, action="lti.retry_failed", request=request, count=count)
    return count


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): the person's platform identities
    and the scores not yet sent go (what a platform holds stays there)."""
    identities = LtiIdentity.objects.filter(user=person).count()
    LtiIdentity.objects.filter(user=person).delete()
    unsent = (
        LtiScore.objects.filter(launch__enrolment__user=person)
        .exclude(status=LtiScore.Status.SENT)
        .count()
    )
    LtiScore.objects.filter(launch__enrolment__user=person).delete()
    LtiLaunchedEnrolment.objects.filter(enrolment__user=person).delete()
    counts = {}
    if identities:
        counts["lti_identities_removed"] = identities
    if unsent:
        counts["lti_scores_unsent_removed"] = unsent
    return counts
