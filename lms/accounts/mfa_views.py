"""allauth's MFA set-up, returning the person to where they were going.

Staff are sent to set up an authenticator on their way to a staff screen
(``StaffMfaRequiredMiddleware`` adds ``?next=``). allauth's own view ends on the
recovery codes and forgets ``next`` (its form posts to the bare URL), so the
address is kept in the session and the recovery codes page offers "Lanjutkan".

In the demo (``SIGAP_DEMO``, ``make demo``) the set-up and the code pages also show
the authenticator's current code, so that the staff demo accounts can be tried
without an authenticator app; everywhere else the code exists only in the app.
"""

import time
from urllib.parse import urlencode

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.adapter import get_adapter
from allauth.mfa.base.views import AuthenticateView
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.views import ActivateTOTPView
from django.conf import settings
from django.urls import reverse

from .views import safe_next

SESSION_KEY = "sigap_mfa_next"


def demo_code(secret: str) -> str:
    """The authenticator's current code for ``secret``, only in the demo."""
    if not settings.SIGAP_DEMO or not secret:
        return ""
    period = mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


class ActivateTOTPThenContinue(ActivateTOTPView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["demo_code"] = demo_code(context["form"].secret)
        return context

    def get(self, request, *args, **kwargs):
        if target := safe_next(request, ""):
            request.session[SESSION_KEY] = target
        return super().get(request, *args, **kwargs)

    def get_success_url(self) -> str:
        url = super().get_success_url()
        target = self.request.session.pop(SESSION_KEY, "")
        if not target:
            return url
        if url == reverse("mfa_view_recovery_codes"):
            # The codes are shown once: read them, then go on.
            return f"{url}?{urlencode({'next': target})}"
        return target


class RecoveryCodesThenContinue(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["continue_url"] = safe_next(self.request, "")
        return context


class AuthenticateShowingDemoCode(AuthenticateView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        if settings.SIGAP_DEMO:  # outside the demo, no need to read the secret
            totp = Authenticator.objects.filter(
                user=self.stage.login.user, type=Authenticator.Type.TOTP
            ).first()
            secret = get_adapter().decrypt(totp.data["secret"]) if totp else ""
            context["demo_code"] = demo_code(secret)
        return context


authenticate = AuthenticateShowingDemoCode.as_view()
activate_totp = ActivateTOTPThenContinue.as_view()
view_recovery_codes = RecoveryCodesThenContinue.as_view()
