"""What comes from outside is recorded as evidence, whatever it holds: an event
whose data has NUL characters (which PostgreSQL's jsonb refuses) or megabytes
of text is kept, cleaned and cut, instead of failing the request it records."""

import pytest

from lms.audit.models import AuditEvent
from lms.audit.services import DATA_TEXT_MAX_LENGTH, record_event

pytestmark = pytest.mark.django_db


def test_an_event_with_nul_and_huge_texts_is_kept_clean_and_cut():
    record_event(
        actor=None,
        action="lti.launch_refused",
        issuer="https://platform\x00.test",
        names=["a\x00b", {"key\x00": "x" * 100_000}],
        count=3,
    )

    event = AuditEvent.objects.get()  # read back from the database
    assert event.data["issuer"] == "https://platform.test"
    assert event.data["names"][0] == "ab"
    assert event.data["names"][1] == {"key": "x" * DATA_TEXT_MAX_LENGTH}
    assert event.data["count"] == 3


def test_a_user_agent_holding_nul_is_recorded_without_it(rf):
    request = rf.get("/", HTTP_USER_AGENT="Mozilla\x00/5.0")

    record_event(actor=None, action="lti.launch_refused", request=request)

    assert AuditEvent.objects.get().user_agent == "Mozilla/5.0"
