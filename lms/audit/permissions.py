"""Named predicates for the audit trail.

The audit app sits below lms.accounts, so it does not ask for roles by name: the
screens require Django's model permission ``audit.view_auditevent``, which the
Admin role holds (``lms.accounts.roles.RIGHTS``, docs/roles.md) and superusers
have anyway.
"""


def can_view_audit_trail(user) -> bool:
    """Who filters and exports the audit trail in the Wagtail admin."""
    return bool(user.is_authenticated and user.has_perm("audit.view_auditevent"))
