"""allauth adapter: Sigap's hooks into sign-up and sign-in."""

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from lms.client_ip import client_ip
from lms.emails import recipient_language

from .models import User


def on_site(url: str) -> str:
    """``url`` with ``SITE_URL``'s scheme and host instead of the request's."""
    parts = urlsplit(url)
    return settings.SITE_URL + urlunsplit(("", "", parts.path, parts.query, ""))


class AccountAdapter(DefaultAccountAdapter):
    """After sign-in, a person who has not seen the privacy notice sees it first.

    The links with a secret key that allauth e-mails (verify an address, set a new
    password) and the site its e-mails name point at ``SITE_URL``, like every other
    absolute link Sigap writes, never at the Host header of the request that asked
    for them.
    """

    def post_login(self, request, user, **kwargs):
        """The site switches to the person's stored language as they sign in, on
        whichever device (the footer's switcher stores it, as does the profile)."""
        response = super().post_login(request, user, **kwargs)
        if hasattr(response, "set_cookie"):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                recipient_language(user),
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

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

    def get_email_confirmation_url(self, request, emailconfirmation):
        return on_site(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return on_site(super().get_reset_password_from_key_url(key))

    def send_mail(self, template_prefix, email, context):
        site = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc
        )
        # The other links (sign up, reset password, in the "you already have an
        # account" and "unknown account" e-mails) too.
        links = {
            name: on_site(value)
            for name, value in context.items()
            if name.endswith("_url")
            and isinstance(value, str)
            and value.startswith(("http://", "https://"))
        }
        # In the recipient's language, not the language of whoever asked (an
        # address unknown to Sigap gets the asker's).
        recipient = context.get("user")
        if recipient is None:
            recipient = User.objects.filter(email__iexact=email).first()
        language = (
            recipient_language(recipient)
            if recipient is not None and recipient.pk
            else translation.get_language()
        )
        with translation.override(language):
            super().send_mail(
                template_prefix, email, {"current_site": site, **context, **links}
            )
