"""Headings on the learner's pages go down one level at a time (WCAG 1.3.1; the
rule Wagtail's accessibility checker shows trainers in the user bar): a screen
reader user who jumps by heading never meets an h3 without its h2."""

from html.parser import HTMLParser

import pytest

from courses.services import enrol
from tests.factories import client_as

pytestmark = pytest.mark.django_db


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.levels.append(int(tag[1]))


def _skipped_levels(html: str) -> list[tuple[int, int]]:
    parser = _Headings()
    parser.feed(html)
    levels = parser.levels
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]


def test_no_learner_page_skips_a_heading_level(course, learner):
    enrol(user=learner, course=course)
    lesson = course.lessons().first()
    client = client_as(learner)
    catalog = course.get_parent()
    pages = [
        "/",
        catalog.url,
        f"{catalog.url}?q=kursus",
        course.url,
        lesson.url,
        "/kursus-saya/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _skipped_levels(response.content.decode()) == [], url
