"""Friendly pages for refused requests that Django's own handlers do not cover.

Django renders ``400.html``, ``403.html`` and ``404.html`` from ``templates/`` by
itself; ``handler500`` is ``lms.resilience.server_error`` (database outages).
"""

from django.conf import settings
from django.shortcuts import render


def csrf_failure(request, reason: str = ""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid security token, most
    often from a page left open too long. Says what to do instead of Django's
    English "CSRF verification failed"; the technical reason only in debug."""
    return render(
        request,
        "403_csrf.html",
        {"reason": reason if settings.DEBUG else ""},
        status=403,
    )
