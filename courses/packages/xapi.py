"""The cmi5 vocabulary Sigap speaks as the LMS: the learner as an actor, the verbs,
and the statements the LMS itself issues in a registration (``launched``,
``abandoned``, ``satisfied``; cmi5 spec §9.3, §9.4, §9.6)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

ADL = "http://adlnet.gov/expapi/verbs/"
W3ID = "https://w3id.org/xapi/adl/verbs/"
VERBS = {
    "initialized": ADL + "initialized",
    "completed": ADL + "completed",
    "passed": ADL + "passed",
    "failed": ADL + "failed",
    "terminated": ADL + "terminated",
    "launched": ADL + "launched",
    "abandoned": W3ID + "abandoned",
    "satisfied": W3ID + "satisfied",
    "waived": W3ID + "waived",
}
# Only the LMS states these; an AU that sends one is refused.
LMS_VERBS = {VERBS[name] for name in ("launched", "abandoned", "satisfied", "waived")}
# Statements an AU sends that must be about the AU itself.
AU_VERBS = {
    VERBS[name]
    for name in ("initialized", "completed", "passed", "failed", "terminated")
}
CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/"
BLOCK_TYPE = "https://w3id.org/xapi/cmi5/activitytype/block"
COURSE_TYPE = "https://w3id.org/xapi/cmi5/activitytype/course"


def actor(registration) -> dict:
    """The learner as a cmi5 AU sees them: an account named by the attempt's
    registration, never their e-mail, NIP or name."""
    return {
        "objectType": "Agent",
        "account": {
            "homePage": settings.SITE_URL.rstrip("/"),
            "name": str(registration),
        },
    }


def lms_activity_id(*, folder: str, kind: str, publisher_id: str) -> str:
    """The LMS's own id of a block or the course (§9.4: generated, never the
    publisher's id, the same in every statement about it)."""
    name = f"sigap:{folder}:{kind}:{publisher_id}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def duration(start: datetime | None, end: datetime | None) -> str:
    """An ISO 8601 duration (``PT12.5S``) between two moments, never negative."""
    seconds = 0.0
    if start is not None and end is not None:
        seconds = max(timedelta(0), end - start).total_seconds()
    return f"PT{round(seconds, 2)}S"


def lms_statement(
    *,
    registration,
    verb: str,
    object_id: str,
    session_id: str,
    publisher_id: str,
    object_type: str = "",
    result: dict | None = None,
    extensions: dict | None = None,
) -> dict:
    """A cmi5 defined statement issued by the LMS: the cmi5 category, the
    session id, the publisher id in ``grouping`` (§9.6)."""
    definition = {"type": object_type} if object_type else {}
    statement: dict = {
        "id": str(uuid.uuid4()),
        "actor": actor(registration),
        "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
        "object": {"objectType": "Activity", "id": object_id},
        "context": {
            "registration": str(registration),
            "contextActivities": {
                "category": [{"id": CATEGORY_CMI5}],
                "grouping": [{"id": publisher_id}],
            },
            "extensions": {
                EXTENSION + "sessionid": session_id,
                **(extensions or {}),
            },
        },
        "timestamp": timezone.now().isoformat(),
    }
    if definition:
        statement["object"]["definition"] = definition
    if result:
        statement["result"] = result
    return statement
