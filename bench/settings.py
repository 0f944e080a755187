"""Benchmark settings: production settings, except that static files are served from
the source folders (no `collectstatic` before each run). Nothing else differs."""

from lms.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
