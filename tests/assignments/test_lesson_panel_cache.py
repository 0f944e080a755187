"""The lesson page, its assignment panels included, is kept in the person's cache
(as in production with Redis): it must never show a learner an old state of their
own answer, nor anyone else's, and its forms must carry the request's CSRF token."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses.assignments.models import Grading, Submission
from courses.assignments.services import forget_submissions
from courses.selectors import lesson_page_cache_name
from courses.services import enrol
from lms.cache import _person_entry_key
from tests.factories import AsnProfileFactory, client_as

pytestmark = pytest.mark.usefixtures("shared_memory_cache")


def _panel(client, lesson) -> str:
    page = client.get(lesson.url).content.decode()
    start = page.index('class="assignment-panel"')
    return page[start : page.index("</section>", start)]


def test_the_panel_follows_the_learners_answer_and_its_grading(
    learner_client, enrolment, lesson, detail_url, trainer
):
    assert "Belum dikirim" in _panel(learner_client, lesson)
    learner_client.post(detail_url, {"text": "Antrean KTP terlalu panjang."})
    panel = _panel(learner_client, lesson)
    assert "Menunggu penilaian" in panel and "Antrean KTP terlalu panjang." in panel

    client_as(trainer).post(
        f"/cms/tugas/{Submission.objects.get().pk}/",
        {
            "criterion_0": "0",
            "criterion_1": "0",
            "decision": "passed",
            "feedback": "Tambahkan data antrean per hari.",
        },
    )
    panel = _panel(learner_client, lesson)
    assert "Perlu revisi" in panel
    assert "Tambahkan data antrean per hari." in panel


def test_a_grading_written_outside_the_grading_screen_shows_too(
    learner_client, enrolment, lesson, detail_url, trainer
):
    learner_client.post(detail_url, {"text": "Jawaban pertama."})
    assert "Umpan balik pengajar" not in _panel(learner_client, lesson)
    Grading.objects.create(
        submission=Submission.objects.get(),
        grader=trainer,
        decision="revision",
        feedback="Dicatat dari rapat evaluasi.",
    )
    assert "Dicatat dari rapat evaluasi." in _panel(learner_client, lesson)


def test_one_learners_panel_is_never_shown_to_another(
    learner_client, enrolment, lesson, detail_url, taught_course, unit
):
    learner_client.post(detail_url, {"text": "Jawaban rahasia Sari."})
    assert "Jawaban rahasia Sari." in _panel(learner_client, lesson)
    other = AsnProfileFactory(unit=unit).user
    enrol(user=other, course=taught_course)
    panel = _panel(client_as(other), lesson)
    assert "Belum dikirim" in panel
    assert "Jawaban rahasia Sari." not in panel


def test_the_kept_panel_posts_with_this_requests_csrf_token(
    learner, enrolment, lesson, detail_url
):
    for _ in range(2):  # the second page comes from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        page = client.get(lesson.url).content.decode()
        form = page[page.index('class="assignment-panel"') :]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
        assert "placeholder" not in token
        response = client.post(
            detail_url, {"text": "Jawaban.", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302
        Submission.objects.all().delete()


def test_a_warm_lesson_page_asks_nothing_about_assignments(
    learner_client, enrolment, lesson, detail_url
):
    learner_client.post(detail_url, {"text": "Jawaban."})
    learner_client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        assert "Menunggu penilaian" in _panel(learner_client, lesson)
    assert not [q for q in queries if "assignments_" in q["sql"]]


def test_erasing_the_answers_drops_the_kept_panel(
    learner, learner_client, enrolment, lesson, detail_url
):
    learner_client.post(detail_url, {"text": "Jawaban pribadi."})
    _panel(learner_client, lesson)
    key = _person_entry_key(learner.pk, lesson_page_cache_name(lesson.pk))
    assert "Jawaban pribadi." in cache.get(key)[1][1]
    forget_submissions(person=learner)
    assert cache.get(key) is None
