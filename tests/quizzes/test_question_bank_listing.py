"""The question bank in the admin: filters scoped to the trainer's own courses,
and each listed question's statistics beside it, in a bounded number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import enrol
from tests.factories import AsnProfileFactory, client_as, make_question, make_quiz
from tests.security.world import PENGAJAR, PENINJAU, build_world

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]

LIST_URL = "/cms/snippets/quizzes/question/"


def take(quiz, user, right: set[int]):
    """``user`` answers the items at positions in ``right`` correctly, others wrong."""
    enrol(user=user, course=quiz.get_course())
    attempt = start_attempt(quiz=quiz, user=user)
    answers = {}
    for item in attempt.snapshot:
        wrong = next(c["k"] for c in item["choices"] if c["k"] not in item["key"])
        answers[item["pos"]] = item["key"][0] if item["pos"] in right else wrong
    save_answers(attempt=attempt, answers=answers)
    submit_attempt(attempt=attempt)


def _rows(html: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", html, flags=re.S)


def _row_of(html: str, text: str) -> str:
    return next(row for row in _rows(html) if text in row)


@pytest.fixture
def world():
    return build_world()


def test_course_filter_offers_only_the_trainers_own_courses(world):
    make_question(world.course_a, text="Soal milik A?")
    make_question(world.course_b, text="Soal milik B?")
    html = client_as(world.users[PENGAJAR]).get(LIST_URL).content.decode()
    assert f'value="{world.course_a.pk}"' in html
    assert "Kursus A" in html
    assert "Kursus B" not in html
    assert f'value="{world.course_b.pk}"' not in html


def test_filtering_by_another_trainers_course_shows_nothing_of_it(world):
    make_question(world.course_b, text="Soal milik B?")
    client = client_as(world.users[PENGAJAR])
    response = client.get(LIST_URL, {"course": world.course_b.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Soal milik B?" not in html
    assert "Kursus B" not in html


def test_reviewer_may_filter_by_any_course(world):
    make_question(world.course_a, text="Soal milik A?")
    make_question(world.course_b, text="Soal milik B?")
    html = (
        client_as(world.users[PENINJAU])
        .get(LIST_URL, {"course": world.course_b.pk})
        .content.decode()
    )
    assert "Soal milik B?" in html
    assert "Soal milik A?" not in html


def test_filters_by_type_difficulty_tag_and_usage(world):
    course = world.course_a
    single = make_question(course, "single", text="Soal tunggal?", difficulty="mudah")
    short = make_question(course, "short", text="Soal singkat?", difficulty="sulit")
    short.tags.add("banjir")
    short.save()
    make_question(course, "true_false", text="Soal lepas?", difficulty="sedang")
    make_quiz(course, [single])
    client = client_as(world.users[PENGAJAR])

    def listed(**params) -> set[str]:
        html = client.get(LIST_URL, params).content.decode()
        return {
            t for t in ("Soal tunggal?", "Soal singkat?", "Soal lepas?") if t in html
        }

    assert listed(type="short") == {"Soal singkat?"}
    assert listed(difficulty="mudah") == {"Soal tunggal?"}
    assert listed(tag="Banjir") == {"Soal singkat?"}
    assert listed(usage="used") == {"Soal tunggal?"}
    assert listed(usage="unused") == {"Soal singkat?", "Soal lepas?"}


def test_listing_shows_facility_discrimination_and_longest_key_warning(world, unit):
    course = world.course_a
    easy = make_question(course, text="Soal mudah sekali?")
    telling = make_question(
        course,
        text="Soal berkunci panjang?",
        choices=[
            ("Evakuasi warga ke tempat yang lebih tinggi", True),
            ("Diam", False),
            ("Tidur", False),
        ],
    )
    quiz = make_quiz(course, [easy, telling], pass_mark=50)
    # Everyone right on the first; the second right for the strongest only.
    for right in [{1, 2}, {1, 2}, {1}, {1}]:
        take(quiz, AsnProfileFactory(unit=unit).user, right)
    html = client_as(world.users[PENGAJAR]).get(LIST_URL).content.decode()
    easy_row = _row_of(html, "Soal mudah sekali?")
    assert "1,00 (n=4)" in easy_row or "1.00 (n=4)" in easy_row
    telling_row = _row_of(html, "Soal berkunci panjang?")
    assert "0,50 (n=4)" in telling_row or "0.50 (n=4)" in telling_row
    assert "kunci jauh lebih panjang dari pengecoh" in telling_row
    assert "kunci" not in easy_row.split("Soal mudah sekali?")[1]
    # Right only for those with the higher scores: positive discrimination.
    cells = re.findall(r"<td[^>]*>(.*?)</td>", telling_row, flags=re.S)
    figures = [c.strip() for c in cells if re.fullmatch(r"\s*-?\d[.,]\d\d\s*", c)]
    assert figures and float(figures[0].replace(",", ".")) > 0


def test_listing_query_count_does_not_grow_with_the_page(world, unit):
    course = world.course_a
    client = client_as(world.users[PENGAJAR])
    questions = [make_question(course, text=f"Soal nomor {i}?") for i in range(3)]
    quiz = make_quiz(course, questions, pass_mark=50)
    take(quiz, AsnProfileFactory(unit=unit).user, {1})
    client.get(LIST_URL)  # warm the per-user caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(LIST_URL).status_code == 200
    more = [make_question(course, text=f"Soal tambahan {i}?") for i in range(12)]
    quiz = make_quiz(course, more, pass_mark=50)
    take(quiz, AsnProfileFactory(unit=unit).user, {1, 2})
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as large:
        html = client.get(LIST_URL).content.decode()
    assert "Soal tambahan 11?" in html
    assert len(large.captured_queries) <= len(small.captured_queries)
