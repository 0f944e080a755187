"""Writes about people: profile saving and the privacy notice."""

from django.db import transaction
from django.utils import timezone

from lms.audit.services import record_event

from .forms import AsnProfileForm
from .models import AsnProfile, User


@transaction.atomic
def save_profile(*, user: User, form: AsnProfileForm) -> AsnProfile:
    """Save a valid profile form; derive the employee type and instansi."""
    profile: AsnProfile = form.save(commit=False)
    profile.user = user
    if form.employee_number is not None:
        profile.employee_type = form.employee_number.type
    profile.instansi = profile.unit.instansi if profile.unit else None
    profile.mark_complete()
    profile.save()
    record_event(actor=user, action="profile.update", target=profile)
    return profile


def acknowledge_privacy_notice(*, user: User) -> None:
    """Record when the privacy notice was shown and accepted (UU 27/2022)."""
    if user.privacy_notice_shown_at is None:
        user.privacy_notice_shown_at = timezone.now()
        user.save(update_fields=["privacy_notice_shown_at"])
        record_event(actor=user, action="privacy.notice_acknowledged", target=user)
