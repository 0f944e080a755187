"""Periodic work: tasks registered here are enqueued by ``manage.py run_scheduler``.

Django's tasks API has no scheduler; this small loop is the one place that decides
when periodic tasks (timed-out attempts, reminders, retention) are enqueued.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class PeriodicTask:
    task: object  # a django_tasks Task
    every: datetime.timedelta


PERIODIC_TASKS: list[PeriodicTask] = []


def periodic(*, every: datetime.timedelta) -> Callable:
    """Register a task (decorated with ``@task``) to run every ``every``."""

    def register(task_obj):
        PERIODIC_TASKS.append(PeriodicTask(task=task_obj, every=every))
        return task_obj

    return register
