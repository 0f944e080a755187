"""HR exports and staff imports on S3-compatible storage: the job's files live in the
private bucket, so whichever machine runs the task, any web node serves them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.hr.models import HrJob
from tests.conftest import s3_object_bytes, s3_object_is_private
from tests.factories import complete_enrolment_for
from tests.hr.test_imports import GOOD, HEADER


def test_xlsx_export_job_is_stored_in_the_bucket_and_downloaded_by_its_creator(
    s3_media, officer_client, course, learner, insider, settings, client, admin_user
):
    from openpyxl import load_workbook

    for person in (learner, insider):
        complete_enrolment_for(person, course)
    settings.SIGAP_HR_XLSX_SYNC_ROWS = 1
    officer_client.post(reverse("hr:export_riwayat_xlsx"), {})
    job = HrJob.objects.get()
    assert job.status == HrJob.Status.DONE
    assert s3_object_is_private(s3_media, job.result_file)
    download = officer_client.get(reverse("hr:job_download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    assert content == s3_object_bytes(s3_media, job.result_file)
    assert len(list(load_workbook(io.BytesIO(content)).active.iter_rows())) == 3
    client.force_login(admin_user)
    assert client.get(reverse("hr:job_download", args=[job.pk])).status_code == 404


def test_staff_import_reads_its_source_back_from_the_bucket(
    s3_media, officer_client, sub_unit
):
    body = (HEADER + "\n".join(GOOD) + "\n").encode()
    officer_client.post(
        reverse("hr:imports"), {"file": SimpleUploadedFile("pegawai.csv", body)}
    )
    job = HrJob.objects.get()
    assert s3_object_bytes(s3_media, job.source) == body
    assert s3_object_is_private(s3_media, job.source)
    page = officer_client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "Ani Lestari" in page and "Budi Hartono" in page
