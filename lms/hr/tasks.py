"""Background HR work: large exports and imports, and the reminder emails."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .jobs import run_job
from .reminders import send_due_reminders


@task()
def run_hr_job(job_id: int) -> None:
    """Run an export or import job created by an HR officer."""
    run_job(job_id=job_id)


@periodic(every=datetime.timedelta(days=1))
@task()
def send_reminders() -> None:
    """Daily: remind learners below the JP target and those past a deadline."""
    send_due_reminders()
