import pytest

from courses.models import CatalogPage, CoursePage, HomePage, LessonPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (CatalogPage, HomePage, True),
        (CoursePage, CatalogPage, True),
        (LessonPage, CoursePage, True),
        (LessonPage, CatalogPage, False),
        (LessonPage, HomePage, False),
        (CoursePage, HomePage, False),
        (CoursePage, LessonPage, False),
        (CatalogPage, CoursePage, False),
    ],
)
def test_page_tree_rules(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_catalogue_filters_by_topic_and_searches(client, catalog, search_index):
    from courses.models import Topic
    from tests.factories import make_course

    crisis = Topic.objects.create(name="Krisis", slug="krisis")
    other = Topic.objects.create(name="Inovasi", slug="inovasi")
    make_course(catalog, title="Layanan Saat Banjir", topic=crisis)
    make_course(catalog, title="Inovasi Loket Daring", topic=other)
    html = client.get(catalog.url, {"topik": "krisis"}).content.decode()
    assert "Layanan Saat Banjir" in html
    assert "Inovasi Loket Daring" not in html
    html = client.get(catalog.url, {"q": "banjir"}).content.decode()
    assert "Layanan Saat Banjir" in html
    assert "Inovasi Loket Daring" not in html


def test_every_page_is_found_at_its_address_and_nothing_else_is(
    learner_client, learner, course
):
    from courses.services import enrol
    from tests.factories import make_quiz

    enrol(user=learner, course=course)
    first, second, _third = course.lessons()
    quiz = make_quiz(course)
    for page in (course.get_parent().specific, course, second, quiz):
        response = learner_client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.context["page"].pk == page.pk
    assert learner_client.get(f"{first.url}tambahan/").status_code == 404
    assert learner_client.get(f"{course.url}tidak-ada/").status_code == 404
    first.unpublish()
    assert learner_client.get(first.url).status_code == 404


def test_a_lesson_knows_its_course_without_asking_again(
    learner_client, learner, course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.services import enrol

    enrol(user=learner, course=course)
    lesson = course.lessons()[1]
    learner_client.get(lesson.url)
    with CaptureQueriesContext(connection) as queries:
        response = learner_client.get(lesson.url)
    assert response.context["outline"].course.pk == course.pk
    assert not any(
        'FROM "courses_coursepage"' in query["sql"] and '"path" =' in query["sql"]
        for query in queries.captured_queries
    )
