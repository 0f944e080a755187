"""Prepare the benchmark database: demo data, courses of 5 and 200 lessons, a session.

Run by ``bench/run.py`` in a subprocess with the benchmark's environment. Prints one
JSON line: the lesson URL to load, the session cookie, and the number of database
queries per lesson page at 5 and at 200 lessons (warm, and after the learner's own
records changed).
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from courses.models import CatalogPage, CoursePage, LessonPage  # noqa: E402
from courses.quizzes.models import Attempt, QuizPage  # noqa: E402
from courses.quizzes.services import start_attempt, submit_attempt  # noqa: E402
from courses.services import enrol  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from lms.cache import forget_person  # noqa: E402

LEARNER = "peserta@sigap.test"


def _course_with_lessons(code: str, count: int, template: LessonPage) -> CoursePage:
    """A course of ``count`` lessons, each as long as a real demo lesson."""
    course = CoursePage.objects.filter(code=code).first()
    if course is None:
        catalog = CatalogPage.objects.live().first()
        course = catalog.add_child(
            instance=CoursePage(
                title=f"Kursus uji beban {count} pelajaran",
                slug=f"uji-beban-{count}",
                code=code,
                summary="Kursus untuk mengukur kinerja halaman pelajaran.",
                jp=2,
            )
        )
    existing = course.get_children().count()
    for number in range(existing + 1, count + 1):
        course.add_child(
            instance=LessonPage(
                title=f"Pelajaran {number}",
                slug=f"pelajaran-{number}",
                intro=template.intro,
                body=template.body.raw_data,
            )
        )
    return course


def _queries(client: Client, url: str, learner: User) -> dict:
    """Queries for the page served from warm caches, and for the learner's first
    page after their own records changed (their cached standing forgotten)."""
    client.get(url)  # warm caches (site root, templates) as a running server would
    counts = {}
    for name in ("warm", "after a change"):
        if name == "after a change":
            forget_person([learner.pk])
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(captured)
    return counts


def main() -> None:
    call_command("migrate", "--noinput", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    learner = User.objects.get(email=LEARNER)
    demo_course = CoursePage.objects.live().exclude(code__startswith="BENCH").first()
    lesson = demo_course.lessons().first()
    small = _course_with_lessons("BENCH5", 5, lesson)
    large = _course_with_lessons("BENCH200", 200, lesson)
    for course in (demo_course, small, large):
        enrol(user=learner, course=course)
    # Demo courses ask for the pre-test before the first lesson (else: a redirect).
    for pretest in QuizPage.objects.live().child_of(demo_course).filter(kind="pretest"):
        if not Attempt.objects.filter(quiz=pretest, user=learner).exists():
            submit_attempt(attempt=start_attempt(quiz=pretest, user=learner))
    client = Client()
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == 200, (lesson.url, response.status_code)
    counts = {
        "5": _queries(client, small.lessons()[2].url, learner),
        "200": _queries(client, large.lessons()[100].url, learner),
    }
    # The cookies a browser holds after its first lesson page: the session and the
    # CSRF cookie (without it every page would mint a new CSRF secret and set it).
    cookie = "; ".join(
        f"{name}={client.cookies[name].value}"
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
        if name in client.cookies
    )
    print(
        json.dumps(
            {
                "lesson_url": lesson.url,
                "lesson_title": lesson.title,
                "cookie": cookie,
                "queries": counts,
            }
        )
    )


if __name__ == "__main__":
    main()
