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


def test_catalogue_filters_by_topic_and_searches(client, catalog):
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
