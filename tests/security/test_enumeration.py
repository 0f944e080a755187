"""Signing up and resetting a password do not tell whether an e-mail has an account.

With mandatory e-mail verification (production's default), signing up with a taken
address answers exactly as a new one does ("we sent you a verification e-mail"),
and the e-mail goes to the address's owner instead; a password reset answers the
same for known and unknown addresses.
"""

import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from lms.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

PASSWORD = "Sandi-Baru-yang-Panjang-2026"
# What differs between any two responses: the per-visitor CSRF token.
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def mandatory_verification(settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"


def _visitor(language: str = "id") -> Client:
    """A new visitor (own session) who chose ``language`` on the site."""
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _as_seen(client, path: str, data: dict) -> tuple:
    """What the requester learns: status, redirect, the page it leads to (with the
    address they typed in it blanked out), and whether they are signed in."""
    response = client.post(path, data)
    page = client.get(response["Location"]) if response.status_code == 302 else None
    text = CSRF_TOKEN.sub("", (page or response).content.decode())
    text = re.sub(re.escape(data["email"]), "<email>", text, flags=re.IGNORECASE)
    signed_in = "_auth_user_id" in client.session
    return response.status_code, response.get("Location"), text, signed_in


def _sign_up(client, email: str) -> tuple:
    return _as_seen(
        client,
        "/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


@pytest.mark.parametrize("language", ["id", "en"])
def test_sign_up_with_a_taken_email_looks_like_a_new_one(
    mandatory_verification, language
):
    owner = UserFactory(email="pemilik@contoh.go.id")
    taken = _sign_up(_visitor(language), "Pemilik@contoh.go.id")
    new = _sign_up(_visitor(language), "Baru@contoh.go.id")
    assert taken == new
    assert taken[0] == 302
    # The owner hears about the attempt; nothing was created for the requester.
    assert [message.to for message in mail.outbox] == [
        [owner.email],
        ["baru@contoh.go.id"],
    ]
    assert User.objects.filter(email__iexact="pemilik@contoh.go.id").count() == 1


def test_password_reset_answers_the_same_for_known_and_unknown_emails(
    db,
):
    UserFactory(email="pemilik@contoh.go.id")
    known = _as_seen(
        _visitor(), "/accounts/password/reset/", {"email": "pemilik@contoh.go.id"}
    )
    unknown = _as_seen(
        _visitor(), "/accounts/password/reset/", {"email": "asing@contoh.go.id"}
    )
    assert known == unknown
    assert known[0] == 302


def test_production_defaults_to_mandatory_verification_and_no_enumeration(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "PYTEST_VERSION"}}
    env.pop("ACCOUNT_EMAIL_VERIFICATION", None)
    env.update(
        SECRET_KEY="x" * 50, SIGAP_TESTING="0", DJANGO_SETTINGS_MODULE="lms.settings"
    )
    probe = (
        "from django.conf import settings as s;"
        "print(s.ACCOUNT_EMAIL_VERIFICATION,"
        " getattr(s, 'ACCOUNT_PREVENT_ENUMERATION', True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["mandatory", "True"]
