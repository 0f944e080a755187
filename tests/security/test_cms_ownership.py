"""Trainers author only their own courses in the Wagtail admin; nobody else gets in."""

import pytest

from tests.factories import client_as

from .urlwalk import iter_routes, sample_path
from .world import ADMIN, HR, PENGAJAR, PENINJAU, PESERTA

pytestmark = pytest.mark.django_db


def _opened(response) -> bool:
    return response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/cms/pages/{course}/edit/",
        "/cms/pages/{lesson}/edit/",
        "/cms/pages/add/courses/lessonpage/{course}/",
        "/cms/pages/{lesson}/delete/",
        "/cms/pages/{course}/copy/",
        "/cms/pages/{lesson}/move/",
        "/cms/pages/{course}/revisions/",
    ],
)
def test_trainer_cannot_open_another_trainers_course_in_cms(world, path):
    other = path.format(course=world.course_b.pk, lesson=world.lesson(False).pk)
    own = path.format(course=world.course_a.pk, lesson=world.lesson(True).pk)
    trainer = client_as(world.users[PENGAJAR])
    assert not _opened(trainer.get(other))
    # Published pages are deleted or moved only by reviewers (Wagtail's rule for
    # authors without publish rights); revisions need an existing revision.
    # Copying a course leads to the course copy (``courses.copying``).
    if not any(word in path for word in ("revisions", "delete", "move")):
        assert _opened(trainer.get(own, follow="copy" in path))


def test_trainer_edit_post_to_another_course_changes_nothing(world):
    trainer = client_as(world.users[PENGAJAR])
    response = trainer.post(
        f"/cms/pages/{world.course_b.pk}/edit/", {"title": "Dibajak", "slug": "x"}
    )
    assert response.status_code in (302, 403)
    world.course_b.refresh_from_db()
    assert world.course_b.title == "Kursus B"
    assert not world.course_b.revisions.filter(content__title="Dibajak").exists()


def test_trainer_may_create_a_course_in_the_catalogue(world):
    catalog = world.course_a.get_parent()
    response = client_as(world.users[PENGAJAR]).get(
        f"/cms/pages/add/courses/coursepage/{catalog.pk}/"
    )
    assert response.status_code == 200


def test_trainer_cannot_publish_alone_but_can_submit_for_review(world):
    page = world.course_a
    perms = page.permissions_for_user(world.users[PENGAJAR])
    assert perms.can_edit() and not perms.can_publish()
    assert perms.can_submit_for_moderation()


@pytest.mark.parametrize("role", [PENINJAU, ADMIN])
def test_reviewers_and_admins_edit_every_course(world, role):
    response = client_as(world.users[role]).get(f"/cms/pages/{world.course_b.pk}/edit/")
    assert response.status_code == 200


@pytest.mark.parametrize("role", [PESERTA, HR, PENGAJAR, PENINJAU, ADMIN])
def test_django_admin_is_refused_to_everyone_but_superusers(world, role):
    client = client_as(world.users[role])
    opened = []
    for route in iter_routes():
        if route.route.startswith("django-admin/") and (path := sample_path(route)):
            if client.get(path).status_code == 200:
                opened.append(path)
    assert not opened
