"""A completion runs what the layers above registered, in the declared order, and
``courses`` builds outlines and its completion rule from registered parts: the
lower layer never imports the higher one."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from courses import parts
from courses.models import Enrolment
from courses.selectors import course_outline
from courses.services import complete_enrolment, enrol, mark_lesson_complete

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]

STEPS = __name__
calls: list[tuple] = []


@pytest.fixture(autouse=True)
def _fresh_calls():
    calls.clear()


def credit_step(*, enrolment):
    calls.append(("credit", enrolment.pk, enrolment.is_completed))


def evidence_step(*, enrolment):
    calls.append(("evidence", enrolment.pk, enrolment.is_completed))


def failing_step(*, enrolment):
    raise RuntimeError("the evidence store is down")


def after_commit_step(*, enrolment):
    transaction.on_commit(lambda: calls.append(("after commit", enrolment.pk, True)))


def test_completion_runs_the_registered_steps_in_the_declared_order(
    settings, learner, course
):
    settings.SIGAP_COMPLETION_STEPS = [f"{STEPS}.evidence_step", f"{STEPS}.credit_step"]
    enrolment, _ = enrol(user=learner, course=course)

    complete_enrolment(enrolment=enrolment)

    assert calls == [
        ("evidence", enrolment.pk, True),
        ("credit", enrolment.pk, True),
    ]


def test_a_second_completion_runs_no_step_again(settings, learner, course):
    settings.SIGAP_COMPLETION_STEPS = [f"{STEPS}.credit_step"]
    enrolment, _ = enrol(user=learner, course=course)

    complete_enrolment(enrolment=enrolment)
    complete_enrolment(enrolment=enrolment)

    assert calls == [("credit", enrolment.pk, True)]


def test_a_failing_completion_step_leaves_the_enrolment_uncompleted(
    settings, learner, course
):
    settings.SIGAP_COMPLETION_STEPS = [f"{STEPS}.credit_step", f"{STEPS}.failing_step"]
    enrolment, _ = enrol(user=learner, course=course)

    with pytest.raises(RuntimeError):
        complete_enrolment(enrolment=enrolment)

    assert not Enrolment.objects.get(pk=enrolment.pk).is_completed


def test_a_step_can_wait_for_the_completion_to_commit(
    settings, learner, course, django_capture_on_commit_callbacks
):
    settings.SIGAP_COMPLETION_STEPS = [f"{STEPS}.after_commit_step"]
    enrolment, _ = enrol(user=learner, course=course)

    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment(enrolment=enrolment)
        assert calls == []

    assert calls == [("after commit", enrolment.pk, True)]


class ReadingListPart(parts.CoursePart):
    """A part as a higher layer would add it: items for everyone, records per
    learner, its own context key."""

    name = "readings"

    def links(self, *, course, course_url):
        return [f"{course.title}: bacaan"]

    def records(self, *, user, links):
        return [f"{user.pk} membaca {link}" for link in links]

    def standing(self, *, links, records):
        return list(zip(links, records, strict=False)) or links

    def context(self, *, course, enrolment, items):
        return {"readings_left": 0 if enrolment is None else len(items)}


@pytest.fixture
def reading_list(monkeypatch):
    monkeypatch.setattr(parts, "COURSE_PARTS", [*parts.COURSE_PARTS])
    parts.register_course_part(ReadingListPart())
    monkeypatch.setattr("courses.selectors.COURSE_PARTS", parts.COURSE_PARTS)


def test_the_outline_shows_every_registered_part_with_the_learners_records(
    reading_list, learner, course
):
    enrol(user=learner, course=course)

    outline = course_outline(course=course, user=learner)

    assert outline.parts["readings"] == [
        (f"{course.title}: bacaan", f"{learner.pk} membaca {course.title}: bacaan")
    ]
    assert outline.extra["readings_left"] == 1
    assert outline.parts["quizzes"] == []  # the quiz engine's own part is still there


def test_a_visitor_sees_a_registered_part_without_anyones_records(reading_list, course):
    outline = course_outline(course=course, user=AnonymousUser())

    assert outline.parts["readings"] == [f"{course.title}: bacaan"]
    assert outline.extra["readings_left"] == 0


def test_completion_waits_for_every_registered_requirement(
    monkeypatch, learner, course
):
    ready = {"value": False}
    monkeypatch.setattr(
        "courses.selectors.COMPLETION_REQUIREMENTS",
        [*parts.COMPLETION_REQUIREMENTS, lambda *, enrolment: ready["value"]],
    )
    enrolment, _ = enrol(user=learner, course=course)
    lessons = list(course.lessons())
    for lesson in lessons:
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    assert not Enrolment.objects.get(pk=enrolment.pk).is_completed

    ready["value"] = True
    mark_lesson_complete(enrolment=enrolment, lesson=lessons[0])

    assert Enrolment.objects.get(pk=enrolment.pk).is_completed
