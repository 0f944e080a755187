"""Catalogue search: finds the seeded courses, and a course by its lessons' text."""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from courses.models import CatalogPage, CoursePage, LessonPage
from courses.quizzes.models import QuizPage
from courses.search import search_terms
from tests.factories import make_course

pytestmark = pytest.mark.django_db

QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _listed(client, catalog, query: str) -> set[str]:
    """Codes of the courses the catalogue lists for ``query``."""
    response = client.get(catalog.url, {"q": query})
    assert response.status_code == 200
    return {
        course.code
        for course in response.context["courses"]
        if isinstance(course, CoursePage)
    }


# What each word must (and must not) list after ``seed_demo``.
SEEDED_QUERIES = {
    "krisis": ({"BCP", "KKO", "PPK"}, set()),
    "Krisis": ({"BCP", "KKO", "PPK"}, set()),
    # Only in a lesson of the collaborative-leadership module.
    "kolaborasi": ({"KKO"}, {"BCP", "KIL", "PPK"}),
    "OODA": ({"BCP"}, {"KIL", "KKO", "PPK"}),
    # A hyphenated word: PostgreSQL found nothing for it before search_terms.
    "COVID-19": ({"WPP"}, set()),
}


def test_catalogue_search_finds_the_seeded_courses_before_any_worker_ran(
    client, settings
):
    # As on a fresh install: background tasks go to the database queue, and no
    # worker has run them yet. (One seed for every word: seeding takes long.)
    settings.TASKS = QUEUED_TASKS
    call_command("seed_demo", verbosity=0)
    catalog = CatalogPage.objects.get()

    for query, (expected, not_expected) in SEEDED_QUERIES.items():
        listed = _listed(client, catalog, query)
        assert expected <= listed, query
        assert not (not_expected & listed), query
    backend = get_search_backend()
    for model in (CoursePage, LessonPage, QuizPage):
        for page in model.objects.live():
            found = backend.search(
                search_terms(page.title), model.objects.filter(pk=page.pk)
            )
            assert list(found) == [page], page.title


def test_a_page_published_while_the_worker_lags_is_found_at_once(
    client, catalog, settings
):
    course = make_course(catalog, title="Layanan Dasar", lessons=1)
    settings.TASKS = QUEUED_TASKS
    lesson = course.lessons().get()
    lesson.body = [{"type": "paragraph", "value": "<p>Contoh tepaselira.</p>"}]
    lesson.save_revision().publish()

    assert _listed(client, catalog, "tepaselira") == {course.code}


def test_a_word_only_in_a_published_lesson_body_finds_its_course(client, catalog):
    from courses.models import Topic

    course = make_course(catalog, title="Layanan Dasar", lessons=1)
    hidden = make_course(catalog, title="Layanan Lain", lessons=1)
    for page, word in ((course, "gotongroyongan"), (hidden, "rahasiaterlarang")):
        lesson = page.lessons().get()
        lesson.body = [{"type": "paragraph", "value": f"<p>Contoh {word}.</p>"}]
        lesson.save_revision().publish()
    hidden.lessons().get().unpublish()
    topic = Topic.objects.create(name="Inovasi", slug="inovasi")

    assert _listed(client, catalog, "gotongroyongan") == {course.code}
    # An unpublished lesson's text finds nothing; the topic filter still holds.
    assert _listed(client, catalog, "rahasiaterlarang") == set()
    response = client.get(catalog.url, {"q": "gotongroyongan", "topik": topic.slug})
    assert list(response.context["courses"]) == []
