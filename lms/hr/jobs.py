"""HR background jobs: run one export or import job to the end, recording the outcome.

The services create and queue jobs; the task runs them here, so the two do not
import each other.
"""

import tempfile
from pathlib import Path

from django.core.files import File
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


def run_job(*, job_id: int) -> None:
    """Run one job to the end, recording success or failure on it."""
    job = HrJob.objects.select_related("created_by").get(pk=job_id)
    if job.is_finished:
        return
    HrJob.objects.filter(pk=job.pk).update(status=HrJob.Status.RUNNING)
    try:
        if job.kind == HrJob.Kind.EXPORT_RIWAYAT_XLSX:
            build_riwayat_xlsx(job=job)
        elif job.kind == HrJob.Kind.EXPORT_TIME_XLSX:
            build_time_spent_xlsx(job=job)
        elif job.kind == HrJob.Kind.IMPORT_STAFF:
            apply_import_job(job=job)
    except Exception as error:  # noqa: BLE001 - the job page must say it failed
        job.status = HrJob.Status.FAILED
        job.message = str(error)[:1000]
    else:
        job.status = HrJob.Status.DONE
    job.finished_at = timezone.now()
    job.save()
