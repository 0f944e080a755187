"""Reads for the xAPI outbox screen: counts per status and verb, recent failures."""

import datetime
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count

from .models import XapiStatement


@dataclass(frozen=True)
class FailedStatement:
    statement_id: uuid.UUID
    verb: str
    attempts: int
    reason: str
    next_attempt_at: datetime.datetime | None
    updated_at: datetime.datetime


@dataclass(frozen=True)
class OutboxOverview:
    enabled: bool
    lrs_host: str
    counts: dict[str, int]
    by_verb: list[tuple[str, dict[str, int]]]
    failures: list[FailedStatement]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def outbox_overview(*, failures: int = 50) -> OutboxOverview:
    """What the outbox holds: per status, per verb and status, and the newest
    ``failures`` failed statements with their reason."""
    counts = dict.fromkeys(XapiStatement.Status.values, 0)
    verbs: dict[str, dict[str, int]] = {}
    for verb, status, count in (
        XapiStatement.objects.order_by()
        .values_list("verb", "status")
        .annotate(n=Count("pk"))
    ):
        counts[status] = counts.get(status, 0) + count
        verbs.setdefault(verb, dict.fromkeys(XapiStatement.Status.values, 0))[
            status
        ] = count
    failed = [
        FailedStatement(*values)
        for values in XapiStatement.objects.filter(status=XapiStatement.Status.FAILED)
        .order_by("-updated_at", "-pk")
        .values_list(
            "statement_id",
            "verb",
            "attempts",
            "last_error",
            "next_attempt_at",
            "updated_at",
        )[:failures]
    ]
    url = settings.SIGAP_XAPI_LRS_URL
    return OutboxOverview(
        enabled=bool(url),
        lrs_host=urlsplit(url).netloc if url else "",
        counts=counts,
        by_verb=sorted(verbs.items()),
        failures=failed,
    )
