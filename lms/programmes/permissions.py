"""Who may author a programme and read its compliance report.

Administrators author every programme; an HR officer authors the programmes
owned by a unit in their scope, and gives rules only on units in their scope.
Any HR officer may read a programme's report: its figures are narrowed to the
people in their scope (``lms.accounts.scope``).
"""

from lms.accounts.permissions import can_use_hr_workspace
from lms.accounts.scope import hr_scope_root, sees_everyone


def can_read_programmes(user) -> bool:
    return can_use_hr_workspace(user)


def can_author_programme(user, programme=None) -> bool:
    """May create programmes (``programme`` None) or edit this one."""
    if not can_use_hr_workspace(user):
        return False
    if sees_everyone(user):
        return True
    root = hr_scope_root(user)
    if root is None:
        return False
    return programme is None or programme.owner_unit.path.startswith(root.path)
