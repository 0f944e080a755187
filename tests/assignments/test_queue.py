"""The trainer's queue: oldest waiting first, filtered by status, and its
queries do not grow with the number of answers."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.services import enrol
from tests.factories import AsnProfileFactory, client_as


def _hand_in(course, lesson, text):
    person = AsnProfileFactory().user
    enrol(user=person, course=course)
    client_as(person).post(f"/tugas/{lesson.pk}/tugas-1/", {"text": text})
    return person


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cms/tugas/").status_code == 200
    return len(queries)


def test_queue_lists_waiting_answers_oldest_first(trainer, taught_course, lesson):
    first = _hand_in(taught_course, lesson, "satu")
    second = _hand_in(taught_course, lesson, "dua")
    page = client_as(trainer).get("/cms/tugas/").content.decode()
    assert page.index(first.display_name) < page.index(second.display_name)
    graded = client_as(trainer).get("/cms/tugas/?status=passed").content.decode()
    assert first.display_name not in graded


def test_queue_queries_do_not_grow_with_the_answers(trainer, taught_course, lesson):
    client = client_as(trainer)
    _hand_in(taught_course, lesson, "satu")
    client.get("/cms/tugas/")  # warm the per-process caches
    one = _queries(client)
    for n in range(4):
        _hand_in(taught_course, lesson, f"jawaban {n}")
    assert _queries(client) == one
