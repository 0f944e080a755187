"""Send a signed-in person to the privacy notice until they have seen it."""

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
