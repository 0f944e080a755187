"""Named predicates for the HR workspace."""

from lms.accounts.permissions import is_admin, is_hr

from .scope import user_in_hr_scope


def can_use_hr_workspace(user) -> bool:
    """Only HR officers and administrators reach /hr/."""
    return bool(user.is_authenticated and (is_admin(user) or is_hr(user)))


def can_view_person_record(user, person) -> bool:
    """HR may open a learner's record only when the learner is in their scope."""
    return can_use_hr_workspace(user) and user_in_hr_scope(user, person)
