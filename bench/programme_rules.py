"""Programme rules benchmark: 50 assignment rules over 100,000 people.

Reuses the HR benchmark's load data (``generate_load_data``: 100,000 learners in
30 units of 8 sub-units; ``--short``: 10,000), then in this process:

- 50 programmes of one course each, 50 rules: 30 by unit subtree, 10 by unit and
  golongan, 5 by position type over the instansi, 5 PPPK over the instansi;
- the first evaluation (everyone matched is assigned and enrolled);
- 5,000 people (``--short``: 500) move to another unit, as a staff import would
  record it, then the rules are evaluated for the changed people only;
- the hourly sweep over everyone, which finds nothing new (idempotence).

Prints a markdown section. Target (issue 19): the evaluation after an import of
5,000 changed people under 60 s. The people moved are moved back afterwards and
the benchmark's programmes, assignments and the enrolments they made are removed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from bench.hr_bench import FULL, SHORT, ensure_load_data  # noqa: E402

CODE_PREFIX = "bench-rule-"
TARGET_S = 60


def _clear() -> None:
    from courses.models import Enrolment
    from lms.programmes.models import Programme, ProgrammeAssignment

    programmes = Programme.objects.filter(code__startswith=CODE_PREFIX)
    courses = programmes.values("items__course")
    Enrolment.objects.filter(
        course__in=courses, source=Enrolment.Source.BULK, completed_at__isnull=True
    ).delete()
    ProgrammeAssignment.objects.filter(programme__in=programmes).delete()
    programmes.delete()


def _programmes_and_rules(root) -> int:
    from courses.models import CoursePage
    from lms.accounts.models import OrgUnit
    from lms.programmes.models import (
        AssignmentRule,
        PositionType,
        Programme,
        ProgrammeItem,
    )

    courses = list(CoursePage.objects.filter(code__startswith="BEBAN").order_by("code"))
    units = list(OrgUnit.objects.filter(depth=2, path__startswith=root.path))
    criteria = (
        [{"unit": unit} for unit in units[:30]]
        + [{"unit": unit, "golongan": "III/a"} for unit in units[:10]]
        + [
            {"unit": root, "position_type": kind}
            for kind in [*PositionType.values, *PositionType.values][:5]
        ]
        + [{"unit": root, "employee_type": "PPPK"}] * 5
    )
    for index, rule in enumerate(criteria[:50]):
        programme = Programme.objects.create(
            title=f"Program Beban {index:02d}",
            code=f"{CODE_PREFIX}{index:02d}",
            owner_unit=root,
            due_days=90,
        )
        ProgrammeItem.objects.create(
            programme=programme, course=courses[index % len(courses)]
        )
        AssignmentRule.objects.create(programme=programme, **rule)
    return len(criteria[:50])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true")
    args = parser.parse_args(argv)
    learners, completions = SHORT if args.short else FULL
    moved_count = 500 if args.short else 5_000

    import django

    django.setup()
    from django.db import connection

    from lms.accounts.models import AsnProfile, OrgUnit
    from lms.hr.management.commands.generate_load_data import ROOT_CODE
    from lms.programmes.models import ProgrammeAssignment
    from lms.programmes.services import evaluate_rules

    data_note = ensure_load_data(learners, completions)
    root = OrgUnit.objects.get(code=ROOT_CODE)
    _clear()
    rules = _programmes_and_rules(root)

    started = time.perf_counter()
    first = evaluate_rules()
    first_s = time.perf_counter() - started

    # The import: people of unit 00 (which has rules) and others move to unit 29's
    # sub-units; their old unit ids are kept to move them back.
    target = OrgUnit.objects.get(code=f"{ROOT_CODE}-29-00")
    moved = list(
        AsnProfile.objects.filter(unit__path__startswith=root.path)
        .exclude(unit__path__startswith=target.path)
        .order_by("pk")
        .values_list("pk", "user_id", "unit_id")[:moved_count]
    )
    AsnProfile.objects.filter(pk__in=[pk for pk, _u, _unit in moved]).update(
        unit=target
    )
    started = time.perf_counter()
    after_import = evaluate_rules(user_ids=[user_id for _pk, user_id, _u in moved])
    import_s = time.perf_counter() - started

    started = time.perf_counter()
    sweep = evaluate_rules()
    sweep_s = time.perf_counter() - started
    assignments = ProgrammeAssignment.objects.filter(
        programme__code__startswith=CODE_PREFIX
    ).count()

    for pk, _user_id, unit_id in moved:
        AsnProfile.objects.filter(pk=pk).update(unit_id=unit_id)
    _clear()

    verdict = "meets" if import_s <= TARGET_S else "**misses**"
    print(
        f"""## Programme assignment rules

{learners:,} people under one instansi ({connection.vendor}; load data \
{data_note}); {rules} rules on 50 programmes of one course each (unit subtrees, \
golongan, position type, PPPK). Evaluation is set-based (one query per rule, bulk \
inserts, `enrol_many`); in this process, no task queue.

| measurement | result | target |
| --- | ---: | --- |
| first evaluation: assignments and enrolments made | {first.total:,} in \
{first_s:.1f} s | |
| after an import of {moved_count:,} changed people (moved unit): new \
assignments | {after_import.total:,} in {import_s:.1f} s | ≤ {TARGET_S} s: {verdict} |
| hourly sweep over everyone, nothing new | {sweep.total:,} new in {sweep_s:.1f} s \
| 0 new |
| assignments in total (never duplicated) | {assignments:,} | |
"""
    )
    return 0 if sweep.total == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
