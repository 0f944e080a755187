"""Writes about people: profile saving, the privacy notice, the chosen language."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.users.models import UserProfile

from lms.audit.services import record_event
from lms.steps import run_steps

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
    run_steps("SIGAP_PEOPLE_CHANGED_STEPS", user_ids=[user.pk])
    return profile


def acknowledge_privacy_notice(*, user: User) -> None:
    """Record when the privacy notice was shown and accepted (UU 27/2022)."""
    if user.privacy_notice_shown_at is None:
        user.privacy_notice_shown_at = timezone.now()
        user.save(update_fields=["privacy_notice_shown_at"])
        record_event(actor=user, action="privacy.notice_acknowledged", target=user)


def choose_language(*, user: User, language: str) -> None:
    """Store the language ``user`` reads Sigap in: the site after sign-in, the
    Wagtail admin and every e-mail to them. One place for everyone, Wagtail's
    ``UserProfile.preferred_language`` (what staff set in the admin's account
    settings)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unsupported language {language!r}")
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
