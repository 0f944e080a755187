"""The course editor's trainer list holds trainers only: a trainer editing a course
never sees the names of every learner, and cannot name a learner as trainer."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import AsnProfileFactory, client_as

from .test_certificate_templates import _edit_form_data
from .world import PENGAJAR

pytestmark = pytest.mark.django_db


def test_trainer_list_offers_trainers_and_no_learner(world):
    learner = AsnProfileFactory(full_name="Peserta Rahasia Sekali").user
    client = client_as(world.users[PENGAJAR])
    url = f"/cms/pages/{world.course_a.pk}/edit/"
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    offered = {
        option["value"]
        for option in page.find("select", attrs={"name": "trainer"}).find_all("option")
        if option.get("value")
    }
    assert str(world.users[PENGAJAR].pk) in offered
    assert str(world.trainer_b.pk) in offered
    assert str(learner.pk) not in offered
    assert "Peserta Rahasia Sekali" not in page.decode()

    client.post(
        url,
        _edit_form_data(client, url)
        | {"learning_goals-count": "0", "trainer": learner.pk},
    )
    course = world.course_a.__class__.objects.get(pk=world.course_a.pk)
    assert course.get_latest_revision_as_object().trainer_id != learner.pk
