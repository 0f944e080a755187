"""The learner's side: handing in text and files, limits on files, nothing typed
lost on a refusal, one answer waiting at a time."""

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.assignments.models import Submission

PDF = b"%PDF-1.7\n% jawaban\n"


def _pdf(name="jawaban.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_learner_sees_the_assignment_form_on_the_lesson_page(
    learner_client, enrolment, lesson
):
    page = learner_client.get(lesson.url).content.decode()
    assert "Refleksi penerapan di unit kerja" in page
    assert f'action="/tugas/{lesson.pk}/tugas-1/"' in page
    assert "Belum dikirim" in page


def test_the_task_page_is_headed_by_the_task_and_the_lesson_page_by_the_lesson(
    learner_client, enrolment, lesson, detail_url
):
    """One h1 per page (screen readers navigate by it): the task's own page is
    headed by the task; on the lesson page the task is a section under it."""
    task_page = learner_client.get(detail_url).content.decode()
    assert task_page.count("<h1") == 1
    assert '-judul">Refleksi penerapan di unit kerja</h1>' in task_page
    lesson_page = learner_client.get(lesson.url).content.decode()
    assert lesson_page.count("<h1") == 1
    assert '-judul">Refleksi penerapan di unit kerja</h2>' in lesson_page


def test_learner_hands_in_text_and_a_pdf(learner_client, enrolment, detail_url):
    response = learner_client.post(
        detail_url, {"text": "Antrean KTP terlalu panjang.", "file": _pdf()}
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.text == "Antrean KTP terlalu panjang."
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.file_name == "jawaban.pdf"
    assert "Menunggu penilaian" in learner_client.get(detail_url).content.decode()


def test_file_is_stored_privately_under_an_unguessable_name(
    learner_client, enrolment, detail_url, settings
):
    learner_client.post(detail_url, {"file": _pdf()})
    submission = Submission.objects.get()
    assert str(settings.PRIVATE_MEDIA_ROOT) in submission.file.path
    folder, token, name = submission.file.name.split("/")
    assert (folder, len(token), name) == ("tugas", 32, "jawaban.pdf")
    download = learner_client.get(f"/tugas/berkas/{submission.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"


def test_too_big_file_is_refused_and_the_text_kept(
    learner_client, enrolment, detail_url
):
    big = _pdf(content=PDF + b"0" * (2 * 1024 * 1024))
    response = learner_client.post(
        detail_url, {"text": "Teks panjang saya", "file": big}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Berkas terlalu besar" in page
    assert "Teks panjang saya" in page
    assert not Submission.objects.exists()


def test_type_not_accepted_is_refused(learner_client, enrolment, detail_url):
    png = SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n....")
    response = learner_client.post(detail_url, {"file": png})
    assert response.status_code == 400
    assert "Jenis berkas ini tidak diterima" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_program_renamed_to_pdf_is_refused(learner_client, enrolment, detail_url):
    spoofed = _pdf(name="tugas.pdf", content=b"MZ\x90\x00 bukan pdf")
    response = learner_client.post(detail_url, {"file": spoofed})
    assert response.status_code == 400
    assert "Isi berkas tidak sesuai" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_zip_renamed_to_docx_is_refused(learner_client, enrolment, detail_url):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("program.exe", b"MZ")
    fake = SimpleUploadedFile("laporan.docx", buffer.getvalue())
    response = learner_client.post(detail_url, {"file": fake})
    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_empty_answer_is_refused(learner_client, enrolment, detail_url):
    response = learner_client.post(detail_url, {"text": "   "})
    assert response.status_code == 400
    assert "Tulis jawaban Anda" in response.content.decode()


def test_a_second_answer_while_the_first_waits_is_refused(
    learner_client, enrolment, detail_url
):
    learner_client.post(detail_url, {"text": "Pertama"})
    learner_client.post(detail_url, {"text": "Kedua"})
    assert list(Submission.objects.values_list("text", flat=True)) == ["Pertama"]


def test_answer_is_escaped_where_it_is_shown(learner_client, enrolment, detail_url):
    learner_client.post(detail_url, {"text": "<script>alert('x')</script>"})
    page = learner_client.get(detail_url).content.decode()
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page


def test_not_enrolled_learner_cannot_open_or_hand_in(
    client, user_factory, lesson, detail_url
):
    from tests.factories import AsnProfileFactory

    stranger = AsnProfileFactory().user
    client.force_login(stranger)
    assert client.get(detail_url).status_code == 404
    assert client.post(detail_url, {"text": "x"}).status_code == 404
    assert not Submission.objects.exists()
