"""ZIP bundles of a course's certificates for trainers and HR officers."""

import tempfile
import zipfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import Certificate, CertificateBundle
from .permissions import course_certificates_for

PROGRESS_EVERY = 10


def bundle_certificates(*, bundle: CertificateBundle):
    """The valid, rendered certificates the requester may download, in number order."""
    return (
        course_certificates_for(bundle.requested_by, bundle.course)
        .filter(status=Certificate.Status.VALID)
        .exclude(pdf="")
        .order_by("number_scope", "seq")
    )


@transaction.atomic
def start_bundle(*, course, user) -> CertificateBundle:
    """Record a bundle request and queue the task that builds it."""
    # in-function: the task module imports this one (the task runs ``build_bundle``).
    from .tasks import build_certificate_bundle_task

    bundle = CertificateBundle.objects.create(course=course, requested_by=user)
    transaction.on_commit(lambda: build_certificate_bundle_task.enqueue(bundle.pk))
    return bundle


def build_bundle(*, bundle_id: int) -> CertificateBundle:
    """Write the ZIP to a temporary file, then store it, saving progress as it goes."""
    bundle = CertificateBundle.objects.select_related("course", "requested_by").get(
        pk=bundle_id
    )
    if bundle.status == CertificateBundle.Status.DONE:
        return bundle
    certificates = list(
        bundle_certificates(bundle=bundle).only("number", "holder_name", "pdf")
    )
    bundle.status, bundle.total, bundle.done = (
        CertificateBundle.Status.RUNNING,
        len(certificates),
        0,
    )
    bundle.save(update_fields=["status", "total", "done"])
    try:
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_STORED) as archive:
                for index, certificate in enumerate(certificates, start=1):
                    name = slugify(f"{certificate.number} {certificate.holder_name}")
                    with certificate.pdf.open("rb") as handle:
                        archive.writestr(f"{name[:120]}.pdf", handle.read())
                    if index % PROGRESS_EVERY == 0:
                        CertificateBundle.objects.filter(pk=bundle.pk).update(
                            done=index
                        )
            spool.seek(0)
            filename = slugify(f"sertifikat {bundle.course.code} {bundle.pk}") + ".zip"
            bundle.file.save(filename, File(spool), save=False)
    except Exception as error:  # noqa: BLE001 - recorded for the person waiting
        bundle.status, bundle.error = CertificateBundle.Status.FAILED, str(error)[:500]
        bundle.save(update_fields=["status", "error"])
        raise
    bundle.status, bundle.done = CertificateBundle.Status.DONE, len(certificates)
    bundle.finished_at = timezone.now()
    bundle.save(update_fields=["status", "done", "file", "finished_at"])
    return bundle
