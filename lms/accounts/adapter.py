"""allauth adapter: Sigap's hooks into sign-up and sign-in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """After sign-in, a person who has not seen the privacy notice sees it first."""

    def get_login_redirect_url(self, request):
        if request.user.privacy_notice_shown_at is None:
            return reverse("accounts:privacy_notice")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return reverse("accounts:privacy_notice")
