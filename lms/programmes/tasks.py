"""Background programme work: rule evaluation, recertification, expiry reminders."""

import datetime

from django.db import transaction
from django_tasks import task

from lms.scheduler import periodic

from .reminders import send_expiry_reminders
from .services import evaluate_rules, renew_expiring


@task()
def evaluate_rules_task(user_ids: list[int] | None = None) -> int:
    """Assign the rules' new people (only ``user_ids`` when given)."""
    return evaluate_rules(user_ids=user_ids).total


def queue_rule_evaluation(*, user_ids: list[int]) -> None:
    """People step (``SIGAP_PEOPLE_CHANGED_STEPS``): once the change is committed,
    look at the rules again for the people who joined, moved or changed."""
    ids = list(user_ids)
    if ids:
        transaction.on_commit(lambda: evaluate_rules_task.enqueue(ids))


@periodic(every=datetime.timedelta(hours=1))
@task()
def evaluate_all_rules() -> int:
    """The safety net: every rule against everyone (a change made outside Sigap's
    screens, a rule saved while a task failed)."""
    return evaluate_rules().total


@periodic(every=datetime.timedelta(hours=1))
@task()
def recertify() -> int:
    """Assign renewals whose time has come and send the 60/30/7-day reminders
    (both keyed by the day in Asia/Jakarta, each once)."""
    return renew_expiring() + send_expiry_reminders()
