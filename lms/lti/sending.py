"""Sending the AGS outbox: each due score to its platform, retries with
back-off (``lms.outbox``), as the xAPI statements are sent.

A time-out, 5xx, 429 or a refused token leaves the score queued (failed, with
the reason) for the next try after ``lms.outbox.backoff``; after
``SIGAP_LTI_MAX_ATTEMPTS`` it waits for an administrator. A score the platform
refuses (another 4xx) fails with its message and is not retried automatically.
A run stops after three failures in a row that may pass.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import outbox

from .client import PlatformClient, PlatformError
from .models import LtiScore


@dataclass
class SendRun:
    sent: int = 0
    failed: int = 0
    stopped_early: bool = False
    errors: list[str] = field(default_factory=list)


def send_due(*, session=None, limit: int = 100) -> SendRun:
    """Send the due scores, one by one; what this run did."""
    run = SendRun()
    clients: dict[int, PlatformClient] = {}
    failures_in_a_row = 0
    lease = datetime.timedelta(seconds=3 * settings.SIGAP_LTI_TIMEOUT + 60)
    for _index in range(limit):
        rows = outbox.claim(LtiScore.objects.due(timezone.now()), lease=lease)
        if not rows:
            break
        row = LtiScore.objects.select_related("launch__link__platform").get(
            pk=rows[0].pk
        )
        link = row.launch.link
        client = clients.setdefault(
            link.platform_id, PlatformClient(link.platform, session=session)
        )
        try:
            client.post_score(link.lineitem_url, row.payload)
        except PlatformError as error:
            run.failed += 1
            run.errors.append(error.message)
            _failed(row, error)
            if not error.retry:
                continue
            failures_in_a_row += 1
            if failures_in_a_row >= outbox.STOP_AFTER_FAILURES:
                run.stopped_early = True
                break
            continue
        failures_in_a_row = 0
        row.status = LtiScore.Status.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
        row.next_attempt_at = None
        row.save(
            update_fields=[
                "status",
                "sent_at",
                "last_error",
                "next_attempt_at",
                "updated_at",
            ]
        )
        run.sent += 1
    return run


def _failed(row: LtiScore, error: PlatformError) -> None:
    outbox.record_failure(
        row,
        failed_status=LtiScore.Status.FAILED,
        reason=error.message,
        retry=error.retry,
        max_attempts=settings.SIGAP_LTI_MAX_ATTEMPTS,
        base=settings.SIGAP_LTI_RETRY_BASE_SECONDS,
        cap=settings.SIGAP_LTI_RETRY_CAP_SECONDS,
        gave_up=_(
            "Dihentikan setelah %(count)d percobaan; kirim ulang bila platform "
            "sudah pulih."
        ),
    )
