"""Trainers reach only their own courses' snippets (question banks) in the admin."""

import pytest

from courses.page_permissions import course_owned_models
from tests.factories import client_as

from .world import PENGAJAR, PENINJAU, build_world

pytestmark = pytest.mark.django_db


def _question_model():
    models = [m for m in course_owned_models() if m._meta.model_name == "question"]
    if not models:
        pytest.skip("no question bank installed yet")
    return models[0]


def _make_question(course):
    from tests.factories import make_question

    return make_question(course=course, text=f"Soal rahasia {course.title}")


def _url(question, action: str) -> str:
    meta = question._meta
    return f"/cms/snippets/{meta.app_label}/{meta.model_name}/{action}/{question.pk}/"


@pytest.mark.parametrize("action", ["edit", "delete", "history", "usage"])
def test_trainer_cannot_open_another_trainers_questions(action):
    _question_model()
    world = build_world()
    theirs = _make_question(world.course_b)
    mine = _make_question(world.course_a)
    trainer = client_as(world.users[PENGAJAR])
    refused = trainer.get(_url(theirs, action))
    assert refused.status_code in (302, 403, 404)
    assert "Soal rahasia Kursus B" not in refused.content.decode()
    if action == "edit":
        assert trainer.get(_url(mine, action)).status_code == 200


def test_trainer_cannot_create_a_question_in_another_trainers_course():
    model = _question_model()
    world = build_world()
    meta = model._meta
    before = model.objects.count()
    response = client_as(world.users[PENGAJAR]).post(
        f"/cms/snippets/{meta.app_label}/{meta.model_name}/add/",
        {"course": world.course_b.pk, "text": "Soal sisipan", "type": "single"},
    )
    assert response.status_code in (302, 403)
    assert model.objects.count() == before


def test_trainer_cannot_bulk_delete_another_trainers_questions():
    model = _question_model()
    world = build_world()
    theirs = _make_question(world.course_b)
    meta = model._meta
    client_as(world.users[PENGAJAR]).post(
        f"/cms/bulk/{meta.app_label}/{meta.model_name}/delete/?id={theirs.pk}"
    )
    assert model.objects.filter(pk=theirs.pk).exists()


def test_reviewers_open_every_question():
    _question_model()
    world = build_world()
    theirs = _make_question(world.course_b)
    assert client_as(world.users[PENINJAU]).get(_url(theirs, "edit")).status_code == 200


def test_every_course_owned_snippet_is_guarded_by_the_course_policy():
    """A snippet filed under a course is guarded on every route only if its app
    registered the course policy and shows it with a policy-guarded viewset: a new
    course-owned snippet without them would be open to every trainer."""
    from wagtail.permissions import policy_registry
    from wagtail.snippets.models import get_snippet_models

    from courses.page_permissions import CourseOwnedSnippetPolicy
    from lms.admin_policies import ObjectPermissionPolicy, PolicyGuardedSnippetViewSet

    owned = set(course_owned_models())
    snippets = get_snippet_models()
    assert owned & set(snippets), "the question bank is a course-owned snippet"
    for model in snippets:
        policy = policy_registry.get_by_type(model)
        if model in owned:
            assert isinstance(policy, CourseOwnedSnippetPolicy), model
        if isinstance(policy, ObjectPermissionPolicy):
            assert isinstance(model.snippet_viewset, PolicyGuardedSnippetViewSet), model
