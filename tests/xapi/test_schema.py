"""The schema the statement tests use refuses what xAPI 2.0 refuses."""

import copy

import fastjsonschema
import pytest

from .conftest import validate_schema

GOOD = {
    "id": "3a7b0b5e-8c1f-4e2a-9d3b-2f1e4c5d6a7b",
    "actor": {
        "objectType": "Agent",
        "account": {"homePage": "https://sigap.test", "name": "abc"},
    },
    "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
    "object": {"objectType": "Activity", "id": "https://sigap.test/k/"},
    "result": {"score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10}},
    "timestamp": "2026-12-03T08:00:00.000Z",
    "version": "2.0.0",
}


def changed(path, value):
    statement = copy.deepcopy(GOOD)
    target = statement
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return statement


def test_a_good_statement_passes():
    validate_schema(GOOD)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("verb",), None),
        (("actor", "account"), None),
        (("actor", "mbox"), "mailto:a@b.test"),  # two identifiers at once
        (("verb", "id"), "completed"),  # not an IRI
        (("timestamp",), "2026-12-03T08:00:00"),  # no time zone
        (("result", "score", "scaled"), 1.5),
        (("id",), "not-a-uuid"),
        (("version",), "3.0.0"),
        (("context",), {"registration": "x"}),
        (("result", "duration"), "90 minutes"),
        (("surprise",), True),
    ],
)
def test_what_xapi_2_0_refuses_fails(path, value):
    with pytest.raises(fastjsonschema.JsonSchemaValueException):
        validate_schema(changed(path, value))
