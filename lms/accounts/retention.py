"""Retention: records older than their configured period are removed, and logged.

Periods per record type are settings (``SIGAP_RETENTION_DAYS``: model label →
days; the date field per model is in ``RETENTION_DATE_FIELDS``). The audit trail
is append-only for the application; this is the one place that removes old
events, through ``AuditEvent.objects.purge_before``.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.db.models import FileField
from django.utils import timezone

from lms.audit.services import record_event

RETENTION_DATE_FIELDS = {
    "audit.auditevent": "at",
    "hr.hrjob": "created_at",
    "hr.reminderlog": "sent_at",
    "team.nudge": "sent_at",
    "team.digestsent": "sent_at",
    "accounts.datarequest": "created_at",
    "livesessions.attendanceimport": "created_at",
    "django_tasks_database.dbtaskresult": "enqueued_at",
    # Only statements the LRS received (``sent_at`` set): the outbox's copy; one
    # not yet sent has no ``sent_at`` and stays until it is sent.
    "xapi.xapistatement": "sent_at",
    # The same for LTI scores the platform received.
    "lti.ltiscore": "sent_at",
}


def apply_retention(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Remove what is past its retention period; return counts per record type."""
    now = now or timezone.now()
    removed: dict[str, int] = {}
    for label, days in settings.SIGAP_RETENTION_DAYS.items():
        date_field = RETENTION_DATE_FIELDS.get(label)
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if not days or date_field is None:
            continue
        cutoff = now - datetime.timedelta(days=days)
        if label == "audit.auditevent":
            count = model.objects.purge_before(cutoff)
        else:
            queryset = model.objects.filter(**{f"{date_field}__lt": cutoff})
            if label == "accounts.datarequest":
                queryset = queryset.exclude(status="open")
            for obj in queryset.iterator() if _has_files(model) else ():
                _delete_files(obj)
            count, _ = queryset.delete()
        removed[label] = count
    record_event(actor=None, action="retention.apply", removed=removed)
    return removed


def _has_files(model) -> bool:
    return any(isinstance(f, FileField) for f in model._meta.concrete_fields)


def _delete_files(obj) -> None:
    for f in obj._meta.concrete_fields:
        if isinstance(f, FileField) and getattr(obj, f.name):
            getattr(obj, f.name).delete(save=False)
