"""What every outbox to another system shares: the wait before the next try and
taking due rows for one worker.

An outbox row is sent by a periodic task; a failure that may pass (time-out, 5xx)
is tried again later. ``backoff`` is the wait (doubling from a base, capped, with
jitter in its upper half so that rows failed together do not return together);
``claim`` takes due rows with ``SELECT … FOR UPDATE SKIP LOCKED`` and moves their
time on by a lease before the lock is released, so several workers never send the
same row and a slow remote system holds no lock. Used by the SIASN sync
(``lms.hr.siasn_sync``), the xAPI statements (``lms.xapi.sending``) and LTI scores
(``lms.lti.sending``); ``record_failure`` counts a failed try. Imports no
app.
"""

import datetime
import random

from django.db import models, transaction
from django.utils import timezone

# After this many failures in a row that may pass, a run stops: the other side is
# down, and the rest stays queued for the next run.
STOP_AFTER_FAILURES = 3


def backoff(attempts: int, *, base: float, cap: float) -> datetime.timedelta:
    """The wait before try ``attempts + 1``: ``base`` doubled per failure, at most
    ``cap``, times a random factor in [0.5, 1]."""
    ceiling = min(cap, base * 2 ** max(attempts - 1, 0))
    return datetime.timedelta(seconds=ceiling * random.uniform(0.5, 1.0))  # noqa: S311


def claim(
    due: models.QuerySet,
    *,
    lease: datetime.timedelta,
    limit: int = 1,
    field: str = "next_attempt_at",
) -> list:
    """Take up to ``limit`` rows of ``due`` (oldest first) for this worker: each
    row's ``field`` moves on by ``lease`` (and ``updated_at``, if the model has
    one), inside a short transaction whose lock skips rows another worker holds."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            due.select_for_update(skip_locked=True).order_by(field, "pk")[:limit]
        )
        if not rows:
            return []
        values = {field: now + lease}
        if any(f.name == "updated_at" for f in due.model._meta.concrete_fields):
            values["updated_at"] = now
        due.model._default_manager.filter(pk__in=[row.pk for row in rows]).update(
            **values
        )
        for row in rows:
            for name, value in values.items():
                setattr(row, name, value)
    return rows


def record_failure(
    row: models.Model,
    *,
    failed_status: str,
    reason: str,
    max_attempts: int,
    base: float,
    cap: float,
    gave_up: str,
    retry: bool = True,
    now: datetime.datetime | None = None,
) -> None:
    """One failed try of ``row`` (with ``attempts``, ``status``, ``last_error``,
    ``next_attempt_at``, ``updated_at``): counted, its reason kept, and the next
    try after ``backoff``; none when ``retry`` is false (the other side refused
    it: a person must look) or after ``max_attempts``, when ``gave_up`` (with
    ``%(count)d`` for the tries made) is added to the reason."""
    row.attempts += 1
    row.status = failed_status
    row.last_error = reason
    if not retry:
        row.next_attempt_at = None
    elif row.attempts < max_attempts:
        row.next_attempt_at = (now or timezone.now()) + backoff(
            row.attempts, base=base, cap=cap
        )
    else:
        row.next_attempt_at = None
        row.last_error += " " + gave_up % {"count": row.attempts}
    row.save(
        update_fields=[
            "attempts",
            "status",
            "last_error",
            "next_attempt_at",
            "updated_at",
        ]
    )
