"""Signed credentials (VC 2.0 as JWT), checked with joserfc, an independent JOSE
library: Sigap signs with PyJWT, so a shared bug cannot hide itself."""

import base64
import gzip
import json
import re
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from joserfc import jws, jwt
from joserfc.jwk import KeySet

from certificates.credentials import STATUS_LIST_SIZE, sign_credential
from certificates.services import issue_certificate, revoke_certificate
from certificates.vc_keys import create_signing_key, issuer_id, reset_keys
from tests.factories import AsnProfileFactory, complete_enrolment_for


def published_key_set(client) -> KeySet:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    return KeySet.import_key_set(response.json())


def independently_verified(client, token: str) -> tuple[dict, dict]:
    """(header, claims) of a JWS verified by joserfc with the published JWKS."""
    decoded = jwt.decode(token, published_key_set(client), algorithms=["ES256"])
    return decoded.header, decoded.claims


@pytest.fixture
def token(certificate):
    return sign_credential(certificate=certificate)


@pytest.fixture
def other_certificate(unit, course):
    other = AsnProfileFactory(unit=unit).user
    return issue_certificate(enrolment=complete_enrolment_for(other, course))


@pytest.fixture
def admin(user_factory):
    return user_factory(roles=["Admin"])


def status_bit(client, token: str) -> bool:
    """The credential's bit, read from the served status list with joserfc, gzip
    and base64 only (no Sigap code)."""
    claims = json.loads(base64.urlsafe_b64decode(_payload_part(token)))
    entry = claims["credentialStatus"]
    response = client.get(urlsplit(entry["statusListCredential"]).path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    _header, status_list = independently_verified(client, response.content.decode())
    assert "BitstringStatusListCredential" in status_list["type"]
    subject = status_list["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")
    bits = gzip.decompress(
        base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    )
    assert len(bits) * 8 >= 131_072
    index = int(entry["statusListIndex"])
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _payload_part(token: str) -> str:
    part = token.split(".")[1]
    return part + "=" * (-len(part) % 4)


def test_credential_is_a_vc_jwt_that_an_independent_library_verifies(
    client, certificate, token
):
    header, claims = independently_verified(client, token)
    assert header["typ"] == "vc+jwt" and header["cty"] == "vc"
    assert header["alg"] == "ES256"
    assert header["kid"].startswith(issuer_id() + "#")
    assert claims["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["id"] == certificate.verification_url
    assert claims["iss"] == claims["issuer"]["id"] == issuer_id()
    assert claims["issuer"]["name"] == certificate.institution_name
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] == certificate.course_title
    assert claims["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert claims["credentialStatus"]["statusPurpose"] == "revocation"


def test_did_document_publishes_the_signing_key_as_an_assertion_method(client, token):
    document = client.get("/.well-known/did.json").json()
    assert document["id"] == issuer_id() == "did:web:127.0.0.1%3A8000"
    kid = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))["kid"]
    assert kid in document["assertionMethod"]
    method = next(m for m in document["verificationMethod"] if m["id"] == kid)
    key_set = KeySet.import_key_set({"keys": [{**method["publicKeyJwk"]}]})
    assert jws.deserialize_compact(token, key_set, algorithms=["ES256"])


def test_every_certificate_gets_its_own_status_list_index(
    certificate, other_certificate
):
    indexes = {certificate.status_list_index, other_certificate.status_list_index}
    assert None not in indexes and len(indexes) == 2
    assert max(indexes) < STATUS_LIST_SIZE


def test_revoking_sets_the_bit_of_that_certificate_only(
    client,
    certificate,
    other_certificate,
    admin,
    shared_memory_cache,
    django_capture_on_commit_callbacks,
):
    revoked = sign_credential(certificate=certificate)
    kept = sign_credential(certificate=other_certificate)
    assert status_bit(client, revoked) is False  # the list is now cached
    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(
            certificate=certificate, by=admin, reason="Data kelulusan ternyata keliru."
        )
    assert status_bit(client, revoked) is True
    assert status_bit(client, kept) is False


def test_revoked_credential_shows_revoked_like_the_verification_page(
    client, certificate, token, admin, django_capture_on_commit_callbacks
):
    page = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "Kredensial sah" in page
    with django_capture_on_commit_callbacks(execute=True):
        revoke_certificate(
            certificate=certificate, by=admin, reason="Data kelulusan ternyata keliru."
        )
    response = client.post("/v/kredensial/", {"token": token})
    page = response.content.decode()
    assert response.status_code == 200
    assert "sudah dicabut" in page and "Kredensial sah" not in page
    assert "Dicabut" in page
    assert "Sertifikat dicabut" in client.get(f"/v/{certificate.code}").content.decode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _altered(token: str) -> str:
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["credentialSubject"]["achievement"]["creditsAvailable"] = 999
    return ".".join([header, _b64(json.dumps(claims).encode()), signature])


def _signed_by_a_stranger(token: str) -> str:
    """Same header (the published kid) and claims, signed with another key."""
    import jwt as pyjwt

    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    claims = json.loads(base64.urlsafe_b64decode(_payload_part(token)))
    stranger = ec.generate_private_key(ec.SECP256R1())
    return pyjwt.encode(claims, stranger, algorithm="ES256", headers=header)


def _unknown_kid(token: str) -> str:
    import jwt as pyjwt

    claims = json.loads(base64.urlsafe_b64decode(_payload_part(token)))
    stranger = ec.generate_private_key(ec.SECP256R1())
    headers = {"typ": "vc+jwt", "kid": issuer_id() + "#kunci-lain"}
    return pyjwt.encode(claims, stranger, algorithm="ES256", headers=headers)


def _alg_none(token: str) -> str:
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    header["alg"] = "none"
    return ".".join([_b64(json.dumps(header).encode()), token.split(".")[1], ""])


@pytest.mark.parametrize(
    ("forge", "message"),
    [
        (lambda token: "bukan-jwt", "formatnya rusak"),
        (lambda token: token[: len(token) // 2], "formatnya rusak"),
        (lambda token: "a.b.c", "formatnya rusak"),
        (_altered, "isi kredensial telah diubah"),
        (_signed_by_a_stranger, "isi kredensial telah diubah"),
        (_unknown_kid, "Kunci penanda tangan tidak dikenal"),
        (_alg_none, "Algoritma tanda tangan none tidak diterima"),
    ],
    ids=["not-a-jwt", "cut-off", "garbage", "altered", "forged", "unknown-kid", "none"],
)
def test_forged_or_altered_credentials_are_refused(client, token, forge, message):
    response = client.post("/v/kredensial/", {"token": forge(token)})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Kredensial sah" not in page


def test_expired_credential_is_not_valid(client, certificate):
    import datetime

    certificate.valid_until = datetime.date(2020, 1, 31)
    certificate.save(update_fields=["valid_until"])
    token = sign_credential(certificate=certificate)
    page = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "masa berlakunya sudah berakhir" in page
    assert "Kredensial sah" not in page


def test_credentials_signed_before_a_key_rotation_still_verify(
    client, settings, tmp_path, token
):
    old_pem = settings.SIGAP_VC_SIGNING_KEY
    settings.SIGAP_VC_SIGNING_KEY = str(create_signing_key(tmp_path / "baru.pem"))
    settings.SIGAP_VC_RETIRED_KEYS = [str(tmp_path / "lama.pem")]
    (tmp_path / "lama.pem").write_text(old_pem)
    reset_keys()
    assert len(client.get("/.well-known/jwks.json").json()["keys"]) == 2
    independently_verified(client, token)
    page = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "Kredensial sah" in page


def test_holder_downloads_the_credential_others_do_not(
    client, learner, certificate, user_factory
):
    client.force_login(learner)
    page = client.get(f"/sertifikat/{certificate.code}/kredensial/")
    assert page.status_code == 200
    assert "OpenBadgeCredential" in page.content.decode()
    response = client.get(f"/sertifikat/{certificate.code}/kredensial.jwt")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert "attachment" in response["Content-Disposition"]
    assert ".jwt" in response["Content-Disposition"]
    independently_verified(client, response.content.decode())
    client.force_login(user_factory())
    assert (
        client.get(f"/sertifikat/{certificate.code}/kredensial.jwt").status_code == 404
    )


def test_revoked_certificate_gets_no_new_credential(
    client, learner, certificate, admin
):
    revoke_certificate(certificate=certificate, by=admin, reason="Keliru dicatat.")
    client.force_login(learner)
    assert (
        client.get(f"/sertifikat/{certificate.code}/kredensial.jwt").status_code == 404
    )
    page = client.get(f"/sertifikat/{certificate.code}/kredensial/").content.decode()
    assert "kredensial tidak diterbitkan" in page


def test_without_an_issuer_key_nothing_is_published(client, settings, certificate):
    settings.SIGAP_VC_SIGNING_KEY = ""
    settings.LOCAL = False
    reset_keys()
    assert client.get("/.well-known/jwks.json").status_code == 404
    assert client.get("/.well-known/did.json").status_code == 404
    assert client.get("/v/status/0").status_code == 404


def test_alg_none_in_the_private_key_setting_is_impossible(settings):
    """A public key alone cannot be the signing key (a misconfiguration fails)."""
    settings.SIGAP_VC_SIGNING_KEY = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        .decode()
    )
    reset_keys()
    from certificates.vc_keys import signing_key

    with pytest.raises(ValueError, match="private key"):
        signing_key()


def test_holder_checks_the_credential_from_its_page(client, learner, certificate):
    """The demo's path: Kredensial digital (VC) → Periksa kredensial ini."""
    client.force_login(learner)
    listing = client.get("/sertifikat/").content.decode()
    assert f"/sertifikat/{certificate.code}/kredensial/" in listing
    page = client.get(f"/sertifikat/{certificate.code}/kredensial/")
    assert page["Cache-Control"] == "private, no-store"
    token = re.search(
        r'name="token"[^>]*>([^<]+)</textarea>', page.content.decode()
    ).group(1)
    result = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "Kredensial sah" in result
    assert certificate.number in result


# joserfc warns that RFC 9864 deprecates "EdDSA" for "Ed25519"; verifiers still
# expect "EdDSA" (docs/interoperability.md).
@pytest.mark.filterwarnings("ignore:EdDSA is deprecated")
def test_an_ed25519_issuer_key_signs_eddsa_credentials(client, settings, certificate):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    settings.SIGAP_VC_SIGNING_KEY = (
        ed25519.Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    reset_keys()
    token = sign_credential(certificate=certificate)
    decoded = jwt.decode(token, published_key_set(client), algorithms=["EdDSA"])
    assert decoded.header["alg"] == "EdDSA"
    page = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "Kredensial sah" in page


def test_kid_is_the_did_plus_the_rfc_7638_thumbprint(client, token):
    """joserfc computes the thumbprint on its own; the kid must end with it."""
    from joserfc.jwk import import_key

    for jwk in client.get("/.well-known/jwks.json").json()["keys"]:
        thumbprint = import_key(jwk).thumbprint()
        assert jwk["kid"] == f"{issuer_id()}#{thumbprint}"


@pytest.mark.parametrize(
    "typed",
    ["", "a\x00b", "x" * 25_000, "e30.e30.", "..", "<script>alert(1)</script>.a.b"],
    ids=["empty", "nul", "huge", "empty-json", "dots", "markup"],
)
def test_hostile_input_to_the_checker_is_a_400_and_never_echoed(db, client, typed):
    response = client.post("/v/kredensial/", {"token": typed})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()


def test_a_reissued_certificates_old_credential_says_replaced(
    client, certificate, token, admin, django_capture_on_commit_callbacks
):
    from certificates.services import reissue_certificate

    with django_capture_on_commit_callbacks(execute=True):
        new = reissue_certificate(
            certificate=certificate, by=admin, reason="Nama salah ketik."
        )
    assert status_bit(client, token) is True
    page = client.post("/v/kredensial/", {"token": token}).content.decode()
    assert "sudah diganti" in page and "Kredensial sah" not in page
    fresh = sign_credential(certificate=new)
    assert status_bit(client, fresh) is False
    assert (
        "Kredensial sah"
        in client.post("/v/kredensial/", {"token": fresh}).content.decode()
    )


def test_only_lists_that_hold_certificates_are_served(client, certificate):
    assert client.get("/v/status/0").status_code == 200
    assert client.get("/v/status/1").status_code == 404
    assert client.get("/v/status/" + "9" * 25).status_code == 404


def test_a_status_entry_with_unicode_digits_is_not_read(db):
    """'²' passes str.isdigit() and breaks int(): a forged credential's status
    entry in other digits is unreadable, not a server error."""
    from certificates.credentials import _revoked_in_status_list, status_list_url

    prefix = status_list_url(0)[: -len("0")]
    for number, index in (("²", "1"), ("0", "⑤"), ("٣", "٣")):
        entry = {
            "statusPurpose": "revocation",
            "statusListCredential": prefix + number,
            "statusListIndex": index,
        }
        assert _revoked_in_status_list(entry) is None
