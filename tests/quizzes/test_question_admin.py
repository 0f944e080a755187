"""Trainers write questions in the admin's question bank, choices included."""

import re

import pytest
from django.test import Client

from courses.quizzes.models import Question
from tests.factories import client_as, make_course, make_question
from tests.security.world import PENGAJAR, PENINJAU, build_world

pytestmark = pytest.mark.django_db

ADD_URL = "/cms/snippets/quizzes/question/add/"
LIST_URL = "/cms/snippets/quizzes/question/"


def _choices(*rows: tuple[str, bool]) -> dict:
    data = {
        "choices-TOTAL_FORMS": str(len(rows)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for i, (text, correct) in enumerate(rows):
        data[f"choices-{i}-text"] = text
        data[f"choices-{i}-ORDER"] = str(i + 1)
        if correct:
            data[f"choices-{i}-is_correct"] = "on"
    return data


def _post_question(client: Client, course, *rows: tuple[str, bool], kind="single"):
    return client.post(
        ADD_URL,
        {
            "course": course.pk,
            "type": kind,
            "text": "Langkah pertama saat banjir?",
            "points": "1",
            "scoring": "all",
            "difficulty": "sedang",
            **_choices(*rows),
        },
    )


@pytest.mark.parametrize("kind", ["single", "multiple", "ordering"])
def test_trainer_adds_a_question_with_its_choices(kind):
    world = build_world()
    client = Client()
    client.force_login(world.users[PENGAJAR])
    rows = (("Evakuasi warga", True), ("Menunggu", False), ("Lapor camat", False))
    response = _post_question(client, world.course_a, *rows, kind=kind)
    assert response.status_code == 302
    question = Question.objects.get(text="Langkah pertama saat banjir?")
    assert question.course == world.course_a
    assert [(c.text, c.is_correct) for c in question.choices.all()] == list(rows)


@pytest.mark.parametrize("count", [1, 2])
def test_ordering_question_of_fewer_than_three_items_is_refused(count):
    # Two items have two orders: a guess is right half the time.
    world = build_world()
    client = Client()
    client.force_login(world.users[PENGAJAR])
    rows = [("Amati", False), ("Putuskan", False)][:count]
    response = _post_question(client, world.course_a, *rows, kind="ordering")
    assert response.status_code == 200
    assert "minimal tiga butir" in response.content.decode()
    assert not Question.objects.filter(text="Langkah pertama saat banjir?").exists()


def test_single_choice_question_without_a_correct_choice_is_refused():
    world = build_world()
    client = Client()
    client.force_login(world.users[PENGAJAR])
    response = _post_question(
        client, world.course_a, ("Evakuasi warga", False), ("Menunggu", False)
    )
    assert response.status_code == 200
    assert "tepat satu benar" in response.content.decode()
    assert not Question.objects.filter(text="Langkah pertama saat banjir?").exists()


def test_trainer_searches_the_bank_and_finds_only_own_and_shared_questions():
    world = build_world()
    make_question(world.course_a, text="Banjir: soal kursus saya")
    make_question(None, text="Banjir: soal bersama")
    make_question(world.course_b, text="Banjir: soal pengajar lain")
    response = client_as(world.users[PENGAJAR]).get(LIST_URL, {"q": "Banjir"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "soal kursus saya" in page
    assert "soal bersama" in page
    assert "soal pengajar lain" not in page


def test_trainer_sees_the_questions_of_a_course_they_created():
    world = build_world()
    trainer = world.users[PENGAJAR]
    created = make_course(world.course_a.get_parent(), title="Kursus baru")
    created.owner = trainer
    created.save(update_fields=["owner"])
    make_question(created, text="Soal kursus buatan saya")
    page = client_as(trainer).get(LIST_URL).content.decode()
    assert "Soal kursus buatan saya" in page


def test_reviewer_lists_every_courses_questions():
    world = build_world()
    make_question(world.course_b, text="Soal pengajar lain")
    page = client_as(world.users[PENINJAU]).get(LIST_URL).content.decode()
    assert "Soal pengajar lain" in page


@pytest.mark.parametrize("search", ["", "Banjir"])
def test_quiz_question_chooser_offers_a_trainer_only_own_and_shared_questions(
    search, search_index
):
    from django.urls import reverse

    world = build_world()
    make_question(world.course_a, text="Banjir: soal kursus saya")
    make_question(None, text="Banjir: soal bersama")
    make_question(world.course_b, text="Banjir: soal pengajar lain")
    viewset = Question.snippet_viewset.chooser_viewset
    url = reverse(viewset.get_url_name("choose_results" if search else "choose"))
    response = client_as(world.users[PENGAJAR]).get(
        url, {"q": search} if search else {}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "soal kursus saya" in page
    assert "soal bersama" in page
    assert "soal pengajar lain" not in page


def test_trainer_files_each_question_under_an_own_course():
    world = build_world()
    client = Client()
    client.force_login(world.users[PENGAJAR])
    form = client.get(ADD_URL).content.decode()
    assert '<input type="hidden" name="course"' in form
    assert 'required id="id_course"' in form
    rows = (("Evakuasi warga", True), ("Menunggu", False))
    assert _post_question(client, world.course_a, *rows).status_code == 302
    Question.objects.all().delete()
    data = {"course": "", "type": "single", "text": "Soal bersama?", "points": "1"}
    response = client.post(ADD_URL, data | {"scoring": "all", "difficulty": "sedang"})
    assert response.status_code == 200
    # another trainer's course: refused before the form (permission) or by it
    _post_question(client, world.course_b, *rows)
    assert not Question.objects.exists()


def test_question_form_marks_each_types_fields_and_loads_its_script():
    # Without the script every field is there; with it, only the chosen type's.
    world = build_world()
    html = client_as(world.users[PENGAJAR]).get(ADD_URL).content.decode()
    assert re.search(r'<script[^>]+src="[^"]*js/question_form\.js"', html)
    assert 'data-question-types="true_false"' in html
    assert 'data-question-types="short"' in html
    assert 'data-question-types="multiple ordering matching"' in html
    assert 'data-question-types="single multiple ordering matching"' in html
    assert 'data-question-types="matching"' in html


def test_course_field_help_matches_it_being_required_for_a_trainer():
    world = build_world()
    trainer_html = client_as(world.users[PENGAJAR]).get(ADD_URL).content.decode()
    assert "Kosongkan jika soal dipakai bersama" not in trainer_html
    assert "Soal disimpan di bank soal kursus ini" in trainer_html
    reviewer_html = client_as(world.users[PENINJAU]).get(ADD_URL).content.decode()
    assert "Kosongkan jika soal dipakai bersama" in reviewer_html


def test_hidden_fields_of_another_type_are_still_judged_on_the_server():
    # A short-answer question posted with choices but no accepted answer is
    # refused as before, whatever the form showed.
    world = build_world()
    client = client_as(world.users[PENGAJAR])
    response = _post_question(
        client, world.course_a, ("Evakuasi", True), ("Menunggu", False), kind="short"
    )
    assert response.status_code == 200
    assert "minimal satu jawaban yang diterima" in response.content.decode()
    assert not Question.objects.filter(text="Langkah pertama saat banjir?").exists()
