import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Enrolment, LessonProgress
from courses.selectors import my_courses
from courses.services import enrol, mark_lesson_complete
from tests.factories import UserFactory, make_course

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def test_enrolment_by_get_is_refused(learner_client, course):
    response = learner_client.get(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 405
    assert not Enrolment.objects.exists()


def test_enrolment_by_post_happens_once(learner_client, learner, course):
    for _ in range(2):
        response = learner_client.post(reverse("courses:enrol", args=[course.pk]))
        assert response.status_code == 302
    assert Enrolment.objects.filter(user=learner, course=course).count() == 1


def test_enrolment_needs_a_complete_profile(client, course):
    client.force_login(UserFactory())
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert reverse("accounts:profile") in response["Location"]
    assert not Enrolment.objects.exists()


def test_anonymous_enrolment_goes_to_sign_in(client, course):
    response = client.post(reverse("courses:enrol", args=[course.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_lessons_are_closed_until_enrolment(learner_client, course):
    lesson = course.lessons().first()
    response = learner_client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_marking_lessons_done_moves_progress_and_completes_the_course(
    learner_client, learner, course
):
    learner_client.post(reverse("courses:enrol", args=[course.pk]))
    lessons = list(course.lessons())
    for done, lesson in enumerate(lessons, start=1):
        response = learner_client.post(
            reverse("courses:complete_lesson", args=[lesson.pk])
        )
        assert response.status_code == 302
        [(enrolment, progress)] = my_courses(user=learner)
        assert progress.done == done
    assert progress.percent == 100
    assert enrolment.is_completed
    assert enrolment.completed_at is not None
    page = learner_client.get(reverse("courses:my_courses")).content.decode()
    assert 'value="100"' in page
    assert "100%" in page


def test_marking_a_lesson_twice_records_it_once(learner, course):
    enrolment, _ = enrol(user=learner, course=course)
    lesson = course.lessons().first()
    mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1


def test_only_the_enrolled_learner_can_mark_a_lesson(client, learner, course):
    enrol(user=learner, course=course)
    client.force_login(UserFactory())
    lesson = course.lessons().first()
    response = client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_lesson_page_shows_previous_and_next(learner_client, learner, course):
    enrol(user=learner, course=course)
    first, second, third = course.lessons()
    html = learner_client.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html
    assert f'rel="next" href="{third.url}"' in html
    assert "Tandai selesai" in html


def _lesson_page_queries(client, course) -> int:
    lesson = course.lessons()[1]
    client.get(lesson.url)  # warm site-root caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(lesson.url)
    assert response.status_code == 200
    return len(queries)


def test_lesson_page_queries_do_not_grow_with_the_number_of_lessons(
    learner_client, learner, catalog
):
    small = make_course(catalog, lessons=5)
    large = make_course(catalog, lessons=40)
    for course in (small, large):
        enrolment, _ = enrol(user=learner, course=course)
        for lesson in course.lessons()[:3]:
            mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    queries = _lesson_page_queries(learner_client, small)
    assert queries == _lesson_page_queries(learner_client, large)
    # Session, user, enrolment with progress; from the cache (the database cache
    # here; Redis in production): the published version, site, page with its
    # course, course structure, catalogue link, role names, lesson body.
    assert queries <= 11
