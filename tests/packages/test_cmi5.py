"""A cmi5 AU is launched with the cmi5 parameters; it fetches its token once and
sends statements to an endpoint scoped to its registration; completed and passed
(the AU's moveOn) complete the lesson and the course."""

import base64
import json
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest

from courses.models import Enrolment, LessonPage, LessonProgress
from courses.packages.models import Cmi5Statement, PackageAttempt
from courses.services import enrol
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db

COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
PASSED = "http://adlnet.gov/expapi/verbs/passed"


@pytest.fixture
def learner(course):
    user = UserFactory()
    enrolment, _new = enrol(user=user, course=course)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson=LessonPage.objects.child_of(course).get()
    )
    return user


def _launch(client, lesson, unit: int | None = None, path="au/index.html") -> dict:
    data = {"unit": str(unit)} if unit is not None else {}
    response = client.post(f"/paket/{lesson.pk}/mulai/", data)
    assert response.status_code == 200
    html = response.content.decode()
    src = html.split('data-src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    url = urlsplit(src)
    assert url.path.endswith(f"/berkas/{path}")
    return {key: values[0] for key, values in parse_qs(url.query).items()}


def _path(absolute: str) -> str:
    return urlsplit(absolute).path


def _token(client, params) -> str:
    answer = client.post(_path(params["fetch"]))
    assert answer.status_code == 200
    return answer.json()["auth-token"]


def _statement(params, verb, **result):
    statement = {
        "id": str(uuid.uuid4()),
        "actor": json.loads(params["actor"]),
        "verb": {"id": verb},
        "object": {"id": params["activityId"]},
        "context": {"registration": params["registration"]},
    }
    if result:
        statement["result"] = result
    return statement


def _send(client, params, token, statements):
    return client.post(
        _path(params["endpoint"]) + "statements",
        data=json.dumps(statements),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )


def test_the_launch_carries_the_cmi5_parameters_and_no_identity(learner, cmi5_lesson):
    params = _launch(client_as(learner), cmi5_lesson)
    attempt = PackageAttempt.objects.get(user=learner)
    assert params["registration"] == str(attempt.registration)
    assert params["activityId"] == cmi5_lesson.package.activity_id
    assert params["endpoint"].endswith(f"/paket/cmi5/{attempt.registration}/xapi/")
    actor = json.loads(params["actor"])
    assert actor["account"]["name"] == str(attempt.registration)
    assert learner.email not in params["actor"]


def test_the_token_is_handed_out_once_and_only_to_the_learner(learner, cmi5_lesson):
    client = client_as(learner)
    params = _launch(client, cmi5_lesson)
    other = UserFactory()
    assert client_as(other).post(_path(params["fetch"])).status_code == 404
    token = _token(client, params)
    assert base64.b64decode(token).startswith(b"sigap:")
    again = client.post(_path(params["fetch"]))
    assert again.status_code == 401
    assert again.json()["error-code"] == "1"


def test_launch_data_then_completed_and_passed_complete_the_course(
    learner, cmi5_lesson
):
    client = client_as(learner)
    params = _launch(client, cmi5_lesson)
    token = _token(client, params)
    state = client.get(
        _path(params["endpoint"]) + "activities/state",
        {"stateId": "LMS.LaunchData", "activityId": params["activityId"]},
        HTTP_AUTHORIZATION=f"Basic {token}",
    )
    assert state.status_code == 200
    launch_data = state.json()
    assert launch_data["moveOn"] == "CompletedAndPassed"
    assert launch_data["masteryScore"] == 0.6
    assert launch_data["launchMode"] == "Normal"

    answer = _send(client, params, token, [_statement(params, COMPLETED)])
    assert answer.status_code == 200 and len(answer.json()) == 1
    enrolment = Enrolment.objects.get(user=learner)
    assert not enrolment.is_completed  # CompletedAndPassed: passed still missing
    passed = _statement(params, PASSED, success=True, score={"scaled": 0.75})
    assert _send(client, params, token, [passed]).status_code == 200
    assert _send(client, params, token, [passed]).status_code == 200  # kept once
    enrolment.refresh_from_db()
    assert not enrolment.is_completed  # the block's second AU is still to do
    second = _launch(client, cmi5_lesson, unit=2, path="au2/index.html")
    assert second["registration"] == params["registration"]  # one registration
    assert second["activityId"].endswith("/au-2")
    assert second["fetch"] != params["fetch"]  # its own one-time code
    token2 = _token(client, second)
    answer = _send(client, second, token2, [_statement(second, COMPLETED)])
    assert answer.status_code == 200  # moveOn Completed
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    attempt = PackageAttempt.objects.get(user=learner)
    assert attempt.score_scaled == 0.75
    # The AUs' three statements, kept once each; beside them what Sigap as the
    # LMS stated: launched (twice), abandoned (the first AU never sent
    # terminated before the second was launched), then satisfied for the block
    # and the course.
    assert Cmi5Statement.objects.filter(attempt=attempt, by_lms=False).count() == 3
    assert sorted(
        Cmi5Statement.objects.filter(attempt=attempt, by_lms=True).values_list(
            "verb", flat=True
        )
    ) == [
        "http://adlnet.gov/expapi/verbs/launched",
        "http://adlnet.gov/expapi/verbs/launched",
        "https://w3id.org/xapi/adl/verbs/abandoned",
        "https://w3id.org/xapi/adl/verbs/satisfied",
        "https://w3id.org/xapi/adl/verbs/satisfied",
    ]


def test_statements_for_someone_else_are_refused(learner, course, cmi5_lesson):
    client = client_as(learner)
    params = _launch(client, cmi5_lesson)
    token = _token(client, params)
    other = UserFactory()
    enrol(user=other, course=course)
    other_params = _launch(client_as(other), cmi5_lesson)
    # Another registration with this token: refused.
    response = client.post(
        _path(other_params["endpoint"]) + "statements",
        data=json.dumps(_statement(other_params, PASSED)),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token}",
    )
    assert response.status_code == 403
    # Another actor or registration inside a statement: refused.
    forged = _statement(params, PASSED)
    forged["actor"]["account"]["name"] = other_params["registration"]
    assert _send(client, params, token, [forged]).status_code == 403
    forged = _statement(params, PASSED)
    forged["context"]["registration"] = other_params["registration"]
    assert _send(client, params, token, [forged]).status_code == 403
    # No token, a wrong token, the session cookie alone: refused.
    assert _send(client, params, "", [_statement(params, PASSED)]).status_code == 403
    assert (
        _send(client, params, "c2lnYXA6eA==", [_statement(params, PASSED)]).status_code
        == 403
    )
    assert not Cmi5Statement.objects.filter(by_lms=False).exists()
    assert not PackageAttempt.objects.filter(satisfied_at__isnull=False).exists()


def test_a_new_launch_retires_the_previous_token(learner, cmi5_lesson):
    client = client_as(learner)
    params = _launch(client, cmi5_lesson)
    token = _token(client, params)
    _launch(client, cmi5_lesson)
    assert (
        _send(client, params, token, [_statement(params, COMPLETED)]).status_code == 403
    )


def test_the_au_keeps_its_own_state_documents(learner, cmi5_lesson):
    client = client_as(learner)
    params = _launch(client, cmi5_lesson)
    token = _token(client, params)
    url = _path(params["endpoint"]) + "activities/state?stateId=bookmark"
    auth = {"HTTP_AUTHORIZATION": f"Basic {token}"}
    assert client.get(url, **auth).status_code == 404
    put = client.put(
        url, data='{"halaman": 2}', content_type="application/json", **auth
    )
    assert put.status_code == 204
    assert client.get(url, **auth).json() == {"halaman": 2}
    launch_data = _path(params["endpoint"]) + "activities/state?stateId=LMS.LaunchData"
    assert (
        client.put(
            launch_data, data="{}", content_type="application/json", **auth
        ).status_code
        == 403
    )
