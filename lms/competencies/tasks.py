"""Background work for competencies: telling learners the outcome of a claim."""

from django_tasks import task

from lms.emails import absolute_url, send_email

from .models import ExternalLearningClaim


@task()
def send_claim_outcome(*, claim_id: int) -> None:
    """Email the learner that HR approved or rejected their claim, and why."""
    claim = (
        ExternalLearningClaim.objects.select_related("user").filter(pk=claim_id).first()
    )
    if claim is None or claim.is_pending:
        return
    send_email(
        kind="claim_outcome",
        to=claim.user,
        context={
            "claim": claim,
            "jp_url": absolute_url("competencies:mine", fragment="jp"),
        },
        link=absolute_url("competencies:mine", fragment="jp"),
    )
