"""Sending the xAPI outbox: due statements in batches, retries with back-off.

A periodic task claims up to ``SIGAP_XAPI_BATCH`` due statements
(``lms.outbox.claim``: no two workers send the same row, no lock held during
the call) and posts them as one array. An LRS stores a batch whole or not at
all, so when it refuses one (400, 409) each statement of it is sent alone and
only the refused ones fail, with the LRS's message, and wait for an
administrator. A time-out, 5xx, 429 or refused login leaves the statements
queued (failed, with the reason) until the next try after ``lms.outbox.backoff``;
after ``SIGAP_XAPI_MAX_ATTEMPTS`` they wait for an administrator. A run stops
after three such failures in a row. Retries send the same statement id, which
the LRS keeps once.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import outbox

from .lrs import LrsClient, LrsError
from .models import XapiStatement
from .services import is_enabled

# Batches per run at most: the next run (a minute later) takes the rest.
MAX_BATCHES = 20


def claim_lease() -> datetime.timedelta:
    """How long claimed statements are left alone: longer than a batch and its
    statements sent one by one can take."""
    return datetime.timedelta(
        seconds=(settings.SIGAP_XAPI_BATCH + 1) * settings.SIGAP_XAPI_LRS_TIMEOUT + 60
    )


@dataclass
class SendRun:
    sent: int = 0
    failed: int = 0
    stopped_early: bool = False
    errors: list[str] = field(default_factory=list)


def send_due(*, client: LrsClient | None = None, batches: int = MAX_BATCHES) -> SendRun:
    """Send what is due, batch by batch; what this run did."""
    run = SendRun()
    if not is_enabled():
        return run
    client = client or LrsClient()
    failures_in_a_row = 0
    for _index in range(batches):
        rows = outbox.claim(
            XapiStatement.objects.due(timezone.now()),
            lease=claim_lease(),
            limit=settings.SIGAP_XAPI_BATCH,
        )
        if not rows:
            break
        try:
            client.send([row.payload for row in rows])
        except LrsError as error:
            if error.retry:
                _retry_later(rows, error.message)
                run.failed += len(rows)
                run.errors.append(error.message)
                failures_in_a_row += 1
                if failures_in_a_row >= outbox.STOP_AFTER_FAILURES:
                    run.stopped_early = True
                    break
                continue
            failures_in_a_row = 0
            _send_one_by_one(rows, client, run)
            continue
        failures_in_a_row = 0
        _mark_sent(rows)
        run.sent += len(rows)
    return run


def _send_one_by_one(rows: list[XapiStatement], client: LrsClient, run: SendRun):
    """The LRS refused a batch: find which statements it refuses."""
    for row in rows:
        try:
            client.send([row.payload])
        except LrsError as error:
            run.failed += 1
            run.errors.append(error.message)
            if error.retry:
                _retry_later([row], error.message)
            else:
                _refused(row, error.message)
            continue
        _mark_sent([row])
        run.sent += 1


def _mark_sent(rows: list[XapiStatement]) -> None:
    now = timezone.now()
    XapiStatement.objects.filter(pk__in=[row.pk for row in rows]).update(
        status=XapiStatement.Status.SENT,
        sent_at=now,
        last_error="",
        next_attempt_at=None,
        updated_at=now,
    )
    for row in rows:
        row.status = XapiStatement.Status.SENT


def _retry_later(rows: list[XapiStatement], reason: str) -> None:
    now = timezone.now()
    for row in rows:
        outbox.record_failure(
            row,
            failed_status=XapiStatement.Status.FAILED,
            reason=reason,
            max_attempts=settings.SIGAP_XAPI_MAX_ATTEMPTS,
            base=settings.SIGAP_XAPI_RETRY_BASE_SECONDS,
            cap=settings.SIGAP_XAPI_RETRY_CAP_SECONDS,
            gave_up=_(
                "Dihentikan setelah %(count)d percobaan; kirim ulang bila LRS sudah "
                "pulih."
            ),
            now=now,
        )


def _refused(row: XapiStatement, reason: str) -> None:
    row.attempts += 1
    row.status = XapiStatement.Status.FAILED
    row.last_error = reason
    row.next_attempt_at = None
    row.save(
        update_fields=[
            "attempts",
            "status",
            "last_error",
            "next_attempt_at",
            "updated_at",
        ]
    )
