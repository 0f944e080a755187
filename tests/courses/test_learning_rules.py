"""The rule that guards a course page guards every action behind it.

Each rule (a Wagtail group or password restriction, the pre-test, an unpublished
course, no enrolment) is tried against each action a learner can take by POST or
that runs for them later (enrol, mark a lesson done, start, save and hand in a
quiz, completion and certificate): none of them goes through.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from certificates.models import Certificate
from certificates.tasks import issue_certificate_task
from courses.models import Enrolment, LessonProgress
from courses.permissions import LearningRefused, may_learn, may_open_course
from courses.quizzes.models import Attempt, Response
from courses.quizzes.services import start_attempt
from courses.services import complete_enrolment, enrol, evaluate_completion
from tests.factories import AsnProfileFactory, client_as, make_question, make_quiz

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]

PASSWORD = "sandi-angkatan-7"


@dataclass
class Scene:
    """A learner enrolled in a course, one lesson of two done, one quiz not yet
    started and another with an attempt in progress."""

    learner: object
    course: object
    lessons: list
    enrolment: Enrolment
    fresh_quiz: object
    open_attempt: Attempt
    client: object


@pytest.fixture
def scene(catalog, unit):
    from tests.factories import make_course

    learner = AsnProfileFactory(unit=unit).user
    course = make_course(catalog, lessons=2)
    make_quiz(course, [make_question(course)], kind="pretest", title="Pre-test")
    fresh_quiz = make_quiz(course, [make_question(course)], title="Kuis 1")
    busy_quiz = make_quiz(course, [make_question(course)], title="Kuis 2")
    enrolment, _ = enrol(user=learner, course=course)
    lessons = list(course.lessons())
    LessonProgress.objects.create(enrolment=enrolment, lesson=lessons[0])
    return Scene(
        learner=learner,
        course=course,
        lessons=lessons,
        enrolment=enrolment,
        fresh_quiz=fresh_quiz,
        open_attempt=start_attempt(quiz=busy_quiz, user=learner),
        client=client_as(learner),
    )


# --- rules: each makes the course closed to the scene's learner ------------------


def _group_restriction(scene):
    restriction = PageViewRestriction.objects.create(
        page=scene.course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Angkatan 7"))


def _password_restriction(scene):
    PageViewRestriction.objects.create(
        page=scene.course,
        restriction_type=PageViewRestriction.PASSWORD,
        password=PASSWORD,
    )


def _pretest_required(scene):
    scene.course.requires_pretest = True
    scene.course.save()


def _unpublished(scene):
    scene.course.unpublish()


def _not_enrolled(scene):
    scene.enrolment.delete()


RULES = {
    "group_restriction": _group_restriction,
    "password_not_given": _password_restriction,
    "pretest_not_done": _pretest_required,
    "course_unpublished": _unpublished,
    "not_enrolled": _not_enrolled,
}


# --- actions: each says whether it went through ----------------------------------


def _enrol(scene) -> bool:
    Enrolment.objects.filter(user=scene.learner).delete()
    scene.client.post(reverse("courses:enrol", args=[scene.course.pk]))
    return Enrolment.objects.filter(user=scene.learner).exists()


def _lesson_done(scene) -> bool:
    lesson = scene.lessons[1]
    scene.client.post(reverse("courses:complete_lesson", args=[lesson.pk]))
    return LessonProgress.objects.filter(lesson=lesson).exists()


def _quiz_start(scene) -> bool:
    scene.client.post(reverse("quizzes:start", args=[scene.fresh_quiz.pk]))
    return Attempt.objects.filter(quiz=scene.fresh_quiz).exists()


def _quiz_autosave(scene) -> bool:
    attempt = scene.open_attempt
    item = attempt.snapshot[0]
    answer = {"pos": item["pos"], f"q{item['pos']}": item["choices"][0]["k"]}
    scene.client.post(reverse("quizzes:autosave", args=[attempt.pk]), answer)
    scene.client.post(reverse("quizzes:attempt", args=[attempt.pk]), answer)
    return Response.objects.filter(attempt=attempt, saved_at__isnull=False).exists()


def _quiz_submit(scene) -> bool:
    attempt = scene.open_attempt
    scene.client.post(reverse("quizzes:submit", args=[attempt.pk]))
    attempt.refresh_from_db()
    return not attempt.is_open


def _certificate(scene) -> bool:
    """Every lesson done: neither the completion rule, nor a direct completion,
    nor the certificate task (for a completion recorded before the rule changed)
    grants anything."""
    enrolment = scene.enrolment
    LessonProgress.objects.create(enrolment=enrolment, lesson=scene.lessons[1])
    completed = evaluate_completion(enrolment=enrolment)
    try:
        complete_enrolment(enrolment=enrolment)
    except LearningRefused:
        pass
    else:
        completed = True
    Enrolment.objects.filter(pk=enrolment.pk).update(status="completed")
    issue_certificate_task.call(enrolment.pk)
    return completed or Certificate.objects.filter(enrolment=enrolment).exists()


ACTIONS = {
    "enrol": _enrol,
    "lesson_done": _lesson_done,
    "quiz_start": _quiz_start,
    "quiz_autosave": _quiz_autosave,
    "quiz_submit": _quiz_submit,
    "certificate": _certificate,
}

# Pairs where the rule does not apply to the action: one enrols before taking the
# pre-test, and enrolling is what a learner who is not enrolled does. A shared
# password belongs to a browser session: the requests that complete a course
# (lesson done, quiz submit, above) ask for it; the completion and the
# certificate that follow run without a request.
NOT_APPLICABLE = {
    ("pretest_not_done", "enrol"),
    ("not_enrolled", "enrol"),
    ("not_enrolled", "certificate"),  # no enrolment, nothing to complete
    ("password_not_given", "certificate"),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("rule", RULES)
def test_no_action_goes_through_where_the_course_page_refuses(scene, rule, action):
    if (rule, action) in NOT_APPLICABLE:
        pytest.skip("the rule does not apply to this action")
    RULES[rule](scene)
    assert not ACTIONS[action](scene)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_goes_through_once_the_password_is_given(scene, action):
    _password_restriction(scene)
    restriction = PageViewRestriction.objects.get(page=scene.course)
    scene.client.post(
        reverse(
            "wagtailcore_authenticate_with_password",
            args=[restriction.pk, scene.course.pk],
        ),
        {"password": PASSWORD, "return_url": scene.course.url},
    )
    assert ACTIONS[action](scene)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_goes_through_for_a_member_of_the_group(scene, action):
    _group_restriction(scene)
    scene.learner.groups.add(Group.objects.get(name="Angkatan 7"))
    assert ACTIONS[action](scene)


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_goes_through_once_the_pretest_is_handed_in(scene, action):
    from courses.quizzes.services import submit_attempt

    _pretest_required(scene)
    pretest = scene.course.get_children().get(title="Pre-test").specific
    submit_attempt(attempt=start_attempt(quiz=pretest, user=scene.learner))
    assert ACTIONS[action](scene)


def test_the_pretest_itself_can_be_started_before_anything_else(scene):
    _pretest_required(scene)
    pretest = scene.course.get_children().get(title="Pre-test").specific
    scene.client.post(reverse("quizzes:start", args=[pretest.pk]))
    assert Attempt.objects.filter(quiz=pretest, user=scene.learner).exists()


def test_without_a_request_a_group_restriction_still_refuses(scene):
    """Tasks and HR act without the learner's request: the group still counts."""
    _group_restriction(scene)
    assert not may_learn(scene.learner, scene.course)
    with pytest.raises(LearningRefused):
        enrol(user=AsnProfileFactory().user, course=scene.course)


def test_a_login_restriction_refuses_anonymous_visitors(scene):
    from django.contrib.auth.models import AnonymousUser

    PageViewRestriction.objects.create(
        page=scene.course, restriction_type=PageViewRestriction.LOGIN
    )
    assert not may_open_course(AnonymousUser(), scene.course)
    assert may_open_course(scene.learner, scene.course)


def test_a_restriction_on_the_catalogue_closes_its_courses_too(scene):
    """Wagtail's restrictions are inherited from ancestors; so is the rule."""
    restriction = PageViewRestriction.objects.create(
        page=scene.course.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Angkatan 8"))
    assert not _lesson_done(scene)
    assert not _quiz_start(scene)


def test_hr_bulk_enrolment_skips_people_outside_the_group(scene, unit):
    from lms.hr.services import bulk_enrol
    from tests.factories import make_hr_officer

    _group_restriction(scene)
    officer = make_hr_officer(unit)
    outsider = AsnProfileFactory(unit=unit).user
    result = bulk_enrol(
        officer=officer, course=scene.course, nips=[outsider.asn_profile.nip]
    )
    assert result.enrolled == 0
    assert outsider.asn_profile.nip in result.refused
    assert not Enrolment.objects.filter(user=outsider).exists()


def test_lessons_and_quizzes_of_an_unpublished_course_are_not_served(scene):
    """Wagtail serves a live page below an unpublished one; Sigap does not."""
    lesson_url, quiz_url = scene.lessons[1].url, scene.fresh_quiz.url
    assert scene.client.get(lesson_url).status_code == 200
    _unpublished(scene)
    assert scene.client.get(lesson_url).status_code == 404
    assert scene.client.get(quiz_url).status_code == 404
