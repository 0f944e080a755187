"""Absolute links (QR codes, printed verification addresses, e-mails, Wagtail's
page links) point at ``SITE_URL``; ``make demo`` sets it to the address it serves."""

import os
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core import mail
from wagtail.models import Site

from demo.steps import courses as demo
from tests.conftest import settings_from_environment
from tests.factories import UserFactory


def test_site_url_follows_the_environment(monkeypatch):
    configured = settings_from_environment(
        monkeypatch, SITE_URL="http://10.1.2.3:8123/"
    )
    assert configured["SITE_URL"] == "http://10.1.2.3:8123"
    assert configured["WAGTAILADMIN_BASE_URL"] == "http://10.1.2.3:8123"


def _make_demo_dry_run(**env) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    environ = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT"}}
    result = subprocess.run(
        ["make", "-n", "demo", *(f"{k}={v}" for k, v in env.items())],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


def _commands(output: str, command: str) -> list[str]:
    return [line for line in output.splitlines() if f"manage.py {command}" in line]


@pytest.mark.parametrize("port", ["8000", "8123"])
def test_make_demo_seeds_and_serves_with_the_address_it_serves(port):
    output = _make_demo_dry_run(PORT=port)
    for command in ("seed_demo", "runserver"):
        (line,) = _commands(output, command)
        assert re.search(rf"\bSITE_URL=http://127\.0\.0\.1:{port}\s", line), line
    assert _commands(output, "runserver")[0].endswith(f"127.0.0.1:{port}")


def test_make_demo_keeps_a_site_url_that_is_set():
    output = _make_demo_dry_run(PORT="8123", SITE_URL="https://demo.example.go.id")
    (line,) = _commands(output, "runserver")
    assert "SITE_URL=https://demo.example.go.id " in line


def test_demo_site_follows_site_url_for_wagtails_page_links(catalog, settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    demo._site_follows_site_url()
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://127.0.0.1:8123"
    assert catalog.full_url.startswith("http://127.0.0.1:8123/")


@pytest.fixture
def fresh_cache(db):
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_password_reset_link_points_at_site_url_not_the_host_header(
    client, settings, fresh_cache
):
    settings.SITE_URL = "https://sigap.example.go.id"
    settings.ALLOWED_HOSTS = ["testserver", "penyerang.example"]
    user = UserFactory()
    client.post(
        "/accounts/password/reset/",
        {"email": user.email},
        HTTP_HOST="penyerang.example",
    )
    (message,) = mail.outbox
    assert "https://sigap.example.go.id/accounts/password/reset/key/" in message.body
    assert "penyerang.example" not in message.body


@pytest.mark.parametrize("taken", [False, True], ids=["new-address", "taken-address"])
def test_sign_up_emails_link_and_name_site_url(client, settings, fresh_cache, taken):
    settings.SITE_URL = "https://sigap.example.go.id"
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    if taken:
        UserFactory(email="baru@contoh.go.id")
    password = "Sandi-Baru-yang-Panjang-2026"
    client.post(
        "/accounts/signup/",
        {"email": "baru@contoh.go.id", "password1": password, "password2": password},
    )
    (message,) = mail.outbox
    assert "https://sigap.example.go.id/accounts/" in message.body
    assert "testserver" not in message.body
