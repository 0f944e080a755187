"""Background work about people: the retention sweep."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .retention import apply_retention


@periodic(every=datetime.timedelta(days=1))
@task()
def apply_retention_periods() -> None:
    """Daily: remove records past their retention period and log what went."""
    apply_retention()
