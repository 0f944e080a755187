import pytest
from django.urls import reverse

from lms.competencies.models import Competency, PositionStandard
from tests.factories import JabatanFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_admin_lists_the_framework_and_edits_levels(admin_client):
    listing = admin_client.get(reverse("wagtailsnippets_competencies_competency:list"))
    assert listing.status_code == 200
    assert "Pengambilan Keputusan" in listing.text
    competency = Competency.objects.get(code="M.8")
    edit = admin_client.get(
        reverse("wagtailsnippets_competencies_competency:edit", args=[competency.pk])
    )
    assert edit.status_code == 200
    assert "levels-TOTAL_FORMS" in edit.text


def test_admin_creates_a_position_standard(admin_client):
    jabatan = JabatanFactory(name="Penyuluh Kesehatan")
    competency = Competency.objects.get(code="M.5")
    response = admin_client.post(
        reverse("wagtailsnippets_competencies_positionstandard:add"),
        {"jabatan": jabatan.pk, "competency": competency.pk, "required_level": 3},
    )
    assert response.status_code == 302
    assert PositionStandard.objects.get(jabatan=jabatan).required_level == 3


def test_course_editor_declares_competencies(admin_client, course):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    assert "competency_targets-TOTAL_FORMS" in response.text


def test_admin_role_without_superuser_manages_position_standards(client):
    admin = UserFactory(roles=["Admin"], is_staff=True)
    client.force_login(admin)
    # Staff must use MFA before /cms/; the factory's authenticator covers it.
    response = client.get(reverse("wagtailsnippets_competencies_positionstandard:list"))
    assert response.status_code == 200


def test_trainer_cannot_change_position_standards(client):
    client.force_login(UserFactory(roles=["Pengajar"], is_staff=True))
    response = client.get(reverse("wagtailsnippets_competencies_positionstandard:list"))
    assert response.status_code in (302, 403)
