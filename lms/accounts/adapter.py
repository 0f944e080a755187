"""allauth adapter: Sigap's hooks into sign-up and sign-in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lms.client_ip import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """After sign-in, a person who has not seen the privacy notice sees it first."""

    def get_login_redirect_url(self, request):
        if request.user.privacy_notice_shown_at is None:
            return reverse("accounts:privacy_notice")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return reverse("accounts:privacy_notice")

    def get_client_ip(self, request):
        # One rule for every per-client limit (lms/client_ip.py): allauth's own
        # would answer 500 to a request whose X-Forwarded-For is shorter than the
        # number of trusted proxies.
        address = client_ip(request)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address")
        return address
