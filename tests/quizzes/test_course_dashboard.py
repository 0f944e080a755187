"""The course dashboard in the admin: a trainer reads their course's enrolments,
progress, completion and pre/post-test growth, with links to the reports;
another trainer cannot open it."""

import re

import pytest
from django.urls import reverse

from courses.services import enrol, mark_lesson_complete
from tests.factories import AsnProfileFactory, client_as, make_question, make_quiz
from tests.security.world import ADMIN, PENGAJAR, PENINJAU, build_world

from .test_question_bank_listing import take

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def _url(course) -> str:
    return f"/cms/dasbor-kursus/{course.pk}/"


def _figure(html: str, name: str) -> str:
    match = re.search(rf'data-figure="{name}">(.*?)</td>', html, flags=re.S)
    assert match, name
    return " ".join(match.group(1).split())


@pytest.fixture
def seeded(unit):
    """Course A: three lessons, a pre-test and a post-test of five questions.
    First learner: pre 40, every lesson, post 80 (completes). Second: pre 80, one
    lesson. Third: enrolled only. A fourth person is not enrolled."""
    world = build_world()
    course = world.course_a
    pretest = make_quiz(
        course, [make_question(course) for _ in range(5)], kind="pretest"
    )
    posttest = make_quiz(
        course, [make_question(course) for _ in range(5)], kind="posttest", pass_mark=60
    )
    first, second, third, _outsider = (
        AsnProfileFactory(unit=unit).user for _ in range(4)
    )
    lessons = list(course.lessons())
    take(pretest, first, {1, 2})
    take(pretest, second, {1, 2, 3, 4})
    for lesson in lessons:
        mark_lesson_complete(enrolment=first.enrolments.get(), lesson=lesson)
    mark_lesson_complete(enrolment=second.enrolments.get(), lesson=lessons[0])
    take(posttest, first, {1, 2, 3, 4})
    enrol(user=third, course=course)
    return world, course, first, posttest


def test_trainer_reads_the_figures_of_their_course(seeded):
    world, course, first, posttest = seeded
    assert first.enrolments.get().status == "completed"
    response = client_as(world.users[PENGAJAR]).get(_url(course))
    assert response.status_code == 200
    html = response.content.decode()
    assert _figure(html, "enrolled") == "3"
    assert _figure(html, "completed").startswith("1 (33")
    assert _figure(html, "active") == "2"
    assert _figure(html, "started") == "2"
    # (3 + 1) lessons done of 3 × 3: 44 %.
    assert _figure(html, "progress").startswith("44%")
    assert _figure(html, "mean-pre").startswith(("60,0", "60.0"))
    assert _figure(html, "mean-post").startswith(("80,0", "80.0"))
    assert _figure(html, "paired") == "1"
    # g = (80 − 40) / (100 − 40)
    assert _figure(html, "class-gain") in ("0,67", "0.67")
    assert reverse("quizzes:report", args=(posttest.pk,)) in html
    assert reverse("quizzes:course_report", args=(course.pk,)) in html


@pytest.mark.parametrize("role", [PENINJAU, ADMIN])
def test_reviewer_and_admin_may_read_it(seeded, role):
    world, course, *_ = seeded
    response = client_as(world.users[role]).get(_url(course))
    assert response.status_code == 200
    assert _figure(response.content.decode(), "enrolled") == "3"


def test_another_trainer_is_refused_and_not_offered_the_course(seeded):
    world, course, *_ = seeded
    client = client_as(world.trainer_b)
    assert client.get(_url(course)).status_code == 404
    listing = client.get("/cms/dasbor-kursus/").content.decode()
    assert "Kursus B" in listing
    assert "Kursus A" not in listing


def test_course_edit_view_has_the_dashboard_button_and_the_menu_lists_it(seeded):
    world, course, *_ = seeded
    client = client_as(world.users[PENGAJAR])
    edit = client.get(f"/cms/pages/{course.pk}/edit/").content.decode()
    assert _url(course) in edit
    assert "Dasbor kursus" in edit
    assert "/cms/dasbor-kursus/" in client.get("/cms/").content.decode()
    listing = client.get("/cms/dasbor-kursus/").content.decode()
    assert _url(course) in listing
    assert "Kursus B" not in listing


def test_dashboard_links_the_attendance_of_each_live_session(seeded):
    """The trainer reaches each session's attendance (code, register, import) from
    the course dashboard; a reviewer, who only reads, is not offered it."""
    import datetime

    from django.utils import timezone

    from tests.factories import make_session

    world, course, *_ = seeded
    session = make_session(
        course,
        title="Webinar Pelayanan Krisis",
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    attendance = reverse("livesessions:attendance", args=[session.pk])
    html = client_as(world.users[PENGAJAR]).get(_url(course)).content.decode()
    assert attendance in html
    assert "Kehadiran: Webinar Pelayanan Krisis" in html
    assert client_as(world.users[PENGAJAR]).get(attendance).status_code == 200
    reviewer = client_as(world.users[PENINJAU]).get(_url(course)).content.decode()
    assert attendance not in reviewer
