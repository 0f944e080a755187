"""Named role predicates. Views ask these, never group names directly."""

from django.contrib.auth.models import AnonymousUser

from lms.cache import forget_person, remembered_for_person

from .models import AsnProfile, User

ROLE_LEARNER = "Peserta"
ROLE_TRAINER = "Pengajar"
ROLE_REVIEWER = "Peninjau"
ROLE_HR = "HR"
ROLE_ADMIN = "Admin"
ROLES = [ROLE_LEARNER, ROLE_TRAINER, ROLE_REVIEWER, ROLE_HR, ROLE_ADMIN]


def has_role(user: User | AnonymousUser, role: str) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_sigap_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._sigap_roles = cached
    return role in cached


def is_admin(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, ROLE_ADMIN))


def is_trainer(user) -> bool:
    return has_role(user, ROLE_TRAINER)


def is_reviewer(user) -> bool:
    return has_role(user, ROLE_REVIEWER)


def is_only_trainer(user) -> bool:
    """A trainer who is neither reviewer nor administrator: authors only what is
    their own (courses, their question banks, certificate templates)."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and is_trainer(user)
        and not (is_reviewer(user) or is_admin(user))
    )


def is_hr(user) -> bool:
    return has_role(user, ROLE_HR)


def is_staff_role(user) -> bool:
    """Roles that must use MFA and may reach the Wagtail admin or /hr/."""
    return is_admin(user) or is_trainer(user) or is_reviewer(user) or is_hr(user)


def is_signed_in(user) -> bool:
    return bool(user.is_authenticated)


def can_use_hr_workspace(user) -> bool:
    """Only HR officers and administrators reach /hr/ (lms.hr asks the same)."""
    return is_admin(user) or is_hr(user)


def can_use_django_admin(user) -> bool:
    """Django's own admin (/django-admin/) is for active superusers only."""
    return bool(user.is_active and user.is_superuser)


def can_carry_out_erasure(user) -> bool:
    """Only administrators anonymise a person (UU 27/2022 erasure requests)."""
    return is_admin(user)


# Which links to show is asked on every page; the answer comes from the cache
# (shared by every web process), forgotten whenever the user's roles change.
# Only for what a page *shows*: the views behind the links ask the predicates
# above, on the database's roles.
def shown_role_names(user) -> frozenset[str]:
    """The user's role names, for deciding which links a page shows."""
    if not user.is_authenticated:
        return frozenset()
    # getattr and setattr, not __dict__: request.user is a lazy proxy.
    loaded = getattr(user, "_sigap_roles", None)
    if loaded is not None:
        return frozenset(loaded)
    names = getattr(user, "_sigap_shown_roles", None)
    if names is None:
        names = remembered_for_person(
            user.pk,
            "roles",
            lambda: frozenset(user.groups.values_list("name", flat=True)),
        )
        user._sigap_shown_roles = names
    return names


def forget_shown_roles(user_ids) -> None:
    """The roles of these users changed (now, and again once committed)."""
    forget_person(user_ids)


def shows_staff_links(user) -> bool:
    """Whether pages show the editing tools (Wagtail's userbar)."""
    return user.is_authenticated and (
        user.is_superuser
        or bool(
            shown_role_names(user) & {ROLE_ADMIN, ROLE_TRAINER, ROLE_REVIEWER, ROLE_HR}
        )
    )


def shows_hr_links(user) -> bool:
    """Whether the navigation shows the HR workspace."""
    return user.is_authenticated and (
        user.is_superuser or bool(shown_role_names(user) & {ROLE_ADMIN, ROLE_HR})
    )


def is_supervisor_of(user, person) -> bool:
    """``user`` is ``person``'s direct supervisor (atasan langsung), as HR set it.

    A supervisor sees only what lms.team shows of their team members (enrolments,
    progress, overdue items, JP this year, valid certificates) and may nudge them.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if person is None or person.pk == user.pk:
        return False
    return AsnProfile.objects.filter(
        user=person, supervisor=user, user__is_active=True
    ).exists()


def has_team(user) -> bool:
    """Whether ``user`` is someone's supervisor (the team page is theirs)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    # Asked on every page (the navigation's "Tim saya"): kept per person until
    # ``forget_person`` (HR changing someone's supervisor forgets both sides).
    loaded = getattr(user, "_sigap_has_team", None)
    if loaded is None:
        loaded = remembered_for_person(
            user.pk,
            "has_team",
            lambda: AsnProfile.objects.filter(
                supervisor=user, user__is_active=True
            ).exists(),
        )
        user._sigap_has_team = loaded
    return bool(loaded)
