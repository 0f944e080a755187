"""A lesson page costs the same few queries whatever the size of the course, and
none once the shared cache holds the published course and the learner's standing."""

import pytest

from courses.services import enrol
from tests.factories import make_course, make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lessons", [5, 60])
@pytest.mark.parametrize("with_quizzes", [False, True], ids=["lessons", "quizzes"])
def test_a_lesson_page_costs_no_query_once_the_cache_is_warm(
    shared_memory_cache,
    client,
    learner,
    catalog,
    django_assert_num_queries,
    lessons,
    with_quizzes,
):
    course = make_course(catalog, lessons=lessons)
    if with_quizzes:
        make_quiz(course, [make_question(course)], kind="quiz")
        make_quiz(course, [make_question(course)], kind="posttest")
    enrol(user=learner, course=course)
    client.force_login(learner)
    lesson = course.lessons()[2]
    client.get(lesson.url)  # the learner's first page after a change fills the cache

    with django_assert_num_queries(0):
        response = client.get(lesson.url)
    assert response.status_code == 200
    assert f"Pelajaran 3 dari {lessons}" in response.content.decode()


def test_a_lesson_page_with_the_database_as_cache_costs_a_few_queries(
    database_cache, client, learner, catalog, django_assert_num_queries
):
    course = make_course(catalog, lessons=60)
    make_quiz(course, [make_question(course)], kind="posttest")
    enrol(user=learner, course=course)
    client.force_login(learner)
    lesson = course.lessons()[2]
    client.get(lesson.url)

    # The session, the learner, their roles, the published version (the course
    # itself comes from this process's copy), the enrolment with the lessons done,
    # the quiz attempts, the header's count of unread notifications (with no
    # per-person cache, as here, each is a query; with Redis, a cache read).
    with django_assert_num_queries(7):
        assert client.get(lesson.url).status_code == 200
