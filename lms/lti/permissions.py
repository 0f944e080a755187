"""Named rules for the LTI screens."""

from lms.accounts.permissions import is_admin


def can_manage_lti(user) -> bool:
    """Who registers platforms, sees the tool's keys and the score outbox, and
    reads a roster: administrators (the Admin role and superusers)."""
    return is_admin(user)
