"""Background xAPI work: sending the outbox to the LRS."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .sending import send_due


@periodic(every=datetime.timedelta(minutes=1))
@task()
def send_xapi_statements() -> dict:
    """Every minute: send the statements that are due (nothing when xAPI is off)."""
    run = send_due()
    return {"sent": run.sent, "failed": run.failed, "stopped": run.stopped_early}
