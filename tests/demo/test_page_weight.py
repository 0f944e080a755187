"""Page weight: HTML + CSS + JS (no media) of the main pages, on the demo content.

Learners are on phones and patchy connections (docs/domain.md): a lesson page must stay
under 50 KB before images and video. Measured without a browser, through Django,
so it runs in the ordinary suite; the learner journey also measures the lesson page
as Chromium loads it.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from courses.models import CatalogPage, CoursePage, LessonPage
from courses.quizzes.models import QuizPage
from courses.quizzes.services import start_attempt, submit_attempt
from courses.services import enrol
from lms.accounts.models import User

LESSON_BUDGET = 50 * 1024
PAGE_BUDGET = 100 * 1024
ASSET = re.compile(
    r"<link[^>]+rel=\"stylesheet\"[^>]+href=\"([^\"]+)\"|<script[^>]+src=\"([^\"]+)\""
)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?[\"']?([^\"')]+)")

# One seed for the package (seeding takes long), each test in its own savepoint.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def _static_bytes(url: str, seen: set[str]) -> int:
    path = urlsplit(url).path
    if path in seen or not path.startswith(settings.STATIC_URL):
        return 0
    seen.add(path)
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    assert found, f"static file {path} not found"
    with open(found, "rb") as handle:
        data = handle.read()
    total = len(data)
    if path.endswith(".css"):
        for imported in CSS_IMPORT.findall(data.decode()):
            total += _static_bytes(imported, seen)
    return total


def page_weight(client, url: str) -> int:
    """Bytes of the HTML at ``url`` plus every stylesheet and script it loads."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    seen: set[str] = set()
    assets = sum(
        _static_bytes(link or script, seen) for link, script in ASSET.findall(html)
    )
    return len(response.content) + assets


@pytest.fixture(scope="module")
def demo_learner(module_savepoint, django_db_blocker):
    """The demo learner enrolled in every demo course, its pre-tests taken (inside
    the module's savepoint in the seeded demo, rolled back with it)."""
    with django_db_blocker.unblock():
        learner = User.objects.get(email="peserta@sigap.test")
        for course in CoursePage.objects.live():
            enrol(user=learner, course=course)
            # Demo courses require the pre-test before the first lesson (the
            # demo has her take those of the courses where she handed in a task).
            pretests = QuizPage.objects.live().child_of(course).filter(kind="pretest")
            for pretest in pretests.exclude(attempts__user=learner):
                submit_attempt(attempt=start_attempt(quiz=pretest, user=learner))
    return learner


@pytest.fixture
def demo_learner_client(client, demo_learner):
    client.force_login(demo_learner)
    return client


def test_every_demo_lesson_page_is_under_50_kb(demo_learner_client):
    weights = {
        lesson.url: page_weight(demo_learner_client, lesson.url)
        for lesson in LessonPage.objects.live()
    }
    assert weights
    heavy = {url: size for url, size in weights.items() if size >= LESSON_BUDGET}
    assert not heavy, f"lesson pages over 50 KB: {heavy}"


def test_main_pages_stay_light(demo_learner_client, client):
    course = CoursePage.objects.live().first()
    urls = [
        "/",
        CatalogPage.objects.live().first().url,
        course.url,
        "/kursus-saya/",
        "/akun/profil/",
    ]
    weights = {url: page_weight(demo_learner_client, url) for url in urls}
    demo_learner_client.logout()
    weights["/accounts/login/"] = page_weight(demo_learner_client, "/accounts/login/")
    heavy = {url: size for url, size in weights.items() if size >= PAGE_BUDGET}
    assert not heavy, f"pages over 100 KB of HTML+CSS+JS: {heavy}"
