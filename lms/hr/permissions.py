"""Named predicates for the HR workspace.

Who may use it and whose records an officer sees are rules of ``lms.accounts``
(``permissions.can_use_hr_workspace``, ``scope``); lms.hr asks them from below.
"""

from lms.accounts.permissions import can_use_hr_workspace
from lms.accounts.scope import person_in_hr_scope

__all__ = ["can_use_hr_workspace", "can_view_person_record"]


def can_view_person_record(user, person) -> bool:
    """HR may open a learner's record only when the learner is in their scope."""
    return can_use_hr_workspace(user) and person_in_hr_scope(user, person)
