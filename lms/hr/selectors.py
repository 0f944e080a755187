"""HR reads that belong to no report: the state of an import job."""

from .models import HrJob


def can_apply_import(job: HrJob) -> bool:
    """Whether ``job`` is a staff import whose dry run finished without errors, so
    it may be applied."""
    dry = job.result.get("dry_run") if job.result else None
    return (
        job.kind == HrJob.Kind.IMPORT_STAFF
        and job.status == HrJob.Status.DONE
        and job.params.get("phase") == "dry_run"
        and dry is not None
        and dry["counts"]["error"] == 0
    )
