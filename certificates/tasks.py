"""Background work for certificates: issuing, catching up, and bulk ZIP bundles."""

import datetime
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django_tasks import task

from courses.models import Enrolment
from lms.scheduler import periodic

from .bundles import build_bundle
from .models import Certificate
from .services import (
    CertificateError,
    issue_certificate,
    renew_expiring_certificates,
)
from .signing import SigningError

logger = logging.getLogger(__name__)


@task()
def issue_certificate_task(enrolment_id: int) -> str | None:
    """Issue the certificate of a completed enrolment (safe to run again); none
    when the rules refuse it (``issue_certificate``)."""
    enrolment = Enrolment.objects.filter(pk=enrolment_id).first()
    if enrolment is None or not enrolment.is_completed:
        return None
    try:
        return issue_certificate(enrolment=enrolment).number
    except CertificateError:
        return None
    except SigningError as error:
        # Recorded, not signed: issue_missing_certificates queues it again.
        logger.warning(
            "certificate of enrolment %s not signed: %s", enrolment_id, error
        )
        return None


def queue_certificate(*, enrolment: Enrolment) -> None:
    """Completion step (``SIGAP_COMPLETION_STEPS``): issue the certificate in the
    background once the completion is committed (a rolled-back completion queues
    nothing)."""
    enrolment_id = enrolment.pk
    transaction.on_commit(lambda: issue_certificate_task.enqueue(enrolment_id))


@periodic(every=datetime.timedelta(minutes=10))
@task()
def issue_missing_certificates() -> int:
    """Re-queue what a crashed worker left undone: no certificate, or no PDF yet.

    Only completions older than a few minutes, so this never races the normal task.
    """
    settled = timezone.now() - datetime.timedelta(minutes=5)
    missing = (
        Enrolment.objects.completed()
        .filter(completed_at__lt=settled)
        .exclude(
            Exists(
                # Any finished certificate, even a revoked one, settles it.
                Certificate.objects.filter(enrolment=OuterRef("pk")).exclude(
                    status=Certificate.Status.VALID, pdf=""
                )
            )
        )
        .values_list("pk", flat=True)[:500]
    )
    count = 0
    for enrolment_id in missing:
        issue_certificate_task.enqueue(enrolment_id)
        count += 1
    return count


@task()
def build_certificate_bundle_task(bundle_id: int) -> None:
    """Build a ZIP of a course's certificates, counting progress as it goes."""
    build_bundle(bundle_id=bundle_id)


@periodic(every=datetime.timedelta(hours=1))
@task()
def renew_expiring_course_certificates() -> int:
    """Give the course again to holders whose certificate ends soon (a new
    enrolment cycle; keyed by the Jakarta day, each certificate once)."""
    return renew_expiring_certificates()
