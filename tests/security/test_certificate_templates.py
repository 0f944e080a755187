"""Trainers make and edit only their own certificate templates in the admin, and
give their courses only the default template or one of their own."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from certificates.models import CertificateTemplate
from tests.factories import client_as

from .world import ADMIN, PENGAJAR

pytestmark = pytest.mark.django_db

BASE = "/cms/snippets/certificates/certificatetemplate"


def _template(name: str, owner=None, **fields) -> CertificateTemplate:
    return CertificateTemplate.objects.create(
        name=name,
        owner=owner,
        institution_name=f"Instansi {name}",
        signer_name=f"Penanda tangan {name}",
        signer_position="Kepala Badan",
        **fields,
    )


def _template_form(name: str, **overrides) -> dict:
    data = {
        "name": name,
        "institution_name": "BPSDM Provinsi A",
        "place": "Semarang",
        "signer_name": "Dr. Sri Lestari",
        "signer_nip": "",
        "signer_position": "Kepala BPSDM",
        "number_pattern": "{seq:05d}/BPSDM/{course_code}/{year}",
        "validity_months": "",
        "title_text": "SERTIFIKAT",
        "intro_text": "Diberikan kepada",
        "body_text": "telah mengikuti pelatihan dengan predikat",
        "mode_text": "secara daring",
        "footer_text": "",
    }
    return data | overrides


@pytest.mark.parametrize(
    "action", ["edit", "delete", "history", "usage", "copy", "inspect"]
)
def test_trainer_cannot_open_another_trainers_template(world, action):
    theirs = _template("Templat rahasia B", owner=world.trainer_b)
    mine = _template("Templat A", owner=world.users[PENGAJAR])
    trainer = client_as(world.users[PENGAJAR])
    refused = trainer.get(f"{BASE}/{action}/{theirs.pk}/")
    assert refused.status_code in (302, 403, 404)
    assert "Penanda tangan Templat rahasia B" not in refused.content.decode()
    if action == "edit":
        assert trainer.get(f"{BASE}/{action}/{mine.pk}/").status_code == 200


def test_trainer_lists_only_own_templates(world):
    _template("Templat rahasia B", owner=world.trainer_b)
    _template("Templat buatan Admin", owner=world.users[ADMIN])
    _template("Templat A", owner=world.users[PENGAJAR])
    response = client_as(world.users[PENGAJAR]).get(f"{BASE}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Templat A" in page
    assert "Templat rahasia B" not in page
    assert "Templat buatan Admin" not in page


def test_trainer_edit_post_to_another_trainers_template_changes_nothing(world):
    theirs = _template("Templat B", owner=world.trainer_b)
    response = client_as(world.users[PENGAJAR]).post(
        f"{BASE}/edit/{theirs.pk}/", _template_form("Dibajak")
    )
    assert response.status_code in (302, 403, 404)
    theirs.refresh_from_db()
    assert theirs.name == "Templat B"
    assert not theirs.revisions.filter(content__name="Dibajak").exists()


def test_trainer_cannot_delete_or_bulk_delete_any_template(world):
    theirs = _template("Templat B", owner=world.trainer_b)
    mine = _template("Templat A", owner=world.users[PENGAJAR])
    trainer = client_as(world.users[PENGAJAR])
    trainer.post(f"{BASE}/delete/{theirs.pk}/")
    trainer.post(f"{BASE}/delete/{mine.pk}/")
    trainer.post(
        f"/cms/bulk/certificates/certificatetemplate/delete/?id={theirs.pk}&id={mine.pk}"
    )
    assert CertificateTemplate.objects.filter(pk__in=[theirs.pk, mine.pk]).count() == 2


def test_trainer_creates_a_template_and_owns_it(world):
    trainer = world.users[PENGAJAR]
    response = client_as(trainer).post(
        f"{BASE}/add/", _template_form("Templat BPSDM A", is_default="on")
    )
    assert response.status_code == 302
    created = CertificateTemplate.objects.get(name="Templat BPSDM A")
    assert created.owner == trainer
    # The institution-wide default stays the administrators' choice.
    assert not created.is_default
    assert CertificateTemplate.objects.default().name != "Templat BPSDM A"


def test_only_administrators_see_the_default_switch(world):
    mine = _template("Templat A", owner=world.users[PENGAJAR])
    url = f"{BASE}/edit/{mine.pk}/"
    assert 'name="is_default"' not in client_as(world.users[PENGAJAR]).get(url).text
    assert 'name="is_default"' in client_as(world.users[ADMIN]).get(url).text


def test_trainer_edits_own_template_with_a_revision(world):
    mine = _template("Templat A", owner=world.users[PENGAJAR])
    response = client_as(world.users[PENGAJAR]).post(
        f"{BASE}/edit/{mine.pk}/",
        _template_form("Templat A", signer_name="Ir. Budi Santoso"),
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.signer_name == "Ir. Budi Santoso"
    assert mine.owner == world.users[PENGAJAR]
    assert mine.latest_revision.content["signer_name"] == "Ir. Budi Santoso"


def test_trainer_cannot_change_the_default_template(world):
    default = CertificateTemplate.objects.default()
    response = client_as(world.users[PENGAJAR]).post(
        f"{BASE}/edit/{default.pk}/", _template_form("Templat bawaan diubah")
    )
    assert response.status_code in (302, 403)
    default.refresh_from_db()
    assert default.name != "Templat bawaan diubah"


def test_trainer_cannot_change_the_default_even_when_it_is_theirs(world):
    """An administrator may make a trainer's template the default: from then on
    every course prints with it, so only administrators change it."""
    CertificateTemplate.objects.filter(is_default=True).delete()
    mine = _template("Templat A", owner=world.users[PENGAJAR], is_default=True)
    client_as(world.users[PENGAJAR]).post(
        f"{BASE}/edit/{mine.pk}/", _template_form("Templat A", place="Bajakan")
    )
    mine.refresh_from_db()
    assert mine.place != "Bajakan"


def test_chooser_offers_a_trainer_only_the_default_and_own_templates(world):
    _template("Templat rahasia B", owner=world.trainer_b)
    _template("Templat buatan Admin", owner=world.users[ADMIN])
    _template("Templat A", owner=world.users[PENGAJAR])
    default = CertificateTemplate.objects.default()
    trainer = client_as(world.users[PENGAJAR])
    page = trainer.get("/cms/snippets/choose/certificates/certificatetemplate/")
    html = page.json()["html"]
    assert "Templat A" in html and default.name in html
    assert "Templat rahasia B" not in html and "Templat buatan Admin" not in html
    theirs = CertificateTemplate.objects.get(name="Templat rahasia B")
    chosen = trainer.get(
        f"/cms/snippets/choose/certificates/certificatetemplate/chosen/{theirs.pk}/"
    )
    assert chosen.status_code in (302, 403, 404)


def _edit_form_data(client: Client, url: str) -> dict:
    """What the browser would post back from an admin edit form, unchanged."""
    soup = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    form = soup.find("input", attrs={"name": "title"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "textarea":
            data[name] = field.text.removeprefix("\n")  # as a browser reads it
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        else:
            data[name] = field.get("value", "")
    return data


def _attach(client: Client, course, template) -> None:
    url = f"/cms/pages/{course.pk}/edit/"
    data = _edit_form_data(client, url) | {
        "learning_goals-count": "0",  # a StreamField's inputs are drawn by script
        "certificate_template": template.pk,
    }
    client.post(url, data)


def _template_of_latest_draft(course):
    course.refresh_from_db()
    return course.get_latest_revision_as_object().certificate_template_id


def test_trainer_cannot_attach_another_trainers_template_to_own_course(world):
    theirs = _template("Templat B", owner=world.trainer_b)
    mine = _template("Templat A", owner=world.users[PENGAJAR])
    trainer = client_as(world.users[PENGAJAR])
    _attach(trainer, world.course_a, theirs)
    assert _template_of_latest_draft(world.course_a) != theirs.pk
    _attach(trainer, world.course_a, mine)
    assert _template_of_latest_draft(world.course_a) == mine.pk
    default = CertificateTemplate.objects.default()
    _attach(trainer, world.course_a, default)
    assert _template_of_latest_draft(world.course_a) == default.pk


def test_administrator_sees_edits_and_attaches_every_template(world):
    theirs = _template("Templat B", owner=world.trainer_b)
    admin = client_as(world.users[ADMIN])
    assert "Templat B" in admin.get(f"{BASE}/").content.decode()
    assert admin.get(f"{BASE}/edit/{theirs.pk}/").status_code == 200
    _attach(admin, world.course_a, theirs)
    assert _template_of_latest_draft(world.course_a) == theirs.pk


def test_trainer_starts_from_a_copy_of_the_default_and_owns_the_copy(world):
    default = CertificateTemplate.objects.default()
    trainer = client_as(world.users[PENGAJAR])
    copy_page = trainer.get(f"{BASE}/copy/{default.pk}/")
    assert copy_page.status_code == 200
    assert f'action="{BASE}/add/"' in copy_page.content.decode()
    trainer.post(f"{BASE}/add/", _template_form("Salinan templat bawaan"))
    copy = CertificateTemplate.objects.get(name="Salinan templat bawaan")
    assert copy.owner == world.users[PENGAJAR] and not copy.is_default
    default.refresh_from_db()
    assert default.owner is None
