"""Background evaluation work: the level-3 supervisor surveys and reminders."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .level3 import send_supervisor_surveys


@periodic(every=datetime.timedelta(hours=1))
@task()
def send_level3_surveys() -> dict:
    """Hourly: ask the supervisors whose survey is due today (Asia/Jakarta) and
    remind once those who have not answered; each survey is sent once, ever."""
    run = send_supervisor_surveys()
    return {"sent": run.sent, "reminded": run.reminded}
