"""JSON someone else wrote is refused as malformed (4xx), never a server error:
nested deeper than Python's recursion allows (a few kilobytes of ``[``), or of
the wrong shape (a string where the statement has an object). Wherever Sigap
reads it: the SCORM runtime's commit, a cmi5 AU's statements, the LTI launch's
id_token. A score that is not a number (NaN, infinity) is not a score."""

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from courses.models import LessonPage, LessonProgress
from courses.packages.models import PackageAttempt
from courses.services import enrol
from lms.lti.platform_fake import FakePlatform
from tests.factories import UserFactory, client_as, make_course
from tests.packages.conftest import add_package_lesson, demo_zip

pytestmark = pytest.mark.django_db

DEEP = ("[" * 50_000 + "]" * 50_000).encode()
DEEP_OBJECT = ('{"cmi":' * 2_000 + "1" + "}" * 2_000).encode()


def _learner_in(course):
    user = UserFactory()
    enrolment, _new = enrol(user=user, course=course)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson=LessonPage.objects.child_of(course).get()
    )
    return user


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT], ids=["array", "object"])
def test_a_deep_scorm_commit_is_refused(catalog, body):
    course = make_course(catalog, lessons=1)
    lesson = add_package_lesson(
        course, demo_zip("scorm12-hambatan-pelayanan"), slug="scorm"
    )
    client = client_as(_learner_in(course))
    assert client.post(f"/paket/{lesson.pk}/mulai/").status_code == 200

    response = client.post(
        f"/paket/{lesson.pk}/runtime/1/", data=body, content_type="application/json"
    )

    assert response.status_code == 400


def _statement(params, depth: int) -> bytes:
    """A statement the AU may send, with ``depth`` levels nested in its result."""
    actor = json.loads(params["actor"])
    head = json.dumps(
        {
            "id": "7d1f4f2e-0000-4000-8000-000000000001",
            "actor": actor,
            "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
            "object": {"id": params["activityId"]},
            "context": {"registration": params["registration"]},
        }
    )[:-1]
    nested = "[" * depth + "]" * depth
    return f'{head}, "result": {{"extensions": {{"x": {nested}}}}}}}'.encode()


def _cmi5_launched(catalog) -> tuple[dict, str, PackageAttempt]:
    """A learner's cmi5 launch: its parameters, its auth token and attempt."""
    course = make_course(catalog, lessons=1)
    lesson = add_package_lesson(
        course, demo_zip("cmi5-kesinambungan-layanan"), slug="cmi5"
    )
    client = client_as(_learner_in(course))
    html = client.post(f"/paket/{lesson.pk}/mulai/").content.decode()
    src = html.split('data-src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    params = {k: v[0] for k, v in parse_qs(urlsplit(src).query).items()}
    token = client.post(urlsplit(params["fetch"]).path).json()["auth-token"]
    return params, token, PackageAttempt.objects.get(page=lesson)


def _send(params, token, body: bytes):
    return Client().post(
        urlsplit(params["endpoint"]).path + "statements",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
    )


@pytest.mark.parametrize("depth", [50_000, 900, 400])
def test_deep_cmi5_statements_are_refused(catalog, depth):
    params, token, _attempt = _cmi5_launched(catalog)

    response = _send(params, token, _statement(params, depth))

    assert response.status_code < 500


@pytest.mark.parametrize("part", ["verb", "context", "object", "result"])
@pytest.mark.parametrize("value", ["x", ["x"], 1])
def test_a_cmi5_statement_of_the_wrong_shape_is_refused_not_a_500(catalog, part, value):
    params, token, _attempt = _cmi5_launched(catalog)
    statement = json.loads(_statement(params, 1))
    statement["verb"] = {"id": "http://adlnet.gov/expapi/verbs/passed"}
    statement[part] = value

    response = _send(params, token, json.dumps(statement).encode())

    assert response.status_code in (200, 403)


@pytest.mark.parametrize("scaled", ["NaN", "Infinity", "-Infinity"])
def test_a_statement_with_a_number_json_does_not_have_is_refused(catalog, scaled):
    params, token, attempt = _cmi5_launched(catalog)
    statement = json.loads(_statement(params, 1))
    statement["verb"] = {"id": "http://adlnet.gov/expapi/verbs/failed"}
    body = json.dumps({**statement, "result": {"score": {"scaled": 0}}})
    body = body.replace('"scaled": 0', f'"scaled": {scaled}')

    assert _send(params, token, body.encode()).status_code == 400
    attempt.refresh_from_db()
    assert attempt.success_status == "" and attempt.score_scaled is None


def _scorm_started(catalog):
    """A learner's client with a SCORM lesson started, and the lesson."""
    course = make_course(catalog, lessons=1)
    lesson = add_package_lesson(
        course, demo_zip("scorm12-hambatan-pelayanan"), slug="scorm"
    )
    client = client_as(_learner_in(course))
    client.post(f"/paket/{lesson.pk}/mulai/")
    return client, lesson


def _commit(client, lesson, cmi: dict):
    return client.post(
        f"/paket/{lesson.pk}/runtime/1/",
        data=json.dumps({"cmi": cmi}),
        content_type="application/json",
    )


@pytest.mark.parametrize("raw", ["NaN", "inf", "1e999"])
def test_a_scorm_score_that_is_not_a_number_is_not_a_full_score(catalog, raw):
    client, lesson = _scorm_started(catalog)
    cmi = {"core": {"lesson_status": "incomplete", "score": {"raw": raw}}}

    response = _commit(client, lesson, cmi)

    assert response.status_code == 200
    assert PackageAttempt.objects.get(page=lesson).score_scaled is None


def _segment(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_a_deep_lti_id_token_is_refused(settings, catalog):
    fake = FakePlatform()
    fake.register()
    course = make_course(catalog, lessons=1)
    browser = Client()
    login = browser.post(
        "/lti/login/",
        {
            "iss": fake.issuer,
            "client_id": fake.client_id,
            "login_hint": "41",
            "target_link_uri": f"{settings.SITE_URL}/lti/kursus/{course.pk}/",
        },
    )
    state = parse_qs(urlsplit(login["Location"]).query)["state"][0]
    header = _segment(json.dumps({"alg": "RS256", "kid": "x"}).encode())
    token = f"{header}.{_segment(DEEP)}.{_segment(b'sig')}"

    response = browser.post("/lti/launch/", {"id_token": token, "state": state})

    assert response.status_code == 400


NUL_TEXTS = ["a\x00b", "\x00"]


@pytest.mark.parametrize("text", NUL_TEXTS)
def test_a_scorm_commit_holding_nul_is_kept_or_refused_not_a_500(catalog, text):
    """PostgreSQL's jsonb refuses ``\\u0000``; a package may send it anywhere."""
    client, lesson = _scorm_started(catalog)
    cmi = {
        "core": {"lesson_status": "incomplete", "lesson_location": text},
        "suspend_data": text,
        "interactions": {"0": {"id": text, "student_response": text}},
        text: text,
    }

    response = _commit(client, lesson, cmi)

    assert response.status_code in (200, 400)
    resumed = client.post(f"/paket/{lesson.pk}/mulai/")
    assert resumed.status_code == 200


@pytest.mark.parametrize("text", NUL_TEXTS)
@pytest.mark.parametrize("part", ["verb", "object", "result", "context", "extra"])
def test_a_cmi5_statement_holding_nul_is_kept_or_refused_not_a_500(catalog, part, text):
    params, token, _attempt = _cmi5_launched(catalog)
    statement = json.loads(_statement(params, 1))
    statement["verb"] = {"id": "http://adlnet.gov/expapi/verbs/passed"}
    if part == "extra":
        statement[text] = text
    elif part == "result":
        statement["result"] = {"response": text, "extensions": {text: text}}
    else:
        statement[part] = {
            **statement[part],
            "id": statement[part].get("id", "") + text,
        }
        statement[part]["definition"] = {"name": {"id-ID": text}}

    response = _send(params, token, json.dumps(statement).encode())

    assert response.status_code in (200, 400, 403)


def test_a_state_document_holding_nul_is_refused_not_a_500(catalog):
    params, token, _attempt = _cmi5_launched(catalog)
    url = urlsplit(params["endpoint"]).path + "activities/state?stateId=bookmark"
    auth = {"HTTP_AUTHORIZATION": f"Basic {token}"}

    response = Client().put(
        url, data=b"halaman\x002", content_type="application/octet-stream", **auth
    )

    assert response.status_code == 400
    assert Client().get(url, **auth).status_code == 404
