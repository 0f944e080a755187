from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from lms.lti import client as lti_client
from lms.lti.platform_fake import FakePlatform


@pytest.fixture(autouse=True)
def _fresh_rate_limits(fresh_rate_limits):
    """Each test's launches start uncounted: Sigap limits login initiations per
    address, and with Redis the counts of the tests before would remain."""


@pytest.fixture
def platform_fake(monkeypatch):
    """A Moodle-shaped platform answering Sigap's calls in-process."""
    fake = FakePlatform()
    monkeypatch.setattr(
        lti_client, "make_session", lambda: fake.mount(requests.Session())
    )
    return fake


@pytest.fixture
def platform(platform_fake, db):
    return platform_fake.register()


def target_for(course) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}/lti/kursus/{course.pk}/"


def start_login(client, fake, course) -> dict:
    """The platform's login initiation; what Sigap sends the browser on with."""
    response = client.post(
        "/lti/login/",
        {
            "iss": fake.issuer,
            "client_id": fake.client_id,
            "login_hint": "41",
            "lti_message_hint": "moodle-hint",
            "target_link_uri": target_for(course),
        },
    )
    assert response.status_code == 302, response.content
    location = response["Location"]
    assert location.startswith(fake.auth_login_url + "?")
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}


def post_launch(client, fake, claims: dict, state: str):
    """The id_token with ``claims``, signed by the platform, posted back as the
    browser ``client`` does after the platform's sign-in."""
    return client.post("/lti/launch/", {"id_token": fake.sign(claims), "state": state})


def launch(client, fake, course, *, change=None, remove=(), **sign_options):
    """A whole launch: login initiation, then the id_token posted back."""
    request = start_login(client, fake, course)
    claims = fake.launch_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    claims.update(change or {})
    for name in remove:
        claims.pop(name, None)
    token = fake.sign(claims, **sign_options)
    return (
        client.post("/lti/launch/", {"id_token": token, "state": request["state"]}),
        token,
        request,
    )
