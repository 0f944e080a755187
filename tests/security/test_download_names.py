"""Download names built from what someone typed (a course code) stay one
quoted parameter of ``Content-Disposition``: a quote or semicolon in the code
cannot add a parameter or rename the file to ``.html``."""

import email.message

import pytest
from django.urls import reverse

from lms.accounts.permissions import ROLE_TRAINER
from tests.factories import UserFactory, client_as, make_course

pytestmark = pytest.mark.django_db


def _parameters(header: str) -> dict:
    message = email.message.Message()
    message["Content-Disposition"] = header
    return dict(message.get_params(header="Content-Disposition")[1:])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_course_code_cannot_rename_the_evaluation_download(catalog, fmt):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True)
    course = make_course(catalog, lessons=1, trainer=trainer, title="Kursus")
    course.code = 'X";filename=a.html;x="'
    course.requires_evaluation = True
    course.save_revision().publish()

    response = client_as(trainer).get(
        reverse(f"sigap_evaluation_{fmt}", args=[course.pk])
    )

    assert response.status_code == 200
    parameters = _parameters(response["Content-Disposition"])
    assert set(parameters) == {"filename"}
    assert parameters["filename"].endswith(f".{fmt}")
