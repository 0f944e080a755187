"""Background discussion work: the reply digest."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .services import send_reply_digests


@periodic(every=datetime.timedelta(hours=1))
@task()
def send_discussion_digests() -> int:
    """Hourly check; each person gets at most one digest per
    ``SIGAP_DISCUSSION_DIGEST_HOURS``, only when someone replied."""
    return send_reply_digests()
