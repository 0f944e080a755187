"""Who sees what: a learner only their own answers (the file too), a trainer only
their own courses' queue, HR nothing."""

import pytest

from courses.assignments.models import Submission
from courses.services import enrol
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    add_assignment,
    client_as,
    make_course,
    make_hr_officer,
)

PDF = b"%PDF-1.7 jawaban"


@pytest.fixture
def handed_in(learner_client, enrolment, detail_url):
    from django.core.files.uploadedfile import SimpleUploadedFile

    learner_client.post(
        detail_url,
        {"text": "Jawaban rahasia", "file": SimpleUploadedFile("a.pdf", PDF)},
    )
    return Submission.objects.get()


@pytest.fixture
def other_trainer(catalog, db):
    trainer = UserFactory(roles=["Pengajar"])
    course = make_course(catalog, lessons=1, trainer=trainer)
    lesson = add_assignment(course.lessons().first().specific, block_id="lain")
    other_learner = AsnProfileFactory().user
    enrol(user=other_learner, course=course)
    client_as(other_learner).post(f"/tugas/{lesson.pk}/lain/", {"text": "Milik B"})
    return trainer


def test_another_learner_in_the_same_course_sees_only_their_own(
    handed_in, taught_course, detail_url
):
    classmate = AsnProfileFactory().user
    enrol(user=classmate, course=taught_course)
    client = client_as(classmate)
    page = client.get(detail_url).content.decode()
    assert "Jawaban rahasia" not in page
    assert "Belum dikirim" in page
    assert client.get(f"/tugas/berkas/{handed_in.pk}/").status_code == 404


def test_the_course_trainer_downloads_the_file(handed_in, trainer):
    response = client_as(trainer).get(f"/tugas/berkas/{handed_in.pk}/")
    assert response.status_code == 200


def test_another_trainer_gets_nothing(handed_in, other_trainer):
    client = client_as(other_trainer)
    assert client.get(f"/tugas/berkas/{handed_in.pk}/").status_code == 404
    assert client.get(f"/cms/tugas/{handed_in.pk}/").status_code == 404
    response = client.post(
        f"/cms/tugas/{handed_in.pk}/",
        {"criterion_0": "2", "criterion_1": "1", "decision": "passed"},
    )
    assert response.status_code == 404
    queue = client.get("/cms/tugas/?status=").content.decode()
    assert "Milik B" not in queue  # answers are not listed, only names
    assert handed_in.user.display_name not in queue
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.SUBMITTED


def test_the_trainers_queue_lists_their_own_courses_only(
    handed_in, trainer, other_trainer
):
    queue = client_as(trainer).get("/cms/tugas/").content.decode()
    assert handed_in.user.display_name in queue
    assert queue.count('href="/cms/tugas/') == 1


def test_hr_sees_nothing_of_assignments(handed_in, unit):
    hr = client_as(make_hr_officer(unit))
    assert hr.get(f"/tugas/berkas/{handed_in.pk}/").status_code == 404
    assert hr.get("/cms/tugas/").status_code in (302, 403, 404)
    assert hr.get(f"/cms/tugas/{handed_in.pk}/").status_code in (302, 403, 404)


def test_a_learner_cannot_reach_the_queue(handed_in, learner_client):
    response = learner_client.get("/cms/tugas/")
    assert response.status_code in (302, 403, 404)
    assert "Jawaban rahasia" not in response.content.decode()


def test_anonymous_is_sent_to_sign_in(handed_in, detail_url):
    from django.test import Client

    client = Client()
    assert client.get(f"/tugas/berkas/{handed_in.pk}/").status_code == 302
    assert client.get(detail_url).status_code == 302


def test_a_learner_with_the_pretest_to_do_is_sent_to_the_course_not_a_404(
    client, learner, taught_course, lesson, enrolment, detail_url
):
    """An e-mail or notification about a task can reach a learner whose pre-test
    is still pending: they are told what to do first, on the course page."""
    from tests.factories import make_question, make_quiz

    make_quiz(taught_course, [make_question(taught_course)], kind="pretest")
    taught_course.requires_pretest = True
    taught_course.save()
    client.force_login(learner)
    response = client.get(detail_url)
    assert response.status_code == 302
    assert response["Location"] == taught_course.url
    page = client.get(taught_course.url).content.decode()
    assert "pre-test" in page.lower()
