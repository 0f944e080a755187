"""Background work of the quiz engine."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .services import close_expired_attempts


@periodic(every=datetime.timedelta(minutes=1))
@task()
def close_expired_attempts_task() -> int:
    """Close attempts whose time ran out, grading their last saved answers."""
    return close_expired_attempts()
