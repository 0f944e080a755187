"""The standard form ships as data, and only administrators edit it."""

from pathlib import Path

import pytest
import yaml

from lms.accounts.permissions import ROLE_ADMIN, ROLE_TRAINER
from lms.evaluation.models import StandardQuestion
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db

FORM = Path(__file__).resolve().parents[2] / "lms/evaluation/standard_form.yaml"
LISTING = "/cms/snippets/evaluation/standardquestion/"


def test_the_shipped_form_is_loaded_with_every_section():
    shipped = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    loaded = dict(StandardQuestion.objects.values_list("key", "section"))
    assert loaded == {row["key"]: row["section"] for row in shipped}
    assert set(loaded.values()) == {
        "materi",
        "pengajar",
        "penyelenggaraan",
        "sarana",
        "komentar",
    }


@pytest.mark.parametrize(("role", "status"), [(ROLE_ADMIN, 200), (ROLE_TRAINER, 302)])
def test_only_administrators_open_the_standard_form(role, status):
    question = StandardQuestion.objects.first()
    client = client_as(UserFactory(roles=[role], is_staff=True))
    assert client.get(LISTING).status_code == status
    edit = client.get(f"{LISTING}edit/{question.pk}/")
    assert edit.status_code == status
