"""The site navigation: the catalogue link follows the catalogue; the Wagtail
userbar is for the people who edit, never for learners."""

import pytest
from django.urls import reverse

from courses.services import enrol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_catalogue_link_follows_a_renamed_catalogue(learner_client, catalog):
    assert (
        f'href="{catalog.url}"'
        in learner_client.get(reverse("courses:my_courses")).content.decode()
    )
    catalog.slug = "semua-kursus"
    catalog.save_revision().publish()
    catalog.refresh_from_db()
    html = learner_client.get(reverse("courses:my_courses")).content.decode()
    assert "/semua-kursus/" in catalog.url
    assert f'href="{catalog.url}"' in html


def test_learners_get_no_wagtail_userbar_and_editors_do(
    client, learner, learner_client, course
):
    enrol(user=learner, course=course)
    lesson = course.lessons().first()
    assert "wagtail-userbar" not in learner_client.get(lesson.url).content.decode()
    client.force_login(UserFactory(roles=["Pengajar"], is_superuser=True))
    assert "wagtail-userbar" in client.get(lesson.url).content.decode()
