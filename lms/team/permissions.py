"""Named rules of the team page: asked from lms.accounts (being a supervisor is
derived from ``AsnProfile.supervisor``, not a group)."""

from lms.accounts.permissions import has_team, is_supervisor_of

__all__ = ["can_nudge", "has_team", "is_supervisor_of"]


def can_nudge(user, enrolment) -> bool:
    """A supervisor may nudge a team member about that member's active course."""
    return (
        enrolment is not None
        and not enrolment.is_completed
        and is_supervisor_of(user, enrolment.user)
    )
