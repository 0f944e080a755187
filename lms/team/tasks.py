"""Background team work: the supervisors' weekly digest of overdue items."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .services import send_weekly_digests


@periodic(every=datetime.timedelta(hours=1))
@task()
def send_team_digests() -> int:
    """Hourly check; sends on Monday from 07:00 Asia/Jakarta, once per ISO week."""
    return send_weekly_digests()
