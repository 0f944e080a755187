"""A platform's id_token is signed, but what it says is not trusted: a claim of the
wrong type, too long for its column, or holding NUL and control characters gets
a refusal (4xx) or is stored cleaned, never a server error (PostgreSQL refuses
NUL in text and JSON, and every column has a length)."""

import pytest
from django.test import Client

from lms.accounts.models import User
from lms.audit.models import AuditEvent
from lms.lti.launch import CLAIM, CLAIM_AGS, CLAIM_NRPS
from lms.lti.models import LtiDeepLinkRequest, LtiIdentity, LtiResourceLink

from .conftest import post_launch, start_login, target_for

pytestmark = pytest.mark.django_db

HOSTILE = {
    "long": "x" * 300,
    "nul": "a\x00b",
    "control": "a\x1b[31mb\x7f",
    "number": 12345,
    "null": None,
    "object": {"a": {"b": 1}},
    "list": ["a", {"b": 1}],
    "empty": "",
}
# Where each claim sits in the token: a top-level name, or (name, key) inside one.
PLACES = [
    "iss",
    "aud",
    "nonce",
    "sub",
    "email",
    "name",
    CLAIM + "context",
    (CLAIM + "context", "id"),
    (CLAIM + "context", "title"),
    (CLAIM + "resource_link", "id"),
    CLAIM + "roles",
    CLAIM + "target_link_uri",
    CLAIM + "custom",
    (CLAIM + "custom", "kursus"),
    CLAIM_NRPS,
    (CLAIM_NRPS, "context_memberships_url"),
    CLAIM_AGS,
    (CLAIM_AGS, "scope"),
    (CLAIM_AGS, "lineitem"),
    CLAIM + "deployment_id",
]
# Each place gets every hostile value, one launch each; a list of roles holding an
# object is the roles' own "list" case.
HOSTILE_ROLES = {**HOSTILE, "list": [{"x": 1}]}


def _place_id(place) -> str:
    name = place if isinstance(place, str) else "/".join(place)
    return name.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _set(claims: dict, place, value) -> None:
    if isinstance(place, str):
        claims[place] = value
    else:
        outer, key = place
        claims.setdefault(outer, {})
        claims[outer] = {**claims[outer], key: value}


def _has_control_characters(text: str) -> bool:
    return any(ord(char) < 32 or ord(char) == 127 for char in text)


def _kept_clean() -> None:
    """What Sigap kept of every accepted launch fits its columns and holds no
    control characters."""
    for identity in LtiIdentity.objects.select_related("user"):
        for text in (identity.sub, identity.user.email, identity.user.name):
            assert not _has_control_characters(text), text
        assert len(identity.sub) <= 255
    for link in LtiResourceLink.objects.all():
        for text in (
            link.resource_link_id,
            link.context_id,
            link.context_title,
            link.memberships_url,
            link.lineitem_url,
            *link.ags_scopes,
        ):
            assert isinstance(text, str)
            assert not _has_control_characters(text), text


@pytest.mark.parametrize("place", PLACES, ids=[_place_id(place) for place in PLACES])
def test_a_hostile_claim_is_refused_or_stored_clean_never_a_server_error(
    platform, platform_fake, course, place
):
    values = HOSTILE_ROLES if place == CLAIM + "roles" else HOSTILE
    for name, value in values.items():
        browser = Client(enforce_csrf_checks=True)
        request = start_login(browser, platform_fake, course)
        claims = platform_fake.launch_claims(
            nonce=request["nonce"], target_link_uri=target_for(course)
        )
        _set(claims, place, value)
        identities = LtiIdentity.objects.count()
        refusals = AuditEvent.objects.filter(action="lti.launch_refused").count()

        response = post_launch(browser, platform_fake, claims, request["state"])

        assert response.status_code in (302, 400, 403), (name, response.status_code)
        if response.status_code == 302:
            _kept_clean()
            continue
        assert "Peluncuran LTI ditolak" in response.content.decode(), name
        assert (
            AuditEvent.objects.filter(action="lti.launch_refused").count()
            == refusals + 1
        ), name
        assert LtiIdentity.objects.count() == identities, name


@pytest.mark.parametrize("hostile", ["long", "nul", "number", "object", "empty"])
def test_a_deep_linking_request_with_a_hostile_sub_is_refused_or_kept_clean(
    platform, platform_fake, course, hostile
):
    browser = Client(enforce_csrf_checks=True)
    request = start_login(browser, platform_fake, course)
    claims = platform_fake.deep_linking_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    claims["sub"] = HOSTILE[hostile]

    response = post_launch(browser, platform_fake, claims, request["state"])

    assert response.status_code in (200, 400, 403), response.status_code
    for row in LtiDeepLinkRequest.objects.all():
        assert row.sub and len(row.sub) <= 255
        assert not _has_control_characters(row.sub)


def test_an_email_claim_that_is_no_address_is_refused_on_the_first_launch(
    platform, platform_fake, course
):
    browser = Client(enforce_csrf_checks=True)
    request = start_login(browser, platform_fake, course)
    claims = platform_fake.launch_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    claims["email"] = "bukan alamat"

    response = post_launch(browser, platform_fake, claims, request["state"])

    assert response.status_code == 400
    assert "email" in response.content.decode()
    assert not User.objects.filter(email="bukan alamat").exists()


@pytest.mark.parametrize(
    ("key", "hostile"),
    [
        ("deep_link_return_url", "https://moodle.test/\x00return"),
        ("deep_link_return_url", "https://moodle.test/" + "x" * 1000),
        ("deep_link_return_url", 12345),
        ("data", "a\x00b"),
        ("data", {"a": 1}),
        ("data", "x" * 5000),
        ("accept_types", "ltiResourceLink"),
    ],
)
def test_hostile_deep_linking_settings_are_refused_never_a_server_error(
    platform, platform_fake, course, key, hostile
):
    browser = Client(enforce_csrf_checks=True)
    request = start_login(browser, platform_fake, course)
    claims = platform_fake.deep_linking_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    name = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
    claims[name] = {**claims[name], key: hostile}

    response = post_launch(browser, platform_fake, claims, request["state"])

    assert response.status_code == 400
    assert not LtiDeepLinkRequest.objects.exists()
