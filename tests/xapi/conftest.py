import json
import pathlib

import fastjsonschema
import pytest
import requests

from courses.services import enrol
from lms.xapi.lrs import LrsClient
from lms.xapi.lrs_fake import FakeLrs

SCHEMA = json.loads(
    (pathlib.Path(__file__).parent / "statement-2.0.schema.json").read_text()
)
validate_schema = fastjsonschema.compile(SCHEMA)

LRS_URL = "https://lrs.sigap.test/xAPI"


def assert_valid_statement(statement: dict) -> None:
    """Valid against the xAPI 2.0 schema, plus what a schema cannot say."""
    validate_schema(statement)
    score = (statement.get("result") or {}).get("score")
    if score and "raw" in score:
        assert score["min"] <= score["raw"] <= score["max"]
        if "scaled" in score:
            assert 0 <= score["scaled"] <= 1


@pytest.fixture
def lrs(settings):
    """xAPI on, answered by an in-process LRS."""
    settings.SIGAP_XAPI_LRS_URL = LRS_URL
    settings.SIGAP_XAPI_LRS_USERNAME = "sigap"
    settings.SIGAP_XAPI_LRS_PASSWORD = "rahasia-lrs"
    settings.SIGAP_XAPI_BATCH = 50
    return FakeLrs()


@pytest.fixture
def lrs_client(lrs):
    return LrsClient(session=lrs.mount(requests.Session()))


@pytest.fixture
def enrolment(learner, course):
    return enrol(user=learner, course=course)[0]
