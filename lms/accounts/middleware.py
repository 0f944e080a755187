"""Request guards: privacy notice first, MFA for staff, CSP, safe file downloads."""

from urllib.parse import quote

from allauth.mfa.models import Authenticator
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .permissions import is_staff_role

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
            notice = reverse("accounts:privacy_notice")
            return redirect(f"{notice}?next={quote(request.get_full_path(), safe='/')}")
        return self.get_response(request)


# Django's admin shows every record to a superuser: a staff area like the others.
STAFF_AREAS = ("/cms/", "/hr/", "/django-admin/")


def has_mfa(user) -> bool:
    """True when the person has a TOTP authenticator (recovery codes come with it)."""
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


def staff_area(view):
    """Mark a view outside /cms/ and /hr/ as a staff screen (learner data, reports,
    certificate management): staff roles need MFA to open it, as in those areas."""
    view.sigap_staff_area = True
    return view


def staff_mfa_redirect(request):
    """The way to MFA set-up when the user holds a staff role and has no
    authenticator yet, else None.

    Staff screens ask it through ``StaffMfaRequiredMiddleware``; a view that shows
    a learner their own record and staff someone else's (a certificate, evidence)
    asks it itself once it knows whose record it is.
    """
    user = getattr(request, "user", None)
    if (
        user is None
        or not user.is_authenticated
        or not is_staff_role(user)
        or has_mfa(user)
    ):
        return None
    messages.info(
        request,
        _(
            "Peran Anda mewajibkan autentikasi dua langkah. Aktifkan "
            "aplikasi autentikator terlebih dahulu."
        ),
    )
    activate = reverse("mfa_activate_totp")
    return redirect(f"{activate}?next={quote(request.get_full_path(), safe='/')}")


class StaffMfaRequiredMiddleware:
    """Trainers, reviewers, HR and admins set up MFA before any staff screen.

    Staff screens are /cms/, /hr/, /django-admin/ and every view marked with
    ``staff_area``; views that show staff someone else's record outside them ask
    ``staff_mfa_redirect`` themselves. Without an authenticator staff are sent to
    allauth's TOTP activation, and come back to where they were going afterwards.
    Learners may use MFA; they need not.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(STAFF_AREAS) or getattr(
            view_func, "sigap_staff_area", False
        ):
            return staff_mfa_redirect(request)
        return None


class SigapCSPMiddleware(CSPMiddleware):
    """django-csp with one exception: the Wagtail admin (/cms/) still has inline
    scripts and styles in some panels and widgets, so only there are they allowed,
    and only there may a page be framed by itself (the live preview)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith("/cms/") and parts.replace is None:
            parts.replace = settings.SIGAP_CSP_CMS_REPLACE
        return parts


class SafeFileResponseMiddleware:
    """Every file Sigap serves downloads as an attachment, never rendered inline
    (an uploaded file can then never run as a page of this site), and carries a
    sandboxing CSP in case a browser opens it anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, FileResponse):
            disposition = response.get("Content-Disposition", "")
            if not disposition.startswith("attachment"):
                rest = disposition.split(";", 1)[1] if ";" in disposition else ""
                response["Content-Disposition"] = "attachment" + (
                    ";" + rest if rest else ""
                )
            response["X-Content-Type-Options"] = "nosniff"
            response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        return response
