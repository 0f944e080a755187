"""Site-wide middleware of our own."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from lms.numbers import parse_int

WAGTAIL_BULK_PREFIX = "/cms/bulk/"


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    """Bahasa Indonesia unless the person chose another language on the site.

    Many phones in Indonesia run an English interface; their Accept-Language header
    says nothing about the language a civil servant wants to learn in, so only an
    explicit choice (the language cookie set by the footer's switcher) counts.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def _holds_nul(params) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in params.lists()
    )


def _unreadable_bulk_ids(request) -> bool:
    """Wagtail's bulk actions look up ``?id=`` as given: 25 digits overflow."""
    return request.path.startswith(WAGTAIL_BULK_PREFIX) and any(
        value != "all" and parse_int(value) is None
        for value in request.GET.getlist("id")
    )


class MalformedInputMiddleware:
    """A 400 for what no form can send and the database cannot take.

    - NUL anywhere in the path, a query or a form field: no person types it,
      PostgreSQL refuses it in every text and JSON column (the driver raises, a
      500), and ``forms.CharField`` already refuses it; this catches the views and
      third-party code that read ``request.GET`` or ``request.POST`` directly.
    - An id in a Wagtail bulk action that is no database integer.

    Only form-encoded bodies are read here (as the CSRF check would read them
    anyway); JSON and file contents are left to their views.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or _holds_nul(request.GET)
            or (request.method == "POST" and _holds_nul(request.POST))
        ):
            raise BadRequest("NUL character in the request")
        if _unreadable_bulk_ids(request):
            raise BadRequest("id out of range")
        return self.get_response(request)
