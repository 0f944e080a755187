"""Retention periods are settings; the daily task removes old records and logs it."""

import datetime

import pytest
import time_machine

from lms.accounts.models import DataRequest
from lms.accounts.retention import apply_retention
from lms.audit.models import AuditEvent
from lms.audit.services import record_event

pytestmark = pytest.mark.django_db


def test_old_records_go_recent_ones_stay_and_the_sweep_is_logged(settings, learner):
    settings.SIGAP_RETENTION_DAYS = {"audit.auditevent": 30, "accounts.datarequest": 30}
    with time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)):
        record_event(actor=learner, action="lama")
        old_request = DataRequest.objects.create(
            user=learner, kind="restriction", status="done"
        )
        open_request = DataRequest.objects.create(user=learner, kind="erasure")
    record_event(actor=learner, action="baru")
    removed = apply_retention()
    assert removed == {"audit.auditevent": 1, "accounts.datarequest": 1}
    assert not AuditEvent.objects.filter(action="lama").exists()
    assert AuditEvent.objects.filter(action="baru").exists()
    assert not DataRequest.objects.filter(pk=old_request.pk).exists()
    assert DataRequest.objects.filter(pk=open_request.pk).exists()  # still pending
    log = AuditEvent.objects.get(action="retention.apply")
    assert log.data["removed"] == removed


def test_zero_days_keeps_forever(settings, learner):
    settings.SIGAP_RETENTION_DAYS = {"audit.auditevent": 0}
    with time_machine.travel(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)):
        record_event(actor=learner, action="lama")
    apply_retention()
    assert AuditEvent.objects.filter(action="lama").exists()


def test_retention_task_is_scheduled_daily():
    from lms.accounts.tasks import apply_retention_periods
    from lms.scheduler import PERIODIC_TASKS

    entry = next(p for p in PERIODIC_TASKS if p.task is apply_retention_periods)
    assert entry.every == datetime.timedelta(days=1)
