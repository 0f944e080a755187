"""Certificates on S3-compatible storage: stored privately in the bucket, served only
through the permission-checked view, bundled from the bucket."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse

from certificates.bundles import build_bundle
from certificates.models import CertificateBundle
from certificates.services import issue_certificate
from lms.private_files import PrivateFileHasNoURL
from tests.conftest import S3_BUCKET, s3_key, s3_object_bytes, s3_object_is_private
from tests.factories import AsnProfileFactory, complete_enrolment_for, make_course


def test_issued_certificate_pdf_lands_in_the_bucket_with_its_recorded_sha256(
    s3_media, completed
):
    certificate = issue_certificate(enrolment=completed)
    stored = s3_object_bytes(s3_media, certificate.pdf)
    assert stored.startswith(b"%PDF")
    assert hashlib.sha256(stored).hexdigest() == certificate.sha256


def test_certificate_object_is_private_under_the_private_prefix_and_has_no_url(
    s3_media, certificate
):
    """Not even a signed, short-lived URL: it would outlive the permission check."""
    assert s3_object_is_private(s3_media, certificate.pdf)
    assert s3_key(certificate.pdf).startswith("private/certificates/")
    with pytest.raises(PrivateFileHasNoURL):
        certificate.pdf.url  # noqa: B018


def test_public_images_still_get_signed_short_lived_urls(s3_media, db):
    from PIL import Image as PilImage
    from wagtail.images import get_image_model

    png = io.BytesIO()
    PilImage.new("RGB", (8, 8), "navy").save(png, "PNG")
    image = get_image_model().objects.create(
        title="Sampul", file=ImageFile(io.BytesIO(png.getvalue()), name="sampul.png")
    )
    url = image.file.url
    assert "X-Amz-Signature=" in url and "X-Amz-Expires=600" in url
    assert not s3_key(image.file).startswith("private/")


def test_holder_downloads_the_stored_bytes_through_the_app(
    s3_media, certificate, learner_client
):
    response = learner_client.get(
        reverse("certificates:download", args=[certificate.code])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body == s3_object_bytes(s3_media, certificate.pdf)
    assert S3_BUCKET not in response.get("Location", "")


def test_stranger_gets_404_for_a_certificate_in_the_bucket(
    s3_media, certificate, client, user_factory
):
    client.force_login(user_factory())
    assert (
        client.get(
            reverse("certificates:download", args=[certificate.code])
        ).status_code
        == 404
    )


def test_bundle_zip_is_built_from_the_bucket_and_stored_there(
    s3_media, catalog, unit, user_factory, client
):
    trainer = user_factory(roles=["Pengajar"])
    course = make_course(catalog, lessons=1, trainer=trainer)
    certificates = [
        issue_certificate(
            enrolment=complete_enrolment_for(AsnProfileFactory(unit=unit).user, course)
        )
        for _ in range(2)
    ]
    bundle = build_bundle(
        bundle_id=CertificateBundle.objects.create(
            course=course, requested_by=trainer
        ).pk
    )
    assert bundle.status == CertificateBundle.Status.DONE
    assert s3_object_is_private(s3_media, bundle.file)
    client.force_login(trainer)
    download = client.get(reverse("certificates:bundle_download", args=[bundle.pk]))
    body = b"".join(download.streaming_content)
    assert body == s3_object_bytes(s3_media, bundle.file)
    archive = zipfile.ZipFile(io.BytesIO(body))
    assert sorted(
        hashlib.sha256(archive.read(name)).hexdigest() for name in archive.namelist()
    ) == sorted(c.sha256 for c in certificates)


def test_template_logo_and_its_rendition_are_read_from_the_bucket(s3_media, completed):
    from PIL import Image as PilImage
    from wagtail.images import get_image_model

    from certificates.models import CertificateTemplate

    png = io.BytesIO()
    PilImage.new("RGB", (60, 60), "navy").save(png, "PNG")
    logo = get_image_model().objects.create(
        title="Lambang", file=ImageFile(io.BytesIO(png.getvalue()), name="logo.png")
    )
    template = CertificateTemplate.objects.default()
    template.institution_logo = logo
    template.save()
    certificate = issue_certificate(enrolment=completed)
    rendition = logo.renditions.get()
    assert s3_object_bytes(s3_media, logo.file.name) == png.getvalue()
    assert s3_object_bytes(s3_media, rendition.file.name).startswith(b"\xff\xd8")
    assert (
        certificate.sha256
        == hashlib.sha256(s3_object_bytes(s3_media, certificate.pdf)).hexdigest()
    )
