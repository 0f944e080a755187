"""A generic background task for the worker-crash test: record a key exactly once.

It stands for any idempotent task (issuing a certificate is the real one): slow
enough to be killed in the middle, and safe to run again.
"""

import time

from django.db import connection
from django_tasks import task

PROBE_TABLE = "reliability_probe"


def create_probe_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {PROBE_TABLE} "
            "(key VARCHAR(40) PRIMARY KEY, runs INTEGER NOT NULL DEFAULT 1)"
        )


@task()
def record_probe(key: str) -> None:
    time.sleep(0.15)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {PROBE_TABLE} (key) VALUES (%s) "
            f"ON CONFLICT (key) DO UPDATE SET runs = {PROBE_TABLE}.runs + 1",
            [key],
        )
    time.sleep(0.15)
