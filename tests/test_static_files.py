"""Deploying: ``collectstatic`` with the production storage's hashing (every file
a stylesheet or script names must exist) succeeds, and pages then name the hashed
files.

The vendored SCORM runtime once ended with ``//# sourceMappingURL=...map``, a map
Sigap does not ship: the manifest storage refused it and the production
``collectstatic`` of docs/operations.md failed. The demo and the tests serve
static files unhashed, so nothing else would notice."""

from django.core.management import call_command
from django.templatetags.static import static

# The production storage without its compression (whitenoise gzips and brotlis
# every file: half a minute), which changes no name.
HASHED_STATIC = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


def test_collectstatic_with_hashed_names_succeeds(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": HASHED_STATIC},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    hashed = static("vendor/scorm-again/scorm-again.min.js")
    assert hashed != "/static/vendor/scorm-again/scorm-again.min.js"
    name = hashed.removeprefix(settings.STATIC_URL)
    assert (settings.STATIC_ROOT / name).exists()
