"""Open Badges 3.0: each certificate as an OpenBadgeCredential."""

import datetime

import pytest

from certificates.badges import open_badge_credential


@pytest.fixture
def badge(certificate):
    return open_badge_credential(certificate)


def test_badge_has_the_required_open_badges_3_properties(badge, certificate):
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert "ob/v3p0/context" in badge["@context"][1]
    assert badge["id"] == certificate.verification_url
    assert set(badge["type"]) == {"VerifiableCredential", "OpenBadgeCredential"}
    assert badge["issuer"]["id"] and "Profile" in badge["issuer"]["type"]
    assert badge["issuer"]["name"] == certificate.institution_name
    assert badge["name"]
    datetime.datetime.fromisoformat(badge["validFrom"].replace("Z", "+00:00"))
    subject = badge["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    assert subject["identifier"][0]["identityHash"] == certificate.holder_name
    achievement = subject["achievement"]
    assert "Achievement" in achievement["type"]
    for key in ("id", "name", "description", "criteria"):
        assert achievement[key]
    assert achievement["criteria"]["narrative"]
    assert "validUntil" not in badge


def test_badge_carries_valid_until_when_the_template_limits_validity(certificate):
    certificate.valid_until = datetime.date(2030, 1, 31)
    badge = open_badge_credential(certificate)
    assert badge["validUntil"].startswith("2030-01-31")


def test_badge_json_is_public_at_the_verification_url(client, certificate):
    response = client.get(f"/v/{certificate.code}/openbadge.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response.json()["id"] == certificate.verification_url
