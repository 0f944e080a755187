"""Site-wide middleware of our own."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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


class RejectNulMiddleware:
    """A NUL character anywhere in the path, a query or a form field is a 400.

    No person types NUL, PostgreSQL refuses it in every text and JSON column (the
    driver raises, which would be a 500), and ``forms.CharField`` already refuses it;
    this catches the views and third-party code that read ``request.GET`` or
    ``request.POST`` directly. Only form-encoded bodies are read here (as the CSRF
    check would read them anyway); JSON and file contents are left to their views.
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
        return self.get_response(request)
