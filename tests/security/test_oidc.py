"""Single sign-on through an agency's OpenID Connect provider (a fake one here)."""

import json
from unittest import mock
from urllib.parse import parse_qs, urlparse

import pytest
from allauth.socialaccount.models import SocialAccount

from lms.accounts.models import User
from lms.settings import oidc_providers
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

IDP = "https://sso.example.go.id/realms/pemkab"
ENV = {
    "SIGAP_OIDC_SERVER_URL": IDP + "/",
    "SIGAP_OIDC_NAME": "SSO Pemkab",
    "SIGAP_OIDC_CLIENT_ID": "sigap",
    "SIGAP_OIDC_SECRET": "rahasia",
}


class FakeResponse:
    def __init__(self, payload, status=200):
        self.status_code = status
        self._payload = payload
        self.text = json.dumps(payload)
        self.content = self.text.encode()
        self.headers = {"content-type": "application/json"}

    def json(self):
        return self._payload

    def raise_for_status(self):
        pass


def fake_idp(userinfo: dict):
    calls = []

    def request(self, method, url, *args, **kwargs):
        calls.append((method, url))
        if url.endswith("/.well-known/openid-configuration"):
            return FakeResponse(
                {
                    "issuer": IDP,
                    "authorization_endpoint": IDP + "/auth",
                    "token_endpoint": IDP + "/token",
                    "userinfo_endpoint": IDP + "/userinfo",
                    "jwks_uri": IDP + "/certs",
                }
            )
        if url == IDP + "/token":
            return FakeResponse({"access_token": "at-1", "token_type": "Bearer"})
        if url == IDP + "/userinfo":
            return FakeResponse(userinfo)
        raise AssertionError(f"unexpected request to {url}")

    return mock.patch("requests.sessions.Session.request", request), calls


def test_provider_is_configured_from_the_environment():
    app = oidc_providers(ENV)["openid_connect"]["APPS"][0]
    assert app["name"] == "SSO Pemkab"
    assert app["client_id"] == "sigap" and app["secret"] == "rahasia"
    assert app["settings"]["server_url"] == IDP
    assert oidc_providers({}) == {}


@pytest.fixture
def sso(settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_providers(ENV)


def _sign_in_with_sso(client, userinfo: dict):
    patcher, calls = fake_idp(userinfo)
    with patcher:
        start = client.post("/accounts/oidc/instansi/login/")
        assert start.status_code == 302
        location = urlparse(start["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == IDP + "/auth"
        state = parse_qs(location.query)["state"][0]
        response = client.get(
            "/accounts/oidc/instansi/login/callback/", {"code": "c-1", "state": state}
        )
    return response, calls


def test_a_new_civil_servant_signs_up_through_the_agency_sso(client, sso):
    response, calls = _sign_in_with_sso(
        client,
        {"sub": "pegawai-42", "email": "dewi@pemkab.go.id", "email_verified": True},
    )
    assert response.status_code == 302
    user = User.objects.get(email="dewi@pemkab.go.id")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert SocialAccount.objects.get(user=user).uid == "pegawai-42"
    assert ("POST", IDP + "/token") in calls


def test_an_existing_account_with_the_same_verified_email_is_signed_in(client, sso):
    user = UserFactory(email="budi@pemkab.go.id")
    _sign_in_with_sso(
        client,
        {"sub": "pegawai-7", "email": "budi@pemkab.go.id", "email_verified": True},
    )
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_forged_state_is_refused(client, sso):
    patcher, _ = fake_idp({"sub": "x", "email": "x@pemkab.go.id"})
    with patcher:
        client.post("/accounts/oidc/instansi/login/")
        client.get(
            "/accounts/oidc/instansi/login/callback/", {"code": "c", "state": "palsu"}
        )
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="x@pemkab.go.id").exists()
