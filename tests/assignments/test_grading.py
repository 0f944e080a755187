"""The trainer's side: grading by rubric with history, revision rounds, the
e-mail to the learner, and the certificate held until a required assignment
passes."""

import pytest
from django.core import mail

from courses.assignments.models import Grading, Submission
from courses.services import mark_lesson_complete
from tests.factories import client_as


@pytest.fixture
def handed_in(learner_client, enrolment, detail_url):
    learner_client.post(detail_url, {"text": "Antrean KTP terlalu panjang."})
    return Submission.objects.get()


def _grade(trainer, submission, **data):
    return client_as(trainer).post(f"/cms/tugas/{submission.pk}/", data)


def test_rubric_grading_sums_the_levels_and_keeps_the_rubric_as_it_stood(
    trainer, handed_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _grade(
            trainer,
            handed_in,
            criterion_0="2",
            criterion_1="1",
            decision="passed",
            feedback="Analisis tajam.",
        )
    assert response.status_code == 302
    grading = Grading.objects.get()
    assert (grading.points, grading.max_points) == (7, 7)
    assert [row["level"] for row in grading.rubric] == ["Baik", "Baik"]
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.PASSED
    assert len(mail.outbox) == 1
    assert "sudah dinilai" in mail.outbox[0].subject
    assert "Analisis tajam." in mail.outbox[0].body


def test_below_the_pass_mark_asks_for_a_revision_and_the_learner_sends_again(
    trainer, handed_in, learner_client, detail_url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _grade(
            trainer,
            handed_in,
            criterion_0="0",
            criterion_1="0",
            decision="passed",
            feedback="Tambahkan data antrean per hari.",
        )
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.REVISION
    assert "perlu direvisi" in mail.outbox[0].subject
    page = learner_client.get(detail_url).content.decode()
    assert "Tambahkan data antrean per hari." in page
    assert "Kirim revisi" in page

    learner_client.post(detail_url, {"text": "Revisi dengan data 30 hari."})
    rounds = Submission.objects.order_by("round")
    assert [(s.round, s.is_latest) for s in rounds] == [(1, False), (2, True)]
    assert rounds[0].text == "Antrean KTP terlalu panjang."  # never overwritten

    _grade(trainer, rounds[1], criterion_0="2", criterion_1="1", decision="passed")
    assert Grading.objects.count() == 2
    assert list(
        Grading.objects.order_by("pk").values_list("submission__round", "decision")
    ) == [(1, "revision"), (2, "passed")]


def test_an_earlier_round_cannot_be_graded_again(trainer, handed_in, learner_client):
    _grade(
        trainer,
        handed_in,
        criterion_0="0",
        criterion_1="0",
        decision="revision",
        feedback="Perbaiki.",
    )
    learner_client.post(f"/tugas/{handed_in.lesson_id}/tugas-1/", {"text": "Baru"})
    _grade(trainer, handed_in, criterion_0="2", criterion_1="1", decision="passed")
    handed_in.refresh_from_db()
    assert handed_in.status == Submission.Status.REVISION
    assert Grading.objects.count() == 1


def test_revision_needs_feedback(trainer, handed_in):
    response = _grade(
        trainer, handed_in, criterion_0="1", criterion_1="1", decision="revision"
    )
    assert response.status_code == 400
    assert not Grading.objects.exists()


def test_pass_revise_assignment_needs_no_rubric(
    catalog, trainer, learner, django_capture_on_commit_callbacks
):
    from courses.services import enrol
    from tests.factories import add_assignment, make_course

    course = make_course(catalog, lessons=1, trainer=trainer)
    lesson = add_assignment(
        course.lessons().first().specific,
        block_id="refleksi",
        grading="pass_revise",
        rubric=[],
        accepts_file=False,
    )
    enrol(user=learner, course=course)
    client_as(learner).post(f"/tugas/{lesson.pk}/refleksi/", {"text": "Refleksi"})
    submission = Submission.objects.get()
    _grade(trainer, submission, decision="passed")
    grading = Grading.objects.get()
    assert grading.points is None and grading.rubric == []


def test_the_email_is_in_the_learners_language(
    trainer, handed_in, learner, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(learner).__class__.objects.filter(user=learner).update(
        preferred_language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _grade(trainer, handed_in, criterion_0="2", criterion_1="1", decision="passed")
    message = mail.outbox[0]
    assert message.to == [learner.email]
    assert f"/tugas/{handed_in.lesson_id}/tugas-1/" in message.body
    # English once the lead merges locale/pending; never the template's tags.
    assert "{%" not in message.body and "{{" not in message.subject


def test_feedback_is_escaped_on_the_learners_page(
    trainer, handed_in, learner_client, detail_url
):
    _grade(
        trainer,
        handed_in,
        criterion_0="2",
        criterion_1="1",
        decision="passed",
        feedback="<img src=x onerror=alert(1)>",
    )
    page = learner_client.get(detail_url).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_required_assignment_holds_completion_until_it_passes(
    trainer, handed_in, enrolment, taught_course, no_reading_time
):
    for lesson in taught_course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    enrolment.refresh_from_db()
    assert not enrolment.is_completed

    _grade(
        trainer,
        handed_in,
        criterion_0="0",
        criterion_1="0",
        decision="revision",
        feedback="Perbaiki.",
    )
    enrolment.refresh_from_db()
    assert not enrolment.is_completed

    revised = Submission.objects.get(is_latest=True)
    client_as(enrolment.user).post(
        f"/tugas/{revised.lesson_id}/tugas-1/", {"text": "Revisi"}
    )
    _grade(
        trainer,
        Submission.objects.get(is_latest=True),
        criterion_0="2",
        criterion_1="1",
        decision="passed",
    )
    enrolment.refresh_from_db()
    assert enrolment.is_completed


def test_the_answer_is_escaped_on_the_trainers_grading_screen(
    trainer, learner_client, enrolment, detail_url
):
    learner_client.post(detail_url, {"text": "<script>alert('tugas')</script>"})
    submission = Submission.objects.get()
    page = client_as(trainer).get(f"/cms/tugas/{submission.pk}/").content.decode()
    assert "<script>alert('tugas')" not in page
    assert "&lt;script&gt;alert(" in page
