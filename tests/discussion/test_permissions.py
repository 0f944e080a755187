"""Who reads and writes a course's discussion: its enrolled learners, its trainer
and administrators; nobody else, HR officers included."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.discussion.models import Post, Thread
from lms.discussion.services import start_thread
from tests.factories import client_as


@pytest.fixture
def thread(member, course):
    return start_thread(
        user=member, course=course, title="Tanya SOP", body="Bagaimana alurnya?"
    )


def test_enrolled_learner_trainer_and_admin_read_the_discussion(
    thread, member, trainer, admin_user
):
    for user in (member, trainer, admin_user):
        response = client_as(user).get(reverse("discussion:thread", args=[thread.pk]))
        assert response.status_code == 200
        assert "Bagaimana alurnya?" in response.content.decode()


@pytest.mark.parametrize("who", ["outsider", "other_trainer", "hr_officer"])
def test_others_find_nothing(request, who, thread, course):
    client = client_as(request.getfixturevalue(who))
    for url in (
        reverse("discussion:course", args=[course.pk]),
        reverse("discussion:thread", args=[thread.pk]),
        reverse("discussion:new_thread", args=[course.pk]),
        reverse("discussion:lesson", args=[course.get_children().first().pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Bagaimana alurnya?" not in response.content
    response = client.post(
        reverse("discussion:thread", args=[thread.pk]), {"body": "Menyusup"}
    )
    assert response.status_code == 404
    assert not Post.objects.filter(body="Menyusup").exists()


def test_other_trainer_cannot_moderate(thread, other_trainer):
    response = client_as(other_trainer).post(
        reverse("discussion:moderate_thread", args=[thread.pk]), {"action": "pin"}
    )
    assert response.status_code == 404
    assert not Thread.objects.get(pk=thread.pk).is_pinned


def test_learner_cannot_moderate(thread, classmate):
    post = thread.posts.get()
    client = client_as(classmate)
    assert (
        client.post(
            reverse("discussion:moderate_post", args=[post.pk]),
            {"action": "hide", "reason": "x"},
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("discussion:moderate_thread", args=[thread.pk]), {"action": "lock"}
        ).status_code
        == 404
    )
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.is_hidden and not thread.is_locked


def test_a_learner_who_leaves_the_course_loses_the_discussion(thread, member):
    member.enrolments.all().delete()
    response = client_as(member).get(reverse("discussion:thread", args=[thread.pk]))
    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in(thread):
    response = Client().get(reverse("discussion:thread", args=[thread.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "masuk" in response["Location"]


def test_posting_without_csrf_token_is_refused(thread, member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(
        reverse("discussion:thread", args=[thread.pk]), {"body": "Tanpa token"}
    )
    assert response.status_code == 403
    assert not Post.objects.filter(body="Tanpa token").exists()
