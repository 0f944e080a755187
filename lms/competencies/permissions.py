"""Named predicates for competency records, the JP ledger and claims.

HR scope (an HR officer sees the people of one organisation subtree) is decided
by ``lms.hr.scope``; ``_person_in_hr_scope`` and ``claims_in_hr_scope`` are the
only two places here that ask it.
"""

from lms.accounts.permissions import is_admin, is_hr
from lms.hr.scope import in_hr_scope, user_in_hr_scope


def _person_in_hr_scope(officer, person) -> bool:
    return user_in_hr_scope(officer, person)


def claims_in_hr_scope(queryset, officer):
    """Narrow a claim queryset to the learners ``officer`` answers for."""
    return in_hr_scope(queryset, officer, via="user")


def can_view_own_competencies(user) -> bool:
    """Every signed-in person has a competency profile and a JP ledger."""
    return user.is_authenticated


def can_view_evidence(user, evidence) -> bool:
    """A learner sees their own evidence; HR in scope and administrators too."""
    if not user.is_authenticated:
        return False
    if evidence.user_id == user.pk:
        return True
    return (is_admin(user) or is_hr(user)) and _person_in_hr_scope(user, evidence.user)


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
    return _person_in_hr_scope(user, claim.user)
