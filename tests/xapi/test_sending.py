"""Sending the outbox: batches, retries with the same id, refusals, LRS down."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from lms.xapi import statements
from lms.xapi.models import XapiStatement
from lms.xapi.sending import send_due
from lms.xapi.services import record_statement

from .conftest import assert_valid_statement

pytestmark = pytest.mark.django_db


def queue(learner, course, count=3):
    return [
        record_statement(
            user=learner,
            verb="experienced",
            obj=statements.page_activity(course, "course"),
        )
        for _ in range(count)
    ]


def statuses():
    return sorted(XapiStatement.objects.values_list("status", flat=True))


def test_due_statements_go_in_one_batch_with_the_version_header_and_basic_auth(
    lrs, lrs_client, learner, course
):
    rows = queue(learner, course)
    run = send_due(client=lrs_client)
    assert run.sent == 3 and run.failed == 0
    assert lrs.posts == [[str(row.statement_id) for row in rows]]
    assert lrs.headers[0]["X-Experience-API-Version"] == "2.0.0"
    assert lrs.basic_auth() == ("sigap", "rahasia-lrs")
    assert statuses() == ["sent"] * 3
    for statement in lrs.statements.values():
        assert_valid_statement(statement)
    assert send_due(client=lrs_client).sent == 0  # nothing is sent twice


def test_batches_are_at_most_the_batch_size(lrs, lrs_client, settings, learner, course):
    settings.SIGAP_XAPI_BATCH = 2
    queue(learner, course, count=5)
    assert send_due(client=lrs_client).sent == 5
    assert [len(post) for post in lrs.posts] == [2, 2, 1]


def test_lrs_down_keeps_statements_queued_with_a_clear_reason_then_sends_the_same_ids(
    lrs, lrs_client, learner, course
):
    rows = queue(learner, course)
    lrs.fail_next("timeout")
    run = send_due(client=lrs_client)
    assert run.sent == 0 and run.failed == 3
    failed = list(XapiStatement.objects.all())
    assert {row.status for row in failed} == {"failed"}
    assert "time-out" in failed[0].last_error and "antre" in failed[0].last_error
    assert all(row.next_attempt_at > timezone.now() for row in failed)
    assert send_due(client=lrs_client).sent == 0  # not due yet: the back-off holds

    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1)):
        assert send_due(client=lrs_client).sent == 3
    assert set(lrs.statements) == {str(row.statement_id) for row in rows}
    assert statuses() == ["sent"] * 3
    sent = XapiStatement.objects.first()
    assert sent.last_error == "" and sent.attempts == 1


def test_a_run_stops_after_three_failed_batches_and_nothing_is_lost(
    lrs, lrs_client, settings, learner, course
):
    settings.SIGAP_XAPI_BATCH = 1
    queue(learner, course, count=5)
    lrs.fail_next("500", "500", "500", "500")
    run = send_due(client=lrs_client)
    assert run.stopped_early and run.failed == 3
    assert len(lrs.posts) == 0  # every call failed before storing
    assert statuses() == ["failed"] * 3 + ["pending"] * 2
    assert "HTTP 500" in XapiStatement.objects.filter(status="failed")[0].last_error


def test_a_refused_statement_fails_with_the_lrs_message_and_the_rest_are_sent(
    lrs, lrs_client, learner, course
):
    rows = queue(learner, course)
    lrs.refuse(rows[1].statement_id, "verb tidak dikenal")
    run = send_due(client=lrs_client)
    assert run.sent == 2 and run.failed == 1
    refused = XapiStatement.objects.get(pk=rows[1].pk)
    assert refused.status == "failed"
    assert "verb tidak dikenal" in refused.last_error
    assert "HTTP 400" in refused.last_error
    assert refused.next_attempt_at is None  # waits for an administrator
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        assert send_due(client=lrs_client).sent == 0


def test_after_the_last_attempt_a_statement_waits_and_says_so(
    lrs, lrs_client, settings, learner, course
):
    settings.SIGAP_XAPI_MAX_ATTEMPTS = 2
    (row,) = queue(learner, course, count=1)
    lrs.fail_next("500", "500")
    send_due(client=lrs_client)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        send_due(client=lrs_client)
    row.refresh_from_db()
    assert row.status == "failed" and row.attempts == 2
    assert row.next_attempt_at is None
    assert "Dihentikan setelah 2 percobaan" in row.last_error


def test_refused_credentials_are_retried_with_a_reason_naming_the_settings(
    lrs, lrs_client, learner, course
):
    queue(learner, course, count=1)
    lrs.fail_next("401")
    send_due(client=lrs_client)
    row = XapiStatement.objects.get()
    assert row.will_retry
    assert "SIGAP_XAPI_LRS_USERNAME" in row.last_error


def test_nothing_is_sent_while_xapi_is_off(settings, lrs, lrs_client, learner, course):
    queue(learner, course, count=2)
    settings.SIGAP_XAPI_LRS_URL = ""
    assert send_due(client=lrs_client).sent == 0
    assert lrs.posts == [] and statuses() == ["pending"] * 2


def test_claimed_statements_are_left_to_their_worker_until_the_lease_ends(
    lrs, lrs_client, settings, learner, course
):
    from lms import outbox
    from lms.xapi.sending import claim_lease

    queue(learner, course, count=3)
    taken = outbox.claim(
        XapiStatement.objects.due(timezone.now()), lease=claim_lease(), limit=2
    )
    assert len(taken) == 2
    # another worker, meanwhile, finds only the third statement
    run = send_due(client=lrs_client)
    assert run.sent == 1
    assert lrs.posts == [[str(XapiStatement.objects.get(status="sent").statement_id)]]
    with time_machine.travel(timezone.now() + claim_lease() * 2):
        assert send_due(client=lrs_client).sent == 2  # a crashed worker's rows return


def test_the_command_sends_by_hand_and_retries_failed_ones(
    lrs, lrs_client, learner, course, monkeypatch
):
    import io

    from django.core.management import call_command

    from lms.xapi import sending

    monkeypatch.setattr(sending, "LrsClient", lambda: lrs_client)
    queue(learner, course, count=2)
    lrs.fail_next("500")
    out = io.StringIO()
    call_command("xapi_send", stdout=out)
    assert "gagal 2" in out.getvalue() and "HTTP 500" in out.getvalue()
    call_command("xapi_send", "--retry-failed", "--until-empty", stdout=out)
    assert "kirim ulang: 2" in out.getvalue()
    assert statuses() == ["sent", "sent"]
