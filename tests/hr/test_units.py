"""HR keeps the organisation tree of its scope: adds units, corrects their time zone."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lms.accounts.models import OrgUnit, TimeZone
from lms.audit.models import AuditEvent
from lms.hr.imports import dry_run, read_rows

pytestmark = pytest.mark.django_db


def _form(**overrides):
    return {
        "name": "Puskesmas Baru",
        "code": "PKM-BARU",
        "kind": OrgUnit.Kind.UNIT,
        "time_zone": TimeZone.WITA,
    } | overrides


def test_officer_sees_only_the_units_of_their_scope(
    officer_client, unit, sub_unit, other_unit
):
    page = officer_client.get(reverse("hr:units")).content.decode()
    assert "Dinas Kesehatan Uji" in page and "Puskesmas Uji" in page
    assert "Dinas Sosial Lain" not in page
    # The parent comes before its child, indented one level.
    assert page.index("Dinas Kesehatan Uji") < page.index("Puskesmas Uji")
    assert 'class="unit-level-1">Puskesmas Uji' in page


def test_officer_adds_a_unit_below_their_own_and_it_is_audited(
    officer_client, officer, unit
):
    response = officer_client.post(
        reverse("hr:unit_add", args=[unit.pk]), _form(code=" pkm-baru ")
    )
    assert response.status_code == 302
    added = OrgUnit.objects.get(code="pkm-baru")
    assert added.get_parent() == unit
    assert added.time_zone == TimeZone.WITA
    event = AuditEvent.objects.get(action="hr.unit_added")
    assert event.actor_id == officer.pk
    # The staff import finds the new unit by its code, in any case.
    rows = read_rows(
        SimpleUploadedFile(
            "pegawai.csv",
            b"nip,nama,email,kode unit\n"
            b"199003152015032101,Ani Lestari,ani@contoh.go.id,PKM-BARU\n",
        )
    )
    (result,) = dry_run(officer=officer, rows=rows)
    assert result.action == "create", result.errors


def test_a_new_unit_starts_with_its_parents_time_zone(officer_client, unit):
    unit.time_zone = TimeZone.WIT
    unit.save()
    page = officer_client.get(reverse("hr:unit_add", args=[unit.pk])).content.decode()
    assert 'value="Asia/Jayapura" selected' in page


def test_changing_the_time_zone_is_recorded_with_before_and_after(
    officer_client, sub_unit
):
    response = officer_client.post(
        reverse("hr:unit_change", args=[sub_unit.pk]),
        _form(name="Puskesmas Uji", code="PKM-UJI", time_zone=TimeZone.WITA),
    )
    assert response.status_code == 302
    sub_unit.refresh_from_db()
    assert sub_unit.time_zone == TimeZone.WITA
    event = AuditEvent.objects.get(action="hr.unit_changed")
    assert event.data["before"] == {"time_zone": TimeZone.WIB}
    assert event.data["after"] == {"time_zone": TimeZone.WITA}
    # Saving again unchanged records nothing more.
    officer_client.post(
        reverse("hr:unit_change", args=[sub_unit.pk]),
        _form(name="Puskesmas Uji", code="PKM-UJI", time_zone=TimeZone.WITA),
    )
    assert AuditEvent.objects.filter(action="hr.unit_changed").count() == 1


def test_a_code_taken_in_any_case_is_refused_and_the_typing_kept(
    officer_client, unit, other_unit
):
    response = officer_client.post(
        reverse("hr:unit_add", args=[unit.pk]),
        _form(name="Unit Kembar", code="dinsos-lain"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "sudah dipakai unit lain" in page
    assert 'value="Unit Kembar"' in page
    assert not OrgUnit.objects.filter(name="Unit Kembar").exists()


def test_units_outside_the_scope_are_not_found(officer_client, other_unit):
    assert (
        officer_client.post(
            reverse("hr:unit_add", args=[other_unit.pk]), _form()
        ).status_code
        == 404
    )
    assert (
        officer_client.post(
            reverse("hr:unit_change", args=[other_unit.pk]),
            _form(name="Dibajak", code="DINSOS-LAIN"),
        ).status_code
        == 404
    )
    other_unit.refresh_from_db()
    assert other_unit.name == "Dinas Sosial Lain"
    assert not OrgUnit.objects.filter(code="PKM-BARU").exists()


def test_only_administrators_add_an_instansi(officer_client, client, admin_user):
    assert officer_client.post(reverse("hr:unit_add_root"), _form()).status_code == 403
    assert not OrgUnit.objects.filter(code="PKM-BARU").exists()
    client.force_login(admin_user)
    response = client.post(
        reverse("hr:unit_add_root"),
        _form(name="Pemerintah Provinsi Baru", code="PEMPROV-BARU", kind="daerah"),
    )
    assert response.status_code == 302
    assert OrgUnit.objects.get(code="PEMPROV-BARU").is_root()


def test_adding_a_unit_needs_the_csrf_token(officer, unit):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    response = client.post(reverse("hr:unit_add", args=[unit.pk]), _form())
    assert response.status_code == 403
    assert not OrgUnit.objects.filter(code="PKM-BARU").exists()
