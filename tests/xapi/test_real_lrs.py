"""Against a real LRS (opt-in): ``XAPI_TEST_LRS_URL=http://localhost:8100/xAPI``
``XAPI_TEST_LRS_AUTH=user:password`` (e.g. Ralph, docs/interoperability.md).
Skipped when the variable is unset: no test touches the network by default."""

import os

import pytest
import requests

from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import mark_lesson_complete
from lms.xapi.models import XapiStatement
from lms.xapi.sending import send_due
from lms.xapi.services import record_attended
from tests.factories import make_question, make_quiz

URL = os.environ.get("XAPI_TEST_LRS_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("no_reading_time"),
    pytest.mark.skipif(not URL, reason="XAPI_TEST_LRS_URL not set"),
]


def test_a_real_lrs_stores_every_kind_of_statement_once(
    settings, learner, learner_client, course, enrolment
):
    settings.SIGAP_XAPI_LRS_URL = URL
    user, _sep, password = os.environ.get("XAPI_TEST_LRS_AUTH", "").partition(":")
    settings.SIGAP_XAPI_LRS_USERNAME, settings.SIGAP_XAPI_LRS_PASSWORD = user, password
    learner_client.get(course.lessons().first().url)
    quiz = make_quiz(
        course, [make_question(course), make_question(course)], pass_mark=50
    )
    attempt = start_attempt(quiz=quiz, user=learner)
    item = attempt.snapshot[0]
    save_answers(attempt=attempt, answers={item["pos"]: item["key"][0]})
    submit_attempt(attempt=attempt)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    record_attended(enrolment=enrolment, session=course, duration_seconds=60)

    run = send_due()
    assert run.failed == 0, run.errors
    assert run.sent == XapiStatement.objects.count()
    first = XapiStatement.objects.first()
    stored = requests.get(
        f"{URL}/statements",
        params={"statementId": str(first.statement_id)},
        auth=(user, password) if user else None,
        headers={"X-Experience-API-Version": "2.0.0"},
        timeout=10,
    )
    assert stored.status_code == 200
    body = stored.json()
    found = body.get("statements", [body])  # Ralph answers with a list
    assert [s["id"] for s in found] == [str(first.statement_id)]
    assert found[0]["version"] == "2.0.0"
    # Sending the same statements again is harmless: the LRS knows their ids.
    XapiStatement.objects.update(status="pending")
    assert send_due().failed == 0
