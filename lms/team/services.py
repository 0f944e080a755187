"""Team writes: a supervisor's nudge, the weekly digest, the digest opt-out."""

import datetime

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.models import AsnProfile, User
from lms.audit.services import record_event
from lms.emails import absolute_url, send_email

from .models import DigestSent, Nudge
from .permissions import can_nudge
from .selectors import overdue_items, supervisors_with_overdue

DIGEST_OPT_OUT_SALT = "sigap.team.digest-opt-out"


class NudgeRefused(Exception):
    """Not the person's supervisor, or the course is completed."""


class NudgeTooSoon(Exception):
    """The person was already reminded about this course recently."""


def nudge(
    *,
    supervisor: User,
    enrolment: Enrolment,
    now: datetime.datetime | None = None,
    request: HttpRequest | None = None,
) -> Nudge:
    """*Ingatkan*: e-mail a team member about one course, at most once per
    ``SIGAP_TEAM_NUDGE_HOURS`` per person and course (whoever nudged)."""
    now = now or timezone.now()
    if not can_nudge(supervisor, enrolment):
        raise NudgeRefused
    since = now - datetime.timedelta(hours=settings.SIGAP_TEAM_NUDGE_HOURS)
    with transaction.atomic():
        # Lock the enrolment row so two clicks cannot both pass the check.
        Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
        if Nudge.objects.filter(enrolment=enrolment, sent_at__gte=since).exists():
            raise NudgeTooSoon
        row = Nudge.objects.create(
            supervisor=supervisor,
            user=enrolment.user,
            enrolment=enrolment,
            sent_at=now,
        )
        record_event(
            actor=supervisor,
            action="team.nudge",
            target=enrolment.user,
            request=request,
            enrolment=enrolment.pk,
        )
    send_email(
        kind="team_nudge",
        to=enrolment.user,
        context={
            "name": enrolment.user.display_name,
            "supervisor": supervisor.display_name,
            "course": enrolment.course,
            "deadline": enrolment.deadline,
            "my_courses_url": absolute_url("courses:my_courses"),
        },
        link=absolute_url("courses:my_courses"),
    )
    return row


def digest_opt_out_token(user: User) -> str:
    """The signed token of the one-click opt-out link in the digest e-mail."""
    return signing.dumps(user.pk, salt=DIGEST_OPT_OUT_SALT)


def user_from_opt_out_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=DIGEST_OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def set_digest_opt_out(*, user: User, opt_out: bool) -> None:
    """The supervisor's preference: no weekly digest (``opt_out=True``)."""
    AsnProfile.objects.filter(user=user).update(supervisor_digest_opt_out=opt_out)


def digest_due(now: datetime.datetime) -> bool:
    """The digest goes out from Monday ``SIGAP_TEAM_DIGEST_HOUR``:00 (local time,
    Asia/Jakarta) on, once per ISO week; a worker that was down on Monday
    catches up later in the week."""
    local = timezone.localtime(now)
    monday = local.date() - datetime.timedelta(days=local.weekday())
    start = datetime.datetime.combine(
        monday, datetime.time(settings.SIGAP_TEAM_DIGEST_HOUR), tzinfo=local.tzinfo
    )
    return local >= start


def send_weekly_digests(*, now: datetime.datetime | None = None) -> int:
    """One e-mail to each supervisor with overdue team items (and no opt-out),
    once per ISO week; how many were sent."""
    now = now or timezone.now()
    if not digest_due(now):
        return 0
    local = timezone.localtime(now)
    today = local.date()
    year, week, _weekday = today.isocalendar()
    sent = 0
    for supervisor in supervisors_with_overdue(today=today):
        items = overdue_items(supervisor=supervisor, today=today)
        if not items:
            continue
        try:
            with transaction.atomic():
                DigestSent.objects.create(
                    supervisor=supervisor,
                    year=year,
                    week=week,
                    overdue=len(items),
                    sent_at=now,
                )
        except IntegrityError:
            continue  # already sent this week
        send_email(
            kind="team_digest",
            to=supervisor,
            context={
                "name": supervisor.display_name,
                "items": items,
                "team_url": absolute_url("team:index"),
                "opt_out_url": absolute_url(
                    "team:digest_opt_out", token=digest_opt_out_token(supervisor)
                ),
            },
            link=absolute_url("team:index"),
        )
        sent += 1
    return sent
