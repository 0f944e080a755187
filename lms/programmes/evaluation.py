"""Rule evaluation as a job HR can follow: saving a rule, or a staff import that
changed people, queues the evaluation as a background task and records it as an
``HrJob`` (kind *evaluate_rules*), whose page (/hr/tugas/<id>/, HR's job page)
shows it queued, running (N of M rules), done with its counts, or failed with a
message. The evaluation itself is ``services.evaluate_rules``: idempotent, so a
retried or repeated job assigns nobody twice. With the immediate task backend
(``make demo``, tests) the job has run by the time the page opens.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.hr.models import HrJob

from .models import AssignmentRule, Programme
from .services import add_rule
from .tasks import evaluate_rules_task, run_rule_evaluation


def start_rule_evaluation(
    *,
    by: User,
    programme: Programme | None = None,
    user_ids: list[int] | None = None,
    on_commit: bool = False,
) -> HrJob:
    """Record and queue an evaluation of ``programme``'s rules (every
    programme's when None), for ``user_ids`` only when given. ``on_commit``:
    queue it once the caller's transaction commits (the people it looks at are
    written in it)."""
    if programme is not None:
        back_url = reverse("programmes:detail", args=[programme.pk])
        back_label = programme.title
    else:
        back_url = reverse("programmes:list")
        back_label = _("Program pelatihan")
    job = HrJob.objects.create(
        kind=HrJob.Kind.EVALUATE_RULES,
        created_by=by,
        params={
            "programme_id": programme.pk if programme is not None else None,
            "user_ids": user_ids,
            "back_url": back_url,
            "back_label": str(back_label),
        },
    )
    if on_commit:
        transaction.on_commit(lambda: run_rule_evaluation.enqueue(job.pk))
    else:
        # Queued inside the caller's transaction: the database backend's task
        # row commits (or not) with the rule that it evaluates.
        run_rule_evaluation.enqueue(job.pk)
    return job


@transaction.atomic
def add_rule_and_evaluate(
    *, programme: Programme, rule: AssignmentRule, by: User, request=None
) -> HrJob:
    """Save a rule and queue the assignment of its people; the job to follow."""
    add_rule(programme=programme, rule=rule, by=by, request=request)
    return start_rule_evaluation(by=by, programme=programme)


def queue_rule_evaluation(*, user_ids: list[int], by: User | None = None):
    """People step (``SIGAP_PEOPLE_CHANGED_STEPS``): once the change is committed,
    look at the rules again for the people who joined, moved or changed. Started
    by an HR officer (a staff import): a job they can follow, returned so the
    import's page links to it; otherwise (a profile saved) a plain task."""
    ids = list(user_ids)
    if not ids:
        return None
    if by is not None:
        return start_rule_evaluation(by=by, user_ids=ids, on_commit=True)
    transaction.on_commit(lambda: evaluate_rules_task.enqueue(ids))
    return None
