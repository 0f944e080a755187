"""When the database is unreachable, people get a calm Indonesian 503 page.

Django turns any uncaught exception into ``handler500``; this one answers 503
("layanan sementara tidak tersedia", with ``Retry-After``) when the cause is a lost
database connection, and the plain 500 page otherwise. The page is rendered without
a request context, so that showing it never touches the database again, and it never
contains a stack trace. Service resumes by itself: each request opens or health-checks
its connection (``CONN_HEALTH_CHECKS``).
"""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _caused_by_database_error(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, DATABASE_ERRORS):
            return True
        error = error.__cause__ or error.__context__
    return False


def _database_answers() -> bool:
    try:
        # Drop a broken connection so the probe reconnects; never inside an atomic
        # block (closing there would break the enclosing transaction for good).
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_ERRORS:
        return False
    return True


def is_database_outage(error: BaseException | None) -> bool:
    """True when ``error`` came from the database and the database does not answer.

    A bad query also raises ``OperationalError`` (SQLite says so for a full-text
    syntax error); that is a bug to see as a 500, not an outage to wait out.
    """
    return _caused_by_database_error(error) and not _database_answers()


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """``handler500``: 503 for a database outage, the plain 500 page otherwise."""
    if is_database_outage(sys.exc_info()[1]):
        return service_unavailable()
    try:
        return HttpResponseServerError(loader.render_to_string("500.html"))
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return HttpResponseServerError(
            "<h1>Terjadi kesalahan pada server (500)</h1>", content_type="text/html"
        )
