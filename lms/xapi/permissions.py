"""Named rules for the xAPI outbox screens."""

from lms.accounts.permissions import is_admin


def can_view_xapi_outbox(user) -> bool:
    """Who sees the xAPI outbox (counts, failures) and sends failed statements
    again: administrators (the Admin role and superusers)."""
    return is_admin(user)
