"""Background HR work: large exports and imports, the reminder emails, and the
national record sync (SIASN)."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .jobs import run_job
from .reminders import send_due_reminders
from .siasn_sync import mark_changed, send_due, send_one


@task()
def run_hr_job(job_id: int) -> None:
    """Run an export or import job created by an HR officer."""
    run_job(job_id=job_id)


@periodic(every=datetime.timedelta(days=1))
@task()
def send_reminders() -> None:
    """Daily: remind learners below the JP target and those past a deadline."""
    send_due_reminders()


@periodic(every=datetime.timedelta(minutes=5))
@task()
def send_siasn_records() -> dict:
    """Every 5 minutes: send the national records that are due (nothing when the
    sync is off); what the run did."""
    run = send_due()
    return {"sent": run.sent, "failed": run.failed, "waiting": run.waiting}


@periodic(every=datetime.timedelta(hours=6))
@task()
def check_siasn_records() -> int:
    """Four times a day: mark sent records that changed since (revoked or
    reissued certificate, new JP) so HR can send them again."""
    return mark_changed()


@task()
def send_siasn_row(row_id: int) -> str:
    """Send one outbox row now (HR's *kirim ulang*)."""
    return send_one(row_id=row_id)
