"""Background work of live sessions: the reminder e-mails."""

import datetime

from django_tasks import task

from lms.scheduler import periodic

from .services import send_session_reminders


@periodic(every=datetime.timedelta(minutes=5))
@task()
def send_session_reminders_task() -> int:
    """Every five minutes: the day-before and hour-before reminders now due."""
    sent = send_session_reminders()
    return sent.day + sent.hour
