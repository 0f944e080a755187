"""Deep Linking 2.0: a platform's teacher picks Sigap courses from Moodle's
activity form; Sigap answers with a signed LtiDeepLinkingResponse that the
platform believes with Sigap's published keys, and the link it places launches
the chosen course. Learners, forged, replayed and stale requests are refused
and audited."""

import datetime
import html
import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from courses.models import Enrolment
from courses.quizzes.models import QuizKind
from courses.services import complete_enrolment
from lms.audit.models import AuditEvent
from lms.lti.models import LtiDeepLinkRequest, LtiResourceLink, LtiScore
from lms.lti.platform_fake import LEARNER, ResponseRejected
from lms.lti.sending import send_due
from lms.lti.tasks import forget_old_lti_logins
from tests.factories import make_course, make_quiz

from .conftest import start_login

pytestmark = pytest.mark.django_db

SELECTION_URL = "/lti/pilih-kursus/"


@pytest.fixture
def browser():
    """The teacher's browser: Django's CSRF check on, as in production."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def graded_course(catalog):
    """A course with a post-test (its grade goes back to the platform)."""
    course = make_course(catalog, title="Manajemen Krisis Layanan")
    make_quiz(course, kind=QuizKind.POSTTEST, title="Post-test")
    return course


def deep_link_request(client, fake, course, *, change=None, remove=(), **options):
    """Moodle's *Select content*: the login initiation, then the signed deep
    linking request posted back."""
    login = start_login(client, fake, course)
    claims = fake.deep_linking_claims(
        nonce=login["nonce"],
        target_link_uri=settings.SITE_URL + SELECTION_URL,
        **options,
    )
    claims.update(change or {})
    for name in remove:
        claims.pop(name, None)
    return client.post(
        "/lti/launch/", {"id_token": fake.sign(claims), "state": login["state"]}
    )


def picker_token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


def returned_jwt(response) -> tuple[str, str]:
    """The auto-submitted form of the answer: its target and its JWT."""
    page = response.content.decode()
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', page)[1])
    token = re.search(r'name="JWT" value="([^"]+)"', page)[1]
    return action, token


def tool_jwks(client) -> dict:
    return client.get("/lti/jwks.json").json()


def test_a_teacher_picks_a_course_and_the_platform_launches_the_placed_link(
    browser, platform, platform_fake, course, graded_course, time_machine
):
    picker = deep_link_request(browser, platform_fake, course)

    assert picker.status_code == 200
    page = picker.content.decode()
    assert "Pilih kursus Sigap" in page
    assert course.title in page and graded_course.title in page
    # Framed only by the platform (Moodle's dialog), not by anyone else.
    assert "X-Frame-Options" not in picker
    assert (
        f"frame-ancestors {platform_fake.issuer}" in picker["Content-Security-Policy"]
    )
    assert AuditEvent.objects.filter(action="lti.deep_link_request").count() == 1

    answer = browser.post(
        SELECTION_URL,
        {"token": picker_token(picker), "kursus": [graded_course.pk, course.pk]},
    )

    assert answer.status_code == 200
    action, token = returned_jwt(answer)
    assert action == platform_fake.deep_link_return_url
    assert "data-autosubmit" in answer.content.decode()
    assert "form-action" in answer["Content-Security-Policy"]
    assert platform_fake.issuer in answer["Content-Security-Policy"]
    items = platform_fake.receive_deep_linking_response(
        token, tool_jwks=tool_jwks(browser)
    )
    by_course = {item["custom"]["kursus"]: item for item in items}
    graded = by_course[str(graded_course.pk)]
    assert graded["type"] == "ltiResourceLink"
    assert graded["title"] == graded_course.title
    assert graded["url"] == f"{settings.SITE_URL}/lti/kursus/{graded_course.pk}/"
    assert graded["lineItem"]["scoreMaximum"] == 100
    # A course without a post-test gets no grade column.
    assert "lineItem" not in by_course[str(course.pk)]
    event = AuditEvent.objects.get(action="lti.deep_link_response")
    assert event.data["courses"] == [graded_course.pk, course.pk]

    # A learner opens the placed link from Moodle: a normal launch.
    learner_browser = Client(enforce_csrf_checks=True)
    placed = next(
        p
        for p in platform_fake.placed
        if p["custom"]["kursus"] == str(graded_course.pk)
    )
    login = start_login(learner_browser, platform_fake, graded_course)
    claims = platform_fake.placed_launch_claims(placed, nonce=login["nonce"])
    launched = learner_browser.post(
        "/lti/launch/",
        {"id_token": platform_fake.sign(claims), "state": login["state"]},
    )
    assert launched.status_code == 302
    assert launched["Location"] == graded_course.url
    enrolment = Enrolment.objects.get(course=graded_course)
    link = LtiResourceLink.objects.get(resource_link_id=placed["resource_link_id"])
    assert link.course == graded_course
    # The completion goes to the grade column made for the lineItem (AGS).
    complete_enrolment(enrolment=enrolment)
    assert send_due().sent == 1
    assert platform_fake.scores[0]["scoreMaximum"] == 100.0
    assert LtiScore.objects.get().status == LtiScore.Status.SENT


def test_the_platform_rejects_a_response_signed_by_another_key(
    browser, platform, platform_fake, course
):
    picker = deep_link_request(browser, platform_fake, course)
    answer = browser.post(
        SELECTION_URL, {"token": picker_token(picker), "kursus": course.pk}
    )
    _action, token = returned_jwt(answer)
    # The fake believes only Sigap's published keys: a key set without them
    # (another tool's) does not verify Sigap's answer.
    with pytest.raises(ResponseRejected):
        platform_fake.receive_deep_linking_response(
            token, tool_jwks=platform_fake.public_jwks()
        )


def test_cancel_answers_with_no_items_and_echoes_the_data(
    browser, platform, platform_fake, course
):
    picker = deep_link_request(browser, platform_fake, course)
    answer = browser.post(SELECTION_URL, {"token": picker_token(picker), "batal": "1"})
    _action, token = returned_jwt(answer)
    assert (
        platform_fake.receive_deep_linking_response(token, tool_jwks=tool_jwks(browser))
        == []
    )


def test_only_the_courses_offered_to_the_platform_are_shown_and_accepted(
    browser, platform, platform_fake, course, graded_course
):
    platform.offered_courses.set([graded_course])
    picker = deep_link_request(browser, platform_fake, course)
    page = picker.content.decode()
    assert graded_course.title in page
    assert course.title not in page

    refused = browser.post(
        SELECTION_URL, {"token": picker_token(picker), "kursus": course.pk}
    )

    assert refused.status_code == 400
    assert "tidak ditawarkan" in refused.content.decode()
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == (
        "unknown_course"
    )
    # A course not offered cannot be launched by its URL either.
    learner_browser = Client()
    login = start_login(learner_browser, platform_fake, course)
    claims = platform_fake.launch_claims(
        nonce=login["nonce"],
        target_link_uri=f"{settings.SITE_URL}/lti/kursus/{course.pk}/",
    )
    launched = learner_browser.post(
        "/lti/launch/",
        {"id_token": platform_fake.sign(claims), "state": login["state"]},
    )
    assert launched.status_code == 400
    assert not Enrolment.objects.exists()
    assert AuditEvent.objects.filter(action="lti.launch_refused").latest("pk").data[
        "reason"
    ] == ("unknown_course")


def test_linking_nothing_ticked_asks_again_and_keeps_the_picker(
    browser, platform, platform_fake, course
):
    picker = deep_link_request(browser, platform_fake, course)
    token = picker_token(picker)

    again = browser.post(SELECTION_URL, {"token": token})

    assert again.status_code == 400
    assert "Pilih sekurang-kurangnya satu kursus" in again.content.decode()
    assert picker_token(again) == token
    answer = browser.post(SELECTION_URL, {"token": token, "kursus": course.pk})
    _action, jwt_token = returned_jwt(answer)
    items = platform_fake.receive_deep_linking_response(
        jwt_token, tool_jwks=tool_jwks(browser)
    )
    assert [item["custom"]["kursus"] for item in items] == [str(course.pk)]


def test_one_course_only_when_the_platform_accepts_one(
    browser, platform, platform_fake, course, graded_course
):
    picker = deep_link_request(browser, platform_fake, course, accept_multiple=False)
    assert 'type="radio"' in picker.content.decode()
    refused = browser.post(
        SELECTION_URL,
        {"token": picker_token(picker), "kursus": [course.pk, graded_course.pk]},
    )
    assert refused.status_code == 400


def test_a_learner_may_not_deep_link_and_is_told_why(
    browser, platform, platform_fake, course
):
    response = deep_link_request(browser, platform_fake, course, roles=[LEARNER])

    assert response.status_code == 403
    assert "Hanya pengajar atau administrator platform" in response.content.decode()
    # Shown in the platform's dialog, which may frame it (and no one else).
    assert "X-Frame-Options" not in response
    assert (
        f"frame-ancestors {platform_fake.issuer}" in response["Content-Security-Policy"]
    )
    assert not LtiDeepLinkRequest.objects.exists()
    event = AuditEvent.objects.get(action="lti.launch_refused")
    assert event.data["reason"] == "not_instructor"
    assert "_auth_user_id" not in browser.session


@pytest.mark.parametrize(
    ("change", "remove", "reason"),
    [
        ({"aud": "another-tool"}, (), "wrong_audience"),
        ({"iss": "https://evil.test"}, (), "wrong_issuer"),
        (
            {"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "99"},
            (),
            "unknown_deployment",
        ),
        (
            {},
            ("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",),
            "missing_claim",
        ),
        (
            {
                "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
                    "deep_link_return_url": "https://elearning.bkpsdm.test/r",
                    "accept_types": ["link"],
                }
            },
            (),
            "unsupported_content",
        ),
        ({"nonce": "not-the-one"}, (), "wrong_nonce"),
    ],
)
def test_a_forged_deep_linking_request_is_refused_and_audited(
    browser, platform, platform_fake, course, change, remove, reason
):
    response = deep_link_request(
        browser, platform_fake, course, change=change, remove=remove
    )

    assert response.status_code == 400
    assert "Peluncuran LTI ditolak" in response.content.decode()
    assert not LtiDeepLinkRequest.objects.exists()
    # A token not believed names no platform that may frame the refusal.
    assert response["X-Frame-Options"] == "DENY"
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == reason


def test_a_deep_linking_request_signed_by_another_key_is_refused(
    browser, platform, platform_fake, course
):
    other = type(platform_fake)()
    login = start_login(browser, platform_fake, course)
    claims = platform_fake.deep_linking_claims(
        nonce=login["nonce"], target_link_uri=settings.SITE_URL + SELECTION_URL
    )
    response = browser.post(
        "/lti/launch/",
        {
            "id_token": platform_fake.sign(
                claims, private_key_pem=other.private_key_pem, kid=platform_fake.kid
            ),
            "state": login["state"],
        },
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == (
        "bad_signature"
    )


def test_a_replayed_answer_and_a_forged_token_are_refused(
    browser, platform, platform_fake, course
):
    picker = deep_link_request(browser, platform_fake, course)
    token = picker_token(picker)
    first = browser.post(SELECTION_URL, {"token": token, "kursus": course.pk})
    assert first.status_code == 200

    again = browser.post(SELECTION_URL, {"token": token, "kursus": course.pk})
    forged = Client().post(SELECTION_URL, {"token": "tebakan", "kursus": course.pk})

    assert again.status_code == 400 and forged.status_code == 400
    reasons = sorted(
        AuditEvent.objects.filter(action="lti.launch_refused").values_list(
            "data__reason", flat=True
        )
    )
    assert reasons == ["replay", "unknown_state"]


def test_a_stale_picker_is_refused(
    browser, platform, platform_fake, course, time_machine
):
    picker = deep_link_request(browser, platform_fake, course)
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=11))
    response = browser.post(
        SELECTION_URL, {"token": picker_token(picker), "kursus": course.pk}
    )
    assert response.status_code == 400
    assert AuditEvent.objects.get(action="lti.launch_refused").data["reason"] == (
        "state_expired"
    )


def test_a_replayed_deep_linking_request_is_refused(
    browser, platform, platform_fake, course
):
    login = start_login(browser, platform_fake, course)
    claims = platform_fake.deep_linking_claims(
        nonce=login["nonce"], target_link_uri=settings.SITE_URL + SELECTION_URL
    )
    post = {"id_token": platform_fake.sign(claims), "state": login["state"]}
    assert browser.post("/lti/launch/", post).status_code == 200
    assert browser.post("/lti/launch/", post).status_code == 400
    assert LtiDeepLinkRequest.objects.count() == 1


def test_spent_pickers_are_forgotten(
    browser, platform, platform_fake, course, time_machine
):
    deep_link_request(browser, platform_fake, course)
    forget_old_lti_logins.call()
    assert LtiDeepLinkRequest.objects.count() == 1
    time_machine.move_to(timezone.now() + datetime.timedelta(minutes=21))
    forget_old_lti_logins.call()
    assert not LtiDeepLinkRequest.objects.exists()


def test_deep_linking_needs_no_cookie_from_the_platforms_frame(
    platform, platform_fake, course
):
    """Moodle's *Select content* frames Sigap, where a browser may withhold
    cookies; deep linking signs nobody in, so its state is not tied to one."""
    frame = Client()
    login = start_login(frame, platform_fake, course)
    frame.cookies.clear()  # as a browser blocking third-party cookies
    claims = platform_fake.deep_linking_claims(
        nonce=login["nonce"], target_link_uri=settings.SITE_URL + SELECTION_URL
    )

    response = frame.post(
        "/lti/launch/",
        {"id_token": platform_fake.sign(claims), "state": login["state"]},
    )

    assert response.status_code == 200
    assert 'name="token"' in response.content.decode()
