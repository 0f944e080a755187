"""Health endpoints for load balancers, benchmarks and operators.

``/health/ping`` proves the process answers (no database: also the benchmark's
"minimal Django view"); ``/health/db`` proves the database answers too.
"""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def ping(request):
    """Answer from the process alone, through the full middleware stack."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def database(request):
    """Answer after one trivial query; a database failure becomes the 503 page."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
