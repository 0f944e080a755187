"""Security headers: CSP without inline scripts, framing and referrer policies."""

import pytest

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    directives = response["Content-Security-Policy"].split(";")
    return {d.strip().split(" ")[0]: d.strip() for d in directives if d.strip()}


def test_public_pages_forbid_inline_scripts_and_framing(client, catalog):
    response = client.get("/accounts/login/")
    csp = _csp(response)
    assert csp["script-src"] == "script-src 'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "frame-ancestors 'none'"
    assert csp["object-src"] == "object-src 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_the_wagtail_admin_gets_the_relaxed_policy(client):
    from tests.factories import UserFactory

    admin_user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin_user)

    response = client.get("/cms/")
    assert response.status_code == 200
    csp = _csp(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == "frame-ancestors 'self'"


def test_our_templates_have_no_inline_scripts_or_styles(settings):
    from pathlib import Path

    offenders = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text()
        if "<script>" in text or '<script type="text/javascript">' in text:
            offenders.append(f"{path}: inline <script>")
        if ' style="' in text or " onclick=" in text:
            offenders.append(f"{path}: inline style/handler")
    assert not offenders


def test_production_settings_pass_check_deploy(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PYTEST_VERSION"}}
    env.update(
        SECRET_KEY="x" * 20 + "prod-like-secret-key-for-check-deploy-0123456789",
        ALLOWED_HOSTS="sigap.example.go.id",
        SITE_URL="https://sigap.example.go.id",
        DATABASE_URL=f"sqlite:///{tmp_path}/deploy.sqlite3",
        SIGAP_TESTING="0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
