"""Trainers write questions in the admin's question bank, choices included."""

import pytest
from django.test import Client

from courses.quizzes.models import Question
from tests.security.world import PENGAJAR, build_world

pytestmark = pytest.mark.django_db

ADD_URL = "/cms/snippets/quizzes/question/add/"


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
    response = _post_question(
        client, world.course_a, ("Evakuasi warga", True), ("Menunggu", False), kind=kind
    )
    assert response.status_code == 302
    question = Question.objects.get(text="Langkah pertama saat banjir?")
    assert question.course == world.course_a
    assert [(c.text, c.is_correct) for c in question.choices.all()] == [
        ("Evakuasi warga", True),
        ("Menunggu", False),
    ]


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
