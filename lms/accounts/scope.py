"""Organisation scope: the one place that decides which people an HR officer sees.

An HR officer (role HR, attached to an ``OrgUnit`` by ``HrOfficer``) sees the
people whose unit kerja lies in that node's subtree. Administrators see everyone.
Anyone else sees no one. Every HR view, chart, export and download, and every
other app that shows someone's records to HR (certificates, competencies), asks
these functions, so scope is enforced where data is read.

Two questions, two names:

- ``filter_in_hr_scope(queryset, user, via="user")`` narrows a queryset of any
  model to the records of people in scope;
- ``person_in_hr_scope(user, person)`` answers for one person.
"""

from django.db.models import Q, QuerySet

from .models import AsnProfile, HrOfficer, OrgUnit, User
from .permissions import is_admin, is_hr

_UNSET = object()


def sees_everyone(user) -> bool:
    """Administrators are not limited to a subtree."""
    return is_admin(user)


def hr_scope_root(user) -> OrgUnit | None:
    """The node an HR officer is attached to, or None (not an attached HR officer).

    Administrators also get None: ask ``sees_everyone`` first.
    """
    if not getattr(user, "is_authenticated", False) or not is_hr(user):
        return None
    cached = getattr(user, "_sigap_hr_root", _UNSET)
    if cached is _UNSET:
        officer = HrOfficer.objects.select_related("unit").filter(user=user).first()
        cached = officer.unit if officer else None
        user._sigap_hr_root = cached
    return cached


def hr_scope_units(user) -> QuerySet[OrgUnit]:
    """Every organisation node the user may see as HR (all of them for admins)."""
    if sees_everyone(user):
        return OrgUnit.objects.all()
    root = hr_scope_root(user)
    if root is None:
        return OrgUnit.objects.none()
    return root.subtree()


def scope_q(user, *, unit_lookup: str) -> Q | None:
    """A filter on ``<unit_lookup>__path`` for the user's scope.

    Returns ``None`` when the user sees everything; ``Q(pk__in=[])`` when nothing.
    """
    if sees_everyone(user):
        return None
    root = hr_scope_root(user)
    if root is None:
        return Q(pk__in=[])
    return Q(**{f"{unit_lookup}__path__startswith": root.path})


def filter_in_hr_scope(queryset: QuerySet, user, *, via: str = "user") -> QuerySet:
    """Narrow ``queryset`` to records of people in the user's HR scope.

    ``via`` is the lookup from the queryset's model to the person (a ``User``);
    use ``via=""`` for a ``User`` queryset itself. The filter is a semi-join on
    the ASN profiles in scope, so large tables are not joined row by row.
    """
    if sees_everyone(user):
        return queryset
    lookup = f"{via}__in" if via else "pk__in"
    return queryset.filter(**{lookup: profiles_in_scope(user).values("user_id")})


def profiles_in_scope(user) -> QuerySet[AsnProfile]:
    """ASN profiles the user may see as HR."""
    condition = scope_q(user, unit_lookup="unit")
    qs = AsnProfile.objects.all()
    return qs if condition is None else qs.filter(condition)


def users_in_scope(user) -> QuerySet[User]:
    """Users (with an ASN profile in scope) the user may see as HR."""
    return filter_in_hr_scope(User.objects.all(), user, via="")


def unit_in_hr_scope(user, unit: OrgUnit | None) -> bool:
    """Whether an organisation node lies in the user's HR scope."""
    if unit is None:
        return sees_everyone(user)
    if sees_everyone(user):
        return True
    root = hr_scope_root(user)
    return root is not None and unit.path.startswith(root.path)


def person_in_hr_scope(user, person: User) -> bool:
    """Whether ``user`` may see ``person``'s records as HR (administrators: all)."""
    if sees_everyone(user):
        return True
    root = hr_scope_root(user)
    if root is None:
        return False
    profile = AsnProfile.objects.filter(user=person).select_related("unit").first()
    return (
        profile is not None
        and profile.unit is not None
        and profile.unit.path.startswith(root.path)
    )
