"""Background programme work: rule evaluation, recertification, expiry reminders."""

import datetime

from django.utils.translation import gettext as _
from django_tasks import task

from lms.hr.jobs import report_progress, run_tracked
from lms.hr.models import HrJob
from lms.scheduler import periodic

from .models import Programme
from .reminders import send_expiry_reminders
from .services import evaluate_rules, renew_expiring


@task()
def evaluate_rules_task(user_ids: list[int] | None = None) -> int:
    """Assign the rules' new people (only ``user_ids`` when given)."""
    return evaluate_rules(user_ids=user_ids).total


def evaluate_for_job(job: HrJob) -> None:
    """The work of a rule-evaluation job (``lms.programmes.evaluation``): one
    programme's rules or all of them, for everyone or the people named, with its
    progress and counts kept on the job."""
    programme_id = job.params.get("programme_id")
    run = evaluate_rules(
        programmes=(
            Programme.objects.filter(pk=programme_id)
            if programme_id is not None
            else None
        ),
        user_ids=job.params.get("user_ids"),
        progress=report_progress(job),
    )
    job.result = {
        "assigned": run.total,
        "rules": run.rules,
        "programmes": len(run.assigned),
    }


@task()
def run_rule_evaluation(job_id: int) -> None:
    """Run a rule-evaluation job started by HR (a rule saved, a staff import)."""
    run_tracked(
        job_id=job_id,
        work=evaluate_for_job,
        failure_message=_(
            "Penugasan menurut aturan gagal. Aturan tetap tersimpan dan penugasan "
            "yang sudah tercatat tetap berlaku; Sigap menjalankan semua aturan lagi "
            "setiap jam. Jika terus gagal, hubungi administrator."
        ),
    )


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
