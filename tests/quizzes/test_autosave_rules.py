"""An attempt in progress asks the learning rule on every autosave, page and
hand-in; the answer is kept for the learner between requests (``may_go_on_learning``)
and must be forgotten the moment what it depends on changes.

Each test first autosaves once, so that the kept answer says "allowed", then
changes one thing while the attempt is open: the next autosave, page and hand-in
are refused. The cache is shared memory, as Redis is in production.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.quizzes.models import Attempt, Response
from courses.quizzes.services import start_attempt
from courses.services import enrol
from tests.factories import AsnProfileFactory, client_as, make_question, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def taking(shared_memory_cache, course, unit):
    """A learner in group "Angkatan 7" (the course admits only that group), in the
    middle of a quiz attempt, who has already autosaved once."""
    group = Group.objects.create(name="Angkatan 7")
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    learner = AsnProfileFactory(unit=unit).user
    learner.groups.add(group)
    quiz = make_quiz(course, [make_question(course), make_question(course)])
    make_quiz(course, [make_question(course)], kind="pretest", title="Pre-test")
    enrol(user=learner, course=course)
    attempt = start_attempt(quiz=quiz, user=learner)
    client = client_as(learner)
    assert _autosave(client, attempt, seq=1).status_code == 200
    return {
        "learner": learner,
        "group": group,
        "restriction": restriction,
        "course": course,
        "quiz": quiz,
        "attempt": attempt,
        "client": client,
    }


def _autosave(client, attempt, *, seq):
    item = attempt.snapshot[0]
    return client.post(
        reverse("quizzes:autosave", args=[attempt.pk]),
        {"pos": item["pos"], "seq": seq, f"q{item['pos']}": item["choices"][0]["k"]},
    )


def _removed_from_group(t):
    t["learner"].groups.remove(t["group"])


def _removed_from_group_by_the_group_editor(t):
    t["group"].user_set.remove(t["learner"])


def _group_no_longer_admitted(t):
    t["restriction"].groups.set([Group.objects.create(name="Angkatan 8")])


def _password_added(t):
    PageViewRestriction.objects.create(
        page=t["course"], restriction_type=PageViewRestriction.PASSWORD, password="x1"
    )


def _course_unpublished(t):
    t["course"].unpublish()


def _quiz_unpublished(t):
    t["quiz"].unpublish()


def _enrolment_withdrawn(t):
    t["learner"].enrolments.get(course=t["course"]).delete()


def _pretest_required(t):
    t["course"].requires_pretest = True
    t["course"].save()


CHANGES = {
    "removed_from_group": _removed_from_group,
    "removed_from_group_by_the_group_editor": _removed_from_group_by_the_group_editor,
    "group_no_longer_admitted": _group_no_longer_admitted,
    "password_added": _password_added,
    "course_unpublished": _course_unpublished,
    "quiz_unpublished": _quiz_unpublished,
    "enrolment_withdrawn": _enrolment_withdrawn,
    "pretest_required": _pretest_required,
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_mid_attempt_refuses_the_next_autosave(taking, change):
    CHANGES[change](taking)
    attempt = taking["attempt"]

    response = _autosave(taking["client"], attempt, seq=2)

    assert response.status_code in (403, 404)
    assert Response.objects.get(attempt=attempt, client_seq=1)  # the first save only
    assert not Response.objects.filter(attempt=attempt, client_seq=2).exists()


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_mid_attempt_refuses_the_hand_in_and_the_pages(taking, change):
    CHANGES[change](taking)
    attempt, client = taking["attempt"], taking["client"]

    page = client.get(reverse("quizzes:attempt", args=[attempt.pk]))
    client.post(reverse("quizzes:submit", args=[attempt.pk]))

    assert page.status_code in (302, 404)
    assert Attempt.objects.get(pk=attempt.pk).is_open


def test_a_learner_added_to_the_group_mid_attempt_may_save_at_once(
    shared_memory_cache, course, learner
):
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    group = Group.objects.create(name="Angkatan 7")
    restriction.groups.add(group)
    learner.groups.add(group)
    quiz = make_quiz(course, [make_question(course)])
    enrol(user=learner, course=course)
    attempt = start_attempt(quiz=quiz, user=learner)
    client = client_as(learner)
    learner.groups.remove(group)
    assert _autosave(client, attempt, seq=1).status_code == 404

    learner.groups.add(group)

    assert _autosave(client, attempt, seq=2).status_code == 200


def test_the_shared_password_is_asked_of_every_request(taking):
    """The kept answer never carries a password over to another browser session."""
    _password_added(taking)
    restriction = PageViewRestriction.objects.get(
        page=taking["course"], restriction_type=PageViewRestriction.PASSWORD
    )
    client = taking["client"]
    client.post(
        reverse(
            "wagtailcore_authenticate_with_password",
            args=[restriction.pk, taking["course"].pk],
        ),
        {"password": "x1", "return_url": taking["course"].url},
    )
    assert _autosave(client, taking["attempt"], seq=2).status_code == 200

    other_browser = client_as(taking["learner"])

    assert _autosave(other_browser, taking["attempt"], seq=3).status_code == 403


# --- what an autosave costs ------------------------------------------------------


def test_an_autosave_costs_three_queries_once_the_cache_is_warm(
    taking, django_assert_max_num_queries
):
    """The attempt, its row locked, the answer written (and the transaction's
    savepoint and its release, in tests); nothing for the learning rule."""
    with django_assert_max_num_queries(5):
        response = _autosave(taking["client"], taking["attempt"], seq=2)
    assert response.status_code == 200


def test_an_autosave_with_the_database_as_cache_costs_a_few_queries(
    database_cache, course, learner, django_assert_max_num_queries
):
    quiz = make_quiz(course, [make_question(course)])
    enrol(user=learner, course=course)
    attempt = start_attempt(quiz=quiz, user=learner)
    client = client_as(learner)
    assert _autosave(client, attempt, seq=1).status_code == 200

    # The session, the learner, their roles, the attempt, the published version,
    # the enrolment, then the save (savepoint, lock, update, release).
    with django_assert_max_num_queries(10):
        response = _autosave(client, attempt, seq=2)
    assert response.status_code == 200
