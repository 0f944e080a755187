"""Send a signed-in person to the privacy notice until they have seen it."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

EXEMPT_PREFIXES = (
    "/akun/",
    "/accounts/",
    "/static/",
    "/media/",
    "/v/",
    "/i18n/",
    "/health",
)


class ProfileRequiredMiddleware:
    """First sign-in: show the privacy notice (UU 27/2022) before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.privacy_notice_shown_at is None
            and request.method == "GET"
            and not request.path.startswith(EXEMPT_PREFIXES)
        ):
            return redirect(f"{reverse('accounts:privacy_notice')}?next={request.path}")
        return self.get_response(request)


STAFF_AREAS = ("/cms/", "/hr/")


def has_mfa(user) -> bool:
    """True when the person has a TOTP authenticator (recovery codes come with it)."""
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


class StaffMfaRequiredMiddleware:
    """Trainers, reviewers, HR and admins set up MFA before /cms/ or /hr/.

    Without an authenticator they are sent to allauth's TOTP activation, and come
    back to where they were going afterwards. Learners may use MFA; they need not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .permissions import is_staff_role

        user = getattr(request, "user", None)
        if (
            request.path.startswith(STAFF_AREAS)
            and user is not None
            and user.is_authenticated
            and is_staff_role(user)
            and not has_mfa(user)
        ):
            from django.contrib import messages
            from django.utils.translation import gettext as _

            messages.info(
                request,
                _(
                    "Peran Anda mewajibkan autentikasi dua langkah. Aktifkan "
                    "aplikasi autentikator terlebih dahulu."
                ),
            )
            activate = reverse("mfa_activate_totp")
            return redirect(f"{activate}?next={request.get_full_path()}")
        return self.get_response(request)


class SigapCSPMiddleware(CSPMiddleware):
    """django-csp with one exception: the Wagtail admin (/cms/) still has inline
    scripts and styles in some panels and widgets, so only there are they allowed,
    and only there may a page be framed by itself (the live preview)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/cms/") and parts.replace is None:
            parts.replace = settings.SIGAP_CSP_CMS_REPLACE
        return parts
