"""HR background jobs: run one export or import job to the end, recording the outcome.

The services create and queue jobs; the task runs them here, so the two do not
import each other. ``run_tracked`` is the same bookkeeping (running, done or
failed, progress) for a job whose work belongs to a layer above (the programmes'
rule evaluation): that layer passes the work in, this one never imports it.
"""

import contextlib
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone, translation

from .exports import (
    RIWAYAT_KURSUS_COLUMNS,
    riwayat_kursus_rows,
    time_spent_header,
    time_spent_rows,
    write_xlsx,
)
from .filters import HrFilterForm, HrFilters
from .imports import apply_import_job
from .models import HrJob

logger = logging.getLogger(__name__)


def filters_for(*, user, params: dict) -> HrFilters:
    """Rebuild filters from stored GET parameters, checked against the scope."""
    data = QueryDict(mutable=True)
    data.update(params)
    return HrFilterForm(data, user=user).filters()


def _progress(job: HrJob):
    def report(done: int) -> None:
        HrJob.objects.filter(pk=job.pk).update(done=done)

    return report


def build_riwayat_xlsx(*, job: HrJob) -> None:
    """Write the export file of ``job``; scope comes from the job's creator."""
    filters = filters_for(user=job.created_by, params=job.params)
    rows = riwayat_kursus_rows(user=job.created_by, filters=filters)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"riwayat-kursus-{filters.year or 'semua'}.xlsx"
        count = write_xlsx(path, RIWAYAT_KURSUS_COLUMNS, rows, progress=_progress(job))
        with path.open("rb") as handle:
            job.result_file.save(path.name, File(handle), save=False)
    job.done = count
    job.total = count


def build_time_spent_xlsx(*, job: HrJob) -> None:
    """Write the learning-time file of ``job`` in the language it was asked in;
    scope comes from the job's creator."""
    filters = filters_for(user=job.created_by, params=job.params)
    with translation.override(job.params.get("language") or None):
        header = time_spent_header()
        rows = time_spent_rows(user=job.created_by, filters=filters)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"waktu-belajar-{filters.year or 'semua'}.xlsx"
            count = write_xlsx(
                path,
                header,
                rows,
                progress=_progress(job),
                sheet_name="waktu-belajar",
            )
            with path.open("rb") as handle:
                job.result_file.save(path.name, File(handle), save=False)
    job.done = count
    job.total = count


def report_progress(job: HrJob) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` for work that learns its total as it goes."""

    def report(done: int, total: int) -> None:
        HrJob.objects.filter(pk=job.pk).update(done=done, total=total)
        job.done, job.total = done, total

    return report


def run_tracked(
    *, job_id: int, work: Callable[[HrJob], None], failure_message: str = ""
) -> HrJob:
    """Run ``work(job)`` once, recording it on the job as running, then done or
    failed (with ``failure_message``, else the error's text); a finished job is
    left as it is, so a task delivered twice does the work once."""
    job = HrJob.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:
        return job
    HrJob.objects.filter(pk=job.pk).update(status=HrJob.Status.RUNNING)
    # Run inside a request's transaction (the immediate task backend), a failure
    # must not leave that transaction broken for the job's own record; run by a
    # worker, no wrapping, so each progress update is seen at once.
    guard = (
        transaction.atomic()
        if transaction.get_connection().in_atomic_block
        else contextlib.nullcontext()
    )
    try:
        with guard:
            work(job)
    except Exception as error:  # noqa: BLE001 - the job page must say it failed
        logger.exception("HR job %s (%s) failed", job.pk, job.kind)
        job.status = HrJob.Status.FAILED
        job.message = (failure_message or str(error))[:1000]
    else:
        job.status = HrJob.Status.DONE
    job.finished_at = timezone.now()
    job.save()
    return job


def _run_hr_work(job: HrJob) -> None:
    if job.kind == HrJob.Kind.EXPORT_RIWAYAT_XLSX:
        build_riwayat_xlsx(job=job)
    elif job.kind == HrJob.Kind.EXPORT_TIME_XLSX:
        build_time_spent_xlsx(job=job)
    elif job.kind == HrJob.Kind.IMPORT_STAFF:
        apply_import_job(job=job)


def run_job(*, job_id: int) -> None:
    """Run one job to the end, recording success or failure on it."""
    run_tracked(job_id=job_id, work=_run_hr_work)
