"""Personal data: the export holds a person's answers and files, the erasure
removes them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.assignments.models import Grading, Submission
from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from tests.factories import UserFactory, client_as


@pytest.fixture
def graded(learner_client, enrolment, detail_url, trainer):
    learner_client.post(
        detail_url,
        {"text": "Jawaban pribadi", "file": SimpleUploadedFile("a.pdf", b"%PDF-1 x")},
    )
    submission = Submission.objects.get()
    client_as(trainer).post(
        f"/cms/tugas/{submission.pk}/",
        {
            "criterion_0": "2",
            "criterion_1": "1",
            "decision": "passed",
            "feedback": "Umpan balik pribadi",
        },
    )
    return submission


def test_export_holds_answers_gradings_and_files(graded, learner):
    data = collect_personal_data(user=learner)
    rows = data.sections["assignments.submission"]
    assert rows[0]["text"] == "Jawaban pribadi"
    assert data.sections["assignments.grading"][0]["feedback"] == "Umpan balik pribadi"
    assert any(
        name.startswith("berkas/assignments.submission/") for name, _f in data.files
    )


def test_erasure_removes_answers_feedback_and_files(graded, learner):
    path = graded.file.path
    erase_person(person=learner, by=UserFactory(is_superuser=True))
    graded.refresh_from_db()
    assert (graded.text, graded.file.name, graded.file_name) == ("", "", "")
    assert Grading.objects.get().feedback == ""
    import os

    assert not os.path.exists(path)
    # The decision stays as a pseudonymous statistic.
    assert graded.status == Submission.Status.PASSED
