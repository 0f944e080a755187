"""Named predicates for competency records, the JP ledger and claims.

HR scope (an HR officer sees the people of one organisation subtree) is decided
by ``lms.accounts.scope``; this module only asks it.
"""

from lms.accounts.permissions import is_admin, is_hr
from lms.accounts.scope import filter_in_hr_scope, person_in_hr_scope


def claims_in_hr_scope(queryset, officer):
    """Narrow a claim queryset to the learners ``officer`` answers for."""
    return filter_in_hr_scope(queryset, officer, via="user")


def can_view_own_competencies(user) -> bool:
    """Every signed-in person has a competency profile and a JP ledger."""
    return user.is_authenticated


def can_view_evidence(user, evidence) -> bool:
    """A learner sees their own evidence; HR in scope and administrators too."""
    if not user.is_authenticated:
        return False
    if evidence.user_id == user.pk:
        return True
    return (is_admin(user) or is_hr(user)) and person_in_hr_scope(user, evidence.user)


def can_submit_claim(user) -> bool:
    """Claims count towards an ASN's JP, so they need a completed ASN profile."""
    profile = getattr(user, "asn_profile", None)
    return user.is_authenticated and profile is not None and profile.is_complete


def can_view_claim(user, claim) -> bool:
    return user.is_authenticated and (
        claim.user_id == user.pk or can_review_claim(user, claim)
    )


def can_use_claim_review(user) -> bool:
    """Who reaches the review queue at all (it then shows only their scope)."""
    return user.is_authenticated and (is_admin(user) or is_hr(user))


def can_review_claim(user, claim) -> bool:
    """HR officers whose scope holds the learner (or administrators); never the
    claimant themself."""
    if not can_use_claim_review(user) or claim.user_id == user.pk:
        return False
    return person_in_hr_scope(user, claim.user)
