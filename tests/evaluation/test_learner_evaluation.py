"""The learner's side: the certificate waits for the evaluation when the course
requires it, the form is asked once, after the lessons, and loses nothing."""

import datetime
import uuid

import pytest
from django.urls import reverse

from certificates.models import Certificate
from courses.models import Enrolment
from lms.evaluation.models import (
    CourseQuestion,
    EvaluationAnswer,
    EvaluationReceipt,
    EvaluationResponse,
)
from lms.evaluation.selectors import evaluation_form
from lms.evaluation.services import EvaluationRefused, submit_evaluation
from tests.factories import make_course

from .conftest import answers_for, finish_lessons

pytestmark = pytest.mark.django_db


def test_certificate_is_held_back_until_the_evaluation_is_sent(
    learner, learner_client, evaluated_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = finish_lessons(learner, evaluated_course)
    assert not enrolment.is_completed
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    page = learner_client.get(evaluated_course.url).content.decode()
    form_url = reverse("evaluation:form", args=[evaluated_course.pk])
    assert f'href="{form_url}"' in page
    assert "Isi evaluasi" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = learner_client.post(form_url, answers_for(evaluated_course))
    assert response.status_code == 302
    assert response["Location"] == evaluated_course.url
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert Certificate.objects.get(enrolment=enrolment).status == "valid"
    page = learner_client.get(evaluated_course.url).content.decode()
    assert "Isi evaluasi" not in page
    assert "Kursus selesai" in page


def test_a_course_that_does_not_require_it_completes_and_asks_nothing(
    learner, learner_client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, lessons=2)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = finish_lessons(learner, course)
    assert enrolment.is_completed
    assert Certificate.objects.filter(enrolment=enrolment).exists()
    response = learner_client.get(reverse("evaluation:form", args=[course.pk]))
    assert response.status_code == 404


def test_the_form_opens_only_after_every_lesson_is_done(
    learner, learner_client, evaluated_course
):
    from courses.services import enrol, mark_lesson_complete

    enrolment, _ = enrol(user=learner, course=evaluated_course)
    mark_lesson_complete(enrolment=enrolment, lesson=evaluated_course.lessons()[0])
    form_url = reverse("evaluation:form", args=[evaluated_course.pk])
    response = learner_client.get(form_url)
    assert response.status_code == 302
    assert response["Location"] == evaluated_course.url
    response = learner_client.post(form_url, answers_for(evaluated_course))
    assert response.status_code == 302
    assert not EvaluationResponse.objects.exists()
    assert (
        "Isi evaluasi" not in learner_client.get(evaluated_course.url).content.decode()
    )


def test_someone_not_enrolled_finds_no_form(learner_client, evaluated_course):
    response = learner_client.get(
        reverse("evaluation:form", args=[evaluated_course.pk])
    )
    assert response.status_code == 404


def test_a_learner_is_never_asked_twice(learner, learner_client, evaluated_course):
    enrolment = finish_lessons(learner, evaluated_course)
    form_url = reverse("evaluation:form", args=[evaluated_course.pk])
    learner_client.post(form_url, answers_for(evaluated_course, score=5))
    again = learner_client.get(form_url)
    assert again.status_code == 302
    assert again["Location"] == evaluated_course.url
    learner_client.post(form_url, answers_for(evaluated_course, score=1))
    with pytest.raises(EvaluationRefused):
        submit_evaluation(enrolment=enrolment, answers=answers_for(evaluated_course))
    assert EvaluationResponse.objects.count() == 1
    assert not EvaluationAnswer.objects.filter(score=1).exists()


def test_a_refused_form_keeps_every_answer_and_stores_nothing(
    learner, learner_client, evaluated_course
):
    finish_lessons(learner, evaluated_course)
    items = evaluation_form(course=evaluated_course)
    scale = [item for item in items if item.is_scale]
    text = next(item for item in items if not item.is_scale)
    data = answers_for(evaluated_course, score=2)
    data[text.name] = "Contoh studi kasus dari puskesmas sangat membantu."
    del data[scale[-1].name]
    response = learner_client.post(
        reverse("evaluation:form", args=[evaluated_course.pk]), data
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Pilih salah satu nilai 1–5." in html
    assert "Contoh studi kasus dari puskesmas sangat membantu." in html
    for item in scale[:-1]:
        chosen = f'name="{item.name}" value="2" id="id_{item.name}_1" required checked'
        assert chosen in html
    assert not EvaluationResponse.objects.exists()
    assert not EvaluationReceipt.objects.exists()


def test_a_score_outside_one_to_five_is_refused(learner, evaluated_course):
    enrolment = finish_lessons(learner, evaluated_course)
    data = answers_for(evaluated_course)
    first = next(item for item in evaluation_form(course=evaluated_course))
    data[first.name] = "9"
    with pytest.raises(ValueError):
        submit_evaluation(enrolment=enrolment, answers=data)
    assert not EvaluationResponse.objects.exists()


def test_the_form_asks_about_each_trainer_and_the_courses_own_questions(
    learner, learner_client, evaluated_course, trainer
):
    # As publishing the course page with a question added in its editor writes it.
    CourseQuestion.objects.create(
        course=evaluated_course,
        text="Simulasi triase relevan dengan tugas saya.",
        kind="scale",
    )
    finish_lessons(learner, evaluated_course)
    html = learner_client.get(
        reverse("evaluation:form", args=[evaluated_course.pk])
    ).content.decode()
    assert f"Pengajar: {trainer.display_name}" in html
    assert "Pengajar menguasai materi." in html
    assert "Simulasi triase relevan dengan tugas saya." in html
    for word in ("Sangat kurang", "Kurang", "Cukup", "Baik", "Sangat baik"):
        assert word in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_answers_carry_nothing_that_leads_to_the_person(
    learner, evaluated_course, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 3, 17, 14, 23, tzinfo=datetime.UTC))
    enrolment = finish_lessons(learner, evaluated_course)
    submit_evaluation(
        enrolment=enrolment,
        answers=answers_for(evaluated_course, comment="Materinya padat."),
    )
    response = EvaluationResponse.objects.get()
    assert isinstance(response.pk, uuid.UUID)
    assert response.period == datetime.date(2026, 3, 1)
    person_links = {
        f.name
        for model in (EvaluationResponse, EvaluationAnswer)
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model in (type(learner), Enrolment)
    }
    # The one link to a person is the trainer a question was about.
    assert person_links == {"trainer"}
    assert not EvaluationAnswer.objects.filter(trainer=learner).exists()
    receipt = EvaluationReceipt.objects.get()
    assert (receipt.user, receipt.sent_on) == (learner, datetime.date(2026, 3, 17))
