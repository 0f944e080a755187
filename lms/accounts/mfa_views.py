"""allauth's MFA set-up, returning the person to where they were going.

Staff are sent to set up an authenticator on their way to a staff screen
(``StaffMfaRequiredMiddleware`` adds ``?next=``). allauth's own view ends on the
recovery codes and forgets ``next`` (its form posts to the bare URL), so the
address is kept in the session and the recovery codes page offers "Lanjutkan".
"""

from urllib.parse import urlencode

from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.urls import reverse

from .views import safe_next

SESSION_KEY = "sigap_mfa_next"


class ActivateTOTPThenContinue(ActivateTOTPView):
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


activate_totp = ActivateTOTPThenContinue.as_view()
view_recovery_codes = RecoveryCodesThenContinue.as_view()
