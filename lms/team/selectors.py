"""What a supervisor sees of their team, and nothing else: per person the name,
unit, enrolments (course, progress %, deadline, overdue), JP this year against
the target, and valid certificates with their public verification address.

No NIP, quiz answers or scores, evaluation answers or time spent: the team page
is not the HR record (lms.hr.transcript).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrolment
from courses.selectors import lesson_progress
from lms.accounts.models import AsnProfile, User
from lms.hr.jp import jp_per_user, jp_target


@dataclass(frozen=True)
class TeamEnrolment:
    enrolment_id: int
    course_title: str
    completed: bool
    percent: int
    deadline: datetime.date | None
    overdue: bool


@dataclass(frozen=True)
class TeamCertificate:
    course_title: str
    verify_url: str


@dataclass(frozen=True)
class TeamMember:
    user_id: int
    name: str
    unit: str
    enrolments: list[TeamEnrolment]
    jp: int
    jp_target: int
    certificates: list[TeamCertificate]

    @property
    def overdue_count(self) -> int:
        return sum(1 for row in self.enrolments if row.overdue)

    @property
    def jp_met(self) -> bool:
        return self.jp >= self.jp_target


def is_overdue(enrolment: Enrolment, *, today: datetime.date) -> bool:
    """An enrolment is overdue when it is not completed and its deadline (set by
    HR at bulk enrolment) has passed. Enrolments without a deadline never are."""
    return (
        not enrolment.is_completed
        and enrolment.deadline is not None
        and enrolment.deadline < today
    )


def team_profiles(supervisor: User):
    """The ASN profiles of ``supervisor``'s active team members."""
    return (
        AsnProfile.objects.filter(supervisor=supervisor, user__is_active=True)
        .select_related("user", "unit")
        .order_by("full_name", "pk")
    )


def team_of(
    *, supervisor: User, now: datetime.datetime | None = None
) -> list[TeamMember]:
    """The team page of ``supervisor`` (their direct reports only), people with
    overdue items first."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    year = timezone.localtime(now).year
    profiles = list(team_profiles(supervisor))
    ids = [profile.user_id for profile in profiles]
    enrolments: dict[int, list[Enrolment]] = {}
    for enrolment in (
        Enrolment.objects.current()
        .filter(user__in=ids)
        .select_related("course")
        .order_by("status", "deadline", "-enrolled_at")
    ):
        enrolments.setdefault(enrolment.user_id, []).append(enrolment)
    jp = dict(jp_per_user(year=year).filter(user__in=ids).values_list("user", "jp"))
    certificates: dict[int, list[TeamCertificate]] = {}
    for certificate in (
        Certificate.objects.filter(user__in=ids, status=Certificate.Status.VALID)
        .select_related("course")
        .order_by("-issued_at")
    ):
        if certificate.user_id is None or certificate.is_expired(today):
            continue
        certificates.setdefault(certificate.user_id, []).append(
            TeamCertificate(
                course_title=certificate.course.title if certificate.course else "",
                verify_url=certificate.get_absolute_url(),
            )
        )
    target = jp_target()
    members = [
        TeamMember(
            user_id=profile.user_id,
            name=profile.full_name_with_titles or profile.user.display_name,
            unit=profile.unit.name if profile.unit else "",
            enrolments=[
                TeamEnrolment(
                    enrolment_id=enrolment.pk,
                    course_title=enrolment.course.title,
                    completed=enrolment.is_completed,
                    percent=(
                        100
                        if enrolment.is_completed
                        else lesson_progress(enrolment=enrolment).percent
                    ),
                    deadline=enrolment.deadline,
                    overdue=is_overdue(enrolment, today=today),
                )
                for enrolment in enrolments.get(profile.user_id, [])
            ],
            jp=jp.get(profile.user_id, 0) or 0,
            jp_target=target,
            certificates=certificates.get(profile.user_id, []),
        )
        for profile in profiles
    ]
    # Whoever has overdue items first, then by name.
    return sorted(members, key=lambda member: -member.overdue_count)


@dataclass(frozen=True)
class OverdueItem:
    name: str
    course_title: str
    deadline: datetime.date


def overdue_items(*, supervisor: User, today: datetime.date) -> list[OverdueItem]:
    """The team's overdue enrolments, for the weekly digest."""
    return [
        OverdueItem(
            name=enrolment.user.display_name,
            course_title=enrolment.course.title,
            deadline=enrolment.deadline,
        )
        for enrolment in Enrolment.objects.in_progress()
        .filter(
            user__asn_profile__supervisor=supervisor,
            user__is_active=True,
            deadline__lt=today,
        )
        .select_related("user", "user__asn_profile", "course")
        .order_by("deadline", "pk")
    ]


def supervisors_with_overdue(*, today: datetime.date):
    """Active supervisors who have at least one overdue team item and did not opt
    out of the weekly digest."""
    overdue = Enrolment.objects.in_progress().filter(
        deadline__lt=today, user__is_active=True
    )
    return (
        User.objects.filter(
            is_active=True,
            pk__in=AsnProfile.objects.filter(user__in=overdue.values("user")).values(
                "supervisor"
            ),
        )
        .exclude(asn_profile__supervisor_digest_opt_out=True)
        .order_by("pk")
    )
