"""Background work for competencies: telling learners the outcome of a claim."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_claim_outcome(*, claim_id: int) -> None:
    """Email the learner that HR approved or rejected their claim, and why."""
    from .models import ExternalLearningClaim

    claim = (
        ExternalLearningClaim.objects.select_related("user").filter(pk=claim_id).first()
    )
    if claim is None or claim.is_pending:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"claim": claim, "site_url": settings.SITE_URL}
        subject = render_to_string(
            "competencies/email/claim_outcome_subject.txt", context
        ).strip()
        body = render_to_string("competencies/email/claim_outcome.txt", context)
    send_mail(subject, body, None, [claim.user.email])
