"""Named predicates about courses and learning records."""

from lms.accounts.permissions import is_admin


def can_view_enrolment(user, enrolment) -> bool:
    return user.is_authenticated and (enrolment.user_id == user.pk or is_admin(user))


def can_study(user, course, enrolment) -> bool:
    """Lessons are for enrolled learners, the course's trainer and administrators."""
    if not user.is_authenticated:
        return False
    return enrolment is not None or course.trainer_id == user.pk or is_admin(user)


def can_enrol(user) -> bool:
    """Enrolment needs a completed ASN profile (the NIP goes on the certificate)."""
    profile = getattr(user, "asn_profile", None)
    return user.is_authenticated and profile is not None and profile.is_complete
