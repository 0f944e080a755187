"""Uploads are judged by content and size; served files download, unsniffed."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lms.accounts.uploads import check_upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("materi.pdf", b"%PDF-1.7\n..."),
        ("materi.docx", _docx()),
        ("catatan.txt", b"Pelayanan publik saat krisis."),
    ],
)
def test_genuine_files_are_accepted(name, content):
    check_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("materi.pdf", b"<html><script>alert(1)</script>", "bukan PDF"),
        ("materi.docx", b"PK\x03\x04not really a zip", "bukan dokumen DOCX"),
        ("materi.xlsx", _docx(), "bukan dokumen XLSX"),
        ("catatan.txt", b"<script>alert(1)</script>", "HTML"),
        ("gambar.svg", b"<svg onload=alert(1)>", "tidak diterima"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_files_whose_content_does_not_match_are_refused(name, content, reason):
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile(name, content))
    assert reason in str(error.value)


def test_too_large_files_are_refused(settings):
    settings.SIGAP_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError, match="terlalu besar"):
        check_upload(SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * 2000))


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(UserFactory(roles=["Peninjau"], is_staff=True))
    return client


def test_wagtail_refuses_a_disguised_document(editor_client):
    from wagtail.documents.models import Document

    response = editor_client.post(
        "/cms/documents/add/",
        {
            "title": "Materi",
            "file": SimpleUploadedFile("materi.pdf", b"<html><script>x</script>"),
            "collection": 1,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "bukan PDF" in response.content.decode()
    assert not Document.objects.exists()


def test_documents_are_served_as_downloads_with_nosniff(editor_client):
    from tests.factories import upload_document

    document = upload_document(editor_client)
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_claim_evidence_downloads_rather_than_opens(learner_client, learner):
    from tests.factories import make_claim_with_evidence

    claim = make_claim_with_evidence(learner, b"%PDF-1.4")
    response = learner_client.get(f"/kompetensi/klaim/{claim.pk}/bukti.pdf")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_in_the_bucket_stream_through_wagtail_never_a_redirect(
    s3_media, editor_client
):
    from tests.factories import upload_document

    document = upload_document(editor_client)
    response = Client().get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 materi"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
