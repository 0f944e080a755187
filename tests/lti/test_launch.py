"""A platform launches a Sigap course (LTI 1.3): a genuine launch signs the
person in, enrolled, on the course; every forged one is refused with a reason
and audited, and leaves nobody signed in."""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone

from courses.models import Enrolment
from lms.accounts.models import User
from lms.audit.models import AuditEvent
from lms.lti.models import LtiIdentity, LtiLaunchState, LtiResourceLink
from lms.lti.platform_fake import INSTRUCTOR, FakePlatform
from tests.factories import UserFactory

from .conftest import launch, post_launch, start_login, target_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """The learner's browser: Django's CSRF check on, as in production."""
    return Client(enforce_csrf_checks=True)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_full_launch_makes_the_account_enrols_and_lands_on_the_course(
    browser, platform, platform_fake, course
):
    response, _token, _request = launch(browser, platform_fake, course)

    assert response.status_code == 302
    assert response["Location"] == course.url
    person = User.objects.get(email="rina.marlina@bkpsdm.test")
    assert person.name == "Rina Marlina"
    assert not person.has_usable_password()
    assert _signed_in(browser)
    assert Enrolment.objects.filter(user=person, course=course).exists()
    # A new account reads the privacy notice first (UU PDP), then the course.
    first_page = browser.get(course.url)
    assert first_page.status_code == 302
    assert first_page["Location"].startswith("/akun/privasi/?next=")
    link = LtiResourceLink.objects.get()
    assert link.course == course
    assert link.lineitem_url == platform_fake.lineitem_url
    assert link.memberships_url == platform_fake.memberships_url
    event = AuditEvent.objects.get(action="lti.launch")
    assert event.actor == person
    assert event.data["issuer"] == platform_fake.issuer


def test_the_platform_person_keeps_their_account_whatever_email_comes_later(
    browser, platform, platform_fake, course
):
    launch(browser, platform_fake, course)
    browser.logout()
    response, _t, _r = launch(
        browser, platform_fake, course, change={"email": "rina.baru@bkpsdm.test"}
    )
    assert response.status_code == 302
    assert User.objects.filter(email__endswith="bkpsdm.test").count() == 1
    assert LtiIdentity.objects.get().user.email == "rina.marlina@bkpsdm.test"


def test_an_existing_learner_is_matched_by_email(
    browser, platform, platform_fake, course, learner
):
    response, _t, _r = launch(
        browser, platform_fake, course, change={"email": learner.email.upper()}
    )
    assert response.status_code == 302
    assert LtiIdentity.objects.get().user == learner
    assert Enrolment.objects.filter(user=learner, course=course).exists()
    assert browser.get(course.url).status_code == 200


def test_a_staff_account_is_never_signed_in_through_lti(
    browser, platform, platform_fake, course
):
    admin = UserFactory(is_superuser=True, is_staff=True)
    response, _t, _r = launch(
        browser, platform_fake, course, change={"email": admin.email}
    )
    assert response.status_code == 400
    assert not _signed_in(browser)
    assert "MFA" in response.content.decode()


def test_an_instructor_is_signed_in_but_not_enrolled(
    browser, platform, platform_fake, course
):
    roles = {"https://purl.imsglobal.org/spec/lti/claim/roles": [INSTRUCTOR]}
    response, _t, _r = launch(browser, platform_fake, course, change=roles)
    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def _expired() -> dict:
    now = int(time.time())
    return {"iat": now - 3600, "exp": now - 600}


FORGED = {
    "wrong_issuer": {"change": {"iss": "https://palsu.example"}},
    "wrong_audience": {"change": {"aud": "alat-lain"}},
    "unknown_deployment": {
        "change": {"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "99"}
    },
    "expired": {"change": _expired},
    "not_yet_valid": {"change": lambda: {"iat": int(time.time()) + 3600}},
    "wrong_nonce": {"change": {"nonce": "nonce-lain"}},
    "missing_claim": {"remove": ("sub",)},
    "missing_message_type": {
        "remove": ("https://purl.imsglobal.org/spec/lti/claim/message_type",)
    },
    "missing_resource_link": {
        "remove": ("https://purl.imsglobal.org/spec/lti/claim/resource_link",)
    },
    "missing_nonce": {"remove": ("nonce",)},
}
REASON = {
    "missing_message_type": "missing_claim",
    "missing_resource_link": "missing_claim",
    "missing_nonce": "missing_claim",
}


@pytest.mark.parametrize("case", sorted(FORGED))
def test_a_forged_launch_is_refused_audited_and_signs_nobody_in(
    browser, platform, platform_fake, course, case
):
    options = FORGED[case]
    change = options.get("change")
    response, _t, _r = launch(
        browser,
        platform_fake,
        course,
        change=change() if callable(change) else change,
        remove=options.get("remove", ()),
    )
    assert response.status_code == 400
    assert "Peluncuran LTI ditolak" in response.content.decode()
    assert not _signed_in(browser)
    assert not User.objects.filter(email="rina.marlina@bkpsdm.test").exists()
    assert not Enrolment.objects.exists()
    event = AuditEvent.objects.get(action="lti.launch_refused")
    assert event.data["reason"] == REASON.get(case, case)


def test_a_launch_signed_by_another_key_is_refused(
    browser, platform, platform_fake, course
):
    """Same kid, another private key: the signature does not verify."""
    forger = FakePlatform()
    response, _t, _r = launch(
        browser, platform_fake, course, private_key_pem=forger.private_key_pem
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == (
        "bad_signature"
    )


def test_a_launch_signed_by_a_key_the_platform_does_not_publish_is_refused(
    browser, platform, platform_fake, course
):
    forger = FakePlatform()
    response, _t, _r = launch(
        browser,
        platform_fake,
        course,
        private_key_pem=forger.private_key_pem,
        kid=forger.kid,
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == (
        "unknown_key"
    )


def test_a_replayed_launch_is_refused(browser, platform, platform_fake, course):
    response, token, request = launch(browser, platform_fake, course)
    assert response.status_code == 302
    thief = Client(enforce_csrf_checks=True)
    replay = thief.post("/lti/launch/", {"id_token": token, "state": request["state"]})
    assert replay.status_code == 400
    assert "sudah dipakai" in replay.content.decode()
    assert not _signed_in(thief)
    assert (
        AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == "replay"
    )


def test_a_launch_sigap_never_started_is_refused(
    browser, platform, platform_fake, course
):
    claims = platform_fake.launch_claims(nonce="n", target_link_uri=target_for(course))
    response = browser.post(
        "/lti/launch/",
        {"id_token": platform_fake.sign(claims), "state": "dibuat-sendiri"},
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "unknown_state"


def test_a_launch_answered_too_late_is_refused(
    browser, platform, platform_fake, course, time_machine
):
    request = start_login(browser, platform_fake, course)
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=1), tick=False)
    claims = platform_fake.launch_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    response = post_launch(browser, platform_fake, claims, request["state"])
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "state_expired"


def test_a_platform_whose_keys_cannot_be_fetched_cannot_launch(
    browser, platform, platform_fake, course
):
    platform_fake.fail_next("timeout")
    response, _t, _r = launch(browser, platform_fake, course)
    assert response.status_code == 400
    assert "time-out" in response.content.decode()
    assert AuditEvent.objects.get().data["reason"] == "jwks_unavailable"


def test_login_from_an_unregistered_platform_is_refused(browser, platform, course):
    response = browser.post(
        "/lti/login/",
        {
            "iss": "https://moodle-tak-dikenal.test",
            "login_hint": "1",
            "target_link_uri": target_for(course),
        },
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "unknown_platform"
    assert not LtiLaunchState.objects.exists()


def test_login_cannot_send_the_browser_to_another_site(
    browser, platform, platform_fake
):
    response = browser.get(
        "/lti/login/",
        {
            "iss": platform_fake.issuer,
            "login_hint": "1",
            "target_link_uri": "https://jahat.example/curi",
        },
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "foreign_target"


def test_login_initiation_sends_the_registered_client_and_a_fresh_state(
    browser, platform, platform_fake, course
):
    first = start_login(browser, platform_fake, course)
    second = start_login(browser, platform_fake, course)
    assert first["client_id"] == platform_fake.client_id
    assert first["response_mode"] == "form_post"
    assert first["redirect_uri"].endswith("/lti/launch/")
    assert first["lti_message_hint"] == "moodle-hint"
    assert first["state"] != second["state"]
    assert first["nonce"] != second["nonce"]


def test_an_inactive_platform_cannot_start_a_login(
    browser, platform, platform_fake, course
):
    platform.active = False
    platform.save()
    response = browser.post(
        "/lti/login/",
        {
            "iss": platform_fake.issuer,
            "login_hint": "1",
            "target_link_uri": target_for(course),
        },
    )
    assert response.status_code == 400


def test_the_tool_key_set_is_public_and_has_no_private_part(client, db):
    data = client.get("/lti/jwks.json").json()
    assert len(data["keys"]) == 1
    key = data["keys"][0]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["kid"]
    assert "d" not in key and "p" not in key


def test_a_platform_switched_off_during_the_login_cannot_launch(
    browser, platform, platform_fake, course
):
    request = start_login(browser, platform_fake, course)
    platform.active = False
    platform.save()
    claims = platform_fake.launch_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )
    response = post_launch(browser, platform_fake, claims, request["state"])
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "unknown_platform"


@pytest.mark.parametrize("kursus", ["99999999999999999999999", "abc", "-1"])
def test_a_launch_naming_no_course_of_sigap_is_refused(
    browser, platform, platform_fake, course, kursus
):
    custom = {"https://purl.imsglobal.org/spec/lti/claim/custom": {"kursus": kursus}}
    response, _t, _r = launch(browser, platform_fake, course, change=custom)
    assert response.status_code == 400
    assert AuditEvent.objects.get().data["reason"] == "unknown_course"
    assert not _signed_in(browser)


def test_the_course_can_be_named_by_a_custom_parameter(
    browser, platform, platform_fake, course
):
    custom = {
        "https://purl.imsglobal.org/spec/lti/claim/custom": {"kursus": str(course.pk)}
    }
    change = {
        **custom,
        "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "http://127.0.0.1:8000/lti/kursus/",
    }
    response, _t, _r = launch(browser, platform_fake, course, change=change)
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_a_launch_posted_from_another_browser_is_refused(
    browser, platform, platform_fake, course
):
    """Login CSRF: someone starts a login in their own browser and has a victim's
    browser post their fresh id_token and state; the victim would be signed in as
    them. The state counts only in the browser that started the login."""
    attacker = Client(enforce_csrf_checks=True)
    request = start_login(attacker, platform_fake, course)
    claims = platform_fake.launch_claims(
        nonce=request["nonce"], target_link_uri=target_for(course)
    )

    response = post_launch(browser, platform_fake, claims, request["state"])

    assert response.status_code == 400
    assert "tidak dimulai di peramban ini" in response.content.decode()
    assert not _signed_in(browser)
    assert not Enrolment.objects.exists()
    event = AuditEvent.objects.get(action="lti.launch_refused")
    assert event.data["reason"] == "state_not_in_browser"
    # Spent: the attacker's own browser cannot use it afterwards either.
    again = post_launch(attacker, platform_fake, claims, request["state"])
    assert again.status_code == 400


@pytest.mark.parametrize("https", [False, True], ids=["http", "https"])
def test_the_login_ties_its_state_to_the_browser_with_a_cookie(
    browser, platform, platform_fake, course, https
):
    response = browser.post(
        "/lti/login/",
        {
            "iss": platform_fake.issuer,
            "client_id": platform_fake.client_id,
            "login_hint": "41",
            "target_link_uri": target_for(course),
        },
        secure=https,
    )

    state = LtiLaunchState.objects.get()
    cookie = response.cookies[f"sigap_lti_{state.state}"]
    assert cookie["httponly"]
    assert cookie["path"] == "/lti/launch/"
    assert cookie["max-age"] == 600
    # Over HTTPS the platform's cross-site POST brings it back only with None.
    assert cookie["samesite"] == ("None" if https else "Lax")
    assert bool(cookie["secure"]) is https


def test_a_genuine_launch_removes_its_cookie(browser, platform, platform_fake, course):
    response, _token, request = launch(browser, platform_fake, course)

    assert response.status_code == 302
    assert response.cookies[f"sigap_lti_{request['state']}"]["max-age"] == 0
