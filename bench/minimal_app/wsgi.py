"""WSGI entry point of the minimal app (``gunicorn bench.minimal_app.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.minimal_app.settings")

application = get_wsgi_application()
