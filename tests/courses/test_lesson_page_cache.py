"""A learner's lesson page is kept in their own cache (``{% person_fragment %}``,
with Redis in production): it must follow what they do at once, follow the
published lesson and their language, never show one learner's page to another,
and post with the request's CSRF token."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from courses.selectors import lesson_page_cache_name
from courses.services import enrol
from lms.cache import _person_entry_key
from tests.factories import AsnProfileFactory, client_as, make_course

pytestmark = pytest.mark.usefixtures("shared_memory_cache", "no_reading_time")

DONE = "Pelajaran ini sudah ditandai selesai"


@pytest.fixture
def lesson(catalog, learner):
    course = make_course(catalog, lessons=3)
    enrol(user=learner, course=course)
    return course.lessons()[1]


def _kept(learner, lesson):
    entry = cache.get(_person_entry_key(learner.pk, lesson_page_cache_name(lesson.pk)))
    return entry[1][1] if entry else None


def test_the_page_is_kept_and_follows_the_lesson_marked_done(
    learner_client, learner, lesson
):
    first = learner_client.get(lesson.url).content.decode()
    assert "Tandai selesai" in first and DONE not in first
    assert "Tandai selesai" in _kept(learner, lesson)

    learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    page = learner_client.get(lesson.url).content.decode()
    assert DONE in page
    assert "Tandai selesai" not in page
    assert 'class="done current"' in page  # the outline ticks it too


def test_one_learners_page_is_never_shown_to_another(
    learner_client, learner, lesson, unit
):
    learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    assert DONE in learner_client.get(lesson.url).content.decode()
    other = AsnProfileFactory(unit=unit).user
    enrol(user=other, course=lesson.get_parent().specific)
    page = client_as(other).get(lesson.url).content.decode()
    assert DONE not in page
    assert "Tandai selesai" in page


def test_a_republished_lesson_shows_at_once(learner_client, lesson):
    assert lesson.title in learner_client.get(lesson.url).content.decode()
    lesson.title = "Judul baru pelajaran"
    lesson.save_revision().publish()
    assert "Judul baru pelajaran" in learner_client.get(lesson.url).content.decode()


def test_the_page_follows_the_learners_language(learner_client, lesson):
    assert "Tandai selesai" in learner_client.get(lesson.url).content.decode()
    learner_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = learner_client.get(lesson.url).content.decode()
    assert "Mark as complete" in page
    assert "Tandai selesai" not in page


def test_messages_are_shown_once_not_kept_with_the_page(learner_client, lesson):
    learner_client.get(lesson.url)
    learner_client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    shown = "Pelajaran ditandai selesai."
    assert shown in learner_client.get(lesson.url).content.decode()
    assert shown not in learner_client.get(lesson.url).content.decode()


def test_every_form_of_a_kept_page_posts_with_this_requests_token(learner, lesson):
    for visit in range(2):  # the second page comes from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        page = client.get(lesson.url).content.decode()
        if visit:
            assert _kept(learner, lesson) is not None
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert tokens and not [token for token in tokens if "placeholder" in token]
        assert "placeholder" not in page
    response = client.post(
        reverse("courses:complete_lesson", args=[lesson.pk]),
        {"csrfmiddlewaretoken": tokens.pop()},
    )
    assert response.status_code == 302
    assert DONE in client.get(lesson.url).content.decode()
