"""`make demo` runs Sigap locally (SIGAP_DEMO=1) without Django's debug pages: a
visitor probing the demo sees the friendly error pages, never the URL patterns,
a traceback or the settings."""

import os
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import override_settings

from tests.conftest import settings_from_environment


def test_demo_settings_are_local_but_not_debug(monkeypatch):
    monkeypatch.delenv("DEBUG", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    configured = settings_from_environment(monkeypatch, SIGAP_DEMO="1")
    assert configured["DEBUG"] is False
    assert configured["LOCAL"] is True
    assert "127.0.0.1" in configured["ALLOWED_HOSTS"]
    assert configured["SECURE_SSL_REDIRECT"] is False  # plain HTTP on 127.0.0.1


def test_make_demo_never_turns_on_debug():
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    environ = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    output = subprocess.run(
        ["make", "-n", "demo"],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    served = [line for line in output.splitlines() if "manage.py runserver" in line]
    assert served and all("SIGAP_DEMO=1" in line for line in served)
    assert not any("DEBUG=1" in line for line in served)


@pytest.mark.django_db
@override_settings(DEBUG=False, LOCAL=True)
def test_unknown_address_in_the_demo_shows_the_friendly_page_not_the_url_list(
    client,
):
    response = client.get("/tidak-ada-di-sigap/", HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 404
    body = response.content.decode()
    # Django's technical 404 lists every URL pattern ("Using the URLconf ...").
    assert "URLconf" not in body and "^django-admin/" not in body
    assert "Halaman tidak ditemukan" in body
