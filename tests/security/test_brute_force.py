"""The sixth wrong password for one account within five minutes is refused on
every sign-in page: allauth's, and the Wagtail admin's (which goes through it)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

PASSWORD = "rahasia-uji-123"
SIGN_IN_PAGES = ["/accounts/login/", "/cms/login/", "/django-admin/login/"]


def _sign_in(client, start: str, email: str, password: str):
    """Open a sign-in page as a person would (following redirects) and submit."""
    page = client.get(start, follow=True)
    form_url = page.request["PATH_INFO"]
    return client.post(form_url, {"login": email, "password": password})


@pytest.mark.parametrize(
    "start", ["/cms/login/", "/django-admin/login/", "/_util/login/"]
)
def test_every_sign_in_page_goes_through_allauth(client, start):
    response = client.get(start + "?next=/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/cms/" in response["Location"]


def test_posting_credentials_to_the_wagtail_login_does_not_sign_in(client):
    user = UserFactory()
    client.post("/cms/login/", {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("start", SIGN_IN_PAGES)
def test_sixth_attempt_is_refused_even_with_the_right_password(client, start):
    user = UserFactory()
    for _ in range(5):
        response = _sign_in(client, start, user.email, "salah-sandi")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    response = _sign_in(client, start, user.email, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_failures_on_one_page_count_on_the_other(client):
    user = UserFactory()
    for _ in range(5):
        _sign_in(client, "/accounts/login/", user.email, "salah-sandi")
    _sign_in(client, "/cms/login/", user.email, PASSWORD)
    assert "_auth_user_id" not in client.session


def test_five_failures_then_the_right_password_signs_in(client):
    user = UserFactory()
    for _ in range(4):
        _sign_in(client, "/accounts/login/", user.email, "salah-sandi")
    response = _sign_in(client, "/accounts/login/", user.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_limit_is_per_account_not_global(client):
    victim, other = UserFactory(), UserFactory()
    for _ in range(5):
        _sign_in(client, "/accounts/login/", victim.email, "salah-sandi")
    _sign_in(client, "/accounts/login/", other.email, PASSWORD)
    assert client.session["_auth_user_id"] == str(other.pk)
