"""Work for the worker-crash test, run in its own process against the live database.

    python tests/reliability/crash_scenario.py prepare probe|certificates N
    python tests/reliability/crash_scenario.py sweep probe|certificates
    python tests/reliability/crash_scenario.py report probe|certificates

``prepare`` queues N tasks in the database task backend; ``sweep`` is what operations
run after a crash (for certificates: the periodic ``issue_missing_certificates``);
``report`` prints JSON counts.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from tests.reliability.probe_tasks import (  # noqa: E402
    PROBE_TABLE,
    create_probe_table,
    record_probe,
)

TASK_PATHS = {
    "probe": "tests.reliability.probe_tasks.record_probe",
    "certificates": "certificates.tasks.issue_certificate_task",
}


def _task_counts(kind: str) -> dict:
    """Task results by status, for this scenario's task only."""
    return {
        row["status"]: row["n"]
        for row in DBTaskResult.objects.filter(task_path=TASK_PATHS[kind])
        .values("status")
        .annotate(n=Count("id"))
    }


def prepare_probe(count: int) -> dict:
    create_probe_table()
    for number in range(count):
        record_probe.enqueue(f"probe-{number}")
    return {"queued": count}


def sweep_probe(count: int) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key FROM {PROBE_TABLE}")
        done = {row[0] for row in cursor.fetchall()}
    missing = [f"probe-{n}" for n in range(count) if f"probe-{n}" not in done]
    for key in missing:
        record_probe.enqueue(key)
    return {"requeued": len(missing)}


def report_probe(count: int) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, runs FROM {PROBE_TABLE}")
        rows = cursor.fetchall()
    return {
        "expected": count,
        "records": len(rows),
        "distinct": len({key for key, _ in rows}),
        "tasks": _task_counts("probe"),
    }


def prepare_certificates(count: int) -> dict:
    from courses.models import CoursePage
    from courses.services import complete_enrolment, enrol
    from lms.accounts.models import OrgUnit
    from tests.factories import AsnProfileFactory, make_nip

    course = CoursePage.objects.live().order_by("path").first()
    # These learners complete without sitting the pre-test (may_learn would refuse
    # that): the scenario is about the certificate worker, not the learning path.
    CoursePage.objects.filter(pk=course.pk).update(requires_pretest=False)
    course.requires_pretest = False
    unit = OrgUnit.objects.filter(code="SR-PKM-UTARA").first()
    for number in range(count):
        learner = AsnProfileFactory(
            unit=unit,
            nip=make_nip(birth="19850101", tmt="201001", gender="1"),
            user__email=f"crash-{number}@reliability.test",
        ).user
        enrolment, _ = enrol(user=learner, course=course)
        complete_enrolment(enrolment=enrolment)
    return {"queued": count, "course": course.code}


def sweep_certificates(count: int) -> dict:
    from certificates.tasks import issue_missing_certificates
    from courses.models import Enrolment

    # The sweep leaves fresh completions to the normal task; ours are "old" now.
    Enrolment.objects.completed().update(
        completed_at=timezone.now() - datetime.timedelta(minutes=15)
    )
    return {"requeued": issue_missing_certificates.call()}


def report_certificates(count: int) -> dict:
    from certificates.models import Certificate
    from courses.models import Enrolment

    completed = Enrolment.objects.completed().filter(
        user__email__endswith="@reliability.test"
    )
    per_enrolment = [
        Certificate.objects.filter(enrolment=enrolment, status=Certificate.Status.VALID)
        .exclude(pdf="")
        .count()
        for enrolment in completed
    ]
    numbers = list(Certificate.objects.values_list("number", flat=True))
    return {
        "expected": count,
        "enrolments": len(per_enrolment),
        "exactly_once": sum(1 for n in per_enrolment if n == 1),
        "duplicates": sum(1 for n in per_enrolment if n > 1),
        "missing": sum(1 for n in per_enrolment if n == 0),
        "numbers_unique": len(numbers) == len(set(numbers)),
        "tasks": _task_counts("certificates"),
    }


ACTIONS = {
    ("prepare", "probe"): prepare_probe,
    ("sweep", "probe"): sweep_probe,
    ("report", "probe"): report_probe,
    ("prepare", "certificates"): prepare_certificates,
    ("sweep", "certificates"): sweep_certificates,
    ("report", "certificates"): report_certificates,
}

if __name__ == "__main__":
    action, kind, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sys.stdout.write(json.dumps(ACTIONS[(action, kind)](count)) + "\n")
