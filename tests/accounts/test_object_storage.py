""" "Data saya" and erasure on S3-compatible storage: the person's files are read from
and removed from the bucket."""

import io
import zipfile

import pytest
from django.urls import reverse

from certificates.services import issue_certificate
from lms.accounts.privacy import erase_person
from tests.conftest import S3_BUCKET, s3_key, s3_object_bytes
from tests.factories import complete_enrolment_for, make_claim_with_evidence

pytestmark = pytest.mark.django_db


def test_my_data_zip_holds_my_certificate_and_evidence_from_the_bucket(
    s3_media, learner_client, learner, course
):
    certificate = issue_certificate(enrolment=complete_enrolment_for(learner, course))
    make_claim_with_evidence(learner)
    response = learner_client.get(reverse("accounts:my_data_download", args=["zip"]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    contents = {archive.read(n) for n in archive.namelist() if n.endswith(".pdf")}
    assert b"%PDF-1.4 bukti" in contents
    assert s3_object_bytes(s3_media, certificate.pdf) in contents


def test_erasure_deletes_the_persons_evidence_object_from_the_bucket(s3_media, learner):
    claim = make_claim_with_evidence(learner)
    key = s3_key(claim.evidence)
    assert key.startswith("private/")
    assert s3_object_bytes(s3_media, key) == b"%PDF-1.4 bukti"
    erase_person(person=learner, by=learner)
    listed = s3_media.list_objects_v2(Bucket=S3_BUCKET).get("Contents", [])
    assert key not in {item["Key"] for item in listed}
