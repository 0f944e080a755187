"""HR sets a person's supervisor (atasan langsung): on the person page and in the
staff import, within the officer's scope only."""

import pytest
from django.urls import reverse

from lms.accounts.models import AsnProfile
from lms.hr.imports import apply_import, dry_run
from tests.factories import AsnProfileFactory, client_as, make_nip


@pytest.fixture
def boss(sub_unit):
    return AsnProfileFactory(unit=sub_unit, full_name="Atasan Dalam Lingkup").user


def test_hr_sets_and_clears_a_supervisor_in_scope(officer, insider, boss):
    client = client_as(officer)
    url = reverse("hr:set_supervisor", args=[insider.pk])
    client.post(url, {"supervisor": boss.asn_profile.nip})
    assert AsnProfile.objects.get(user=insider).supervisor == boss
    page = client.get(reverse("hr:transcript", args=[insider.pk])).content.decode()
    assert "Atasan Dalam Lingkup" in page
    client.post(url, {"supervisor": ""})
    assert AsnProfile.objects.get(user=insider).supervisor is None
    client.post(url, {"supervisor": boss.email.upper()})
    assert AsnProfile.objects.get(user=insider).supervisor == boss


def test_hr_cannot_use_or_reach_people_outside_the_scope(officer, insider, outsider):
    client = client_as(officer)
    response = client.post(
        reverse("hr:set_supervisor", args=[insider.pk]),
        {"supervisor": outsider.email},
    )
    assert response.status_code == 302
    assert AsnProfile.objects.get(user=insider).supervisor is None
    response = client.post(
        reverse("hr:set_supervisor", args=[outsider.pk]), {"supervisor": ""}
    )
    assert response.status_code == 404


def _row(line, nip, name, email, unit, **extra):
    return {"line": line, "nip": nip, "name": name, "email": email, "unit": unit} | (
        extra
    )


def test_staff_import_sets_supervisors_from_the_file_or_the_scope(
    officer, sub_unit, boss, outsider
):
    new_boss_nip = make_nip(birth="19800101", tmt="200501", gender="1")
    staff_nip = make_nip(birth="19950202", tmt="202001", gender="2")
    rows = [
        _row(2, new_boss_nip, "Atasan Baru", "atasan-baru@uji.test", sub_unit.code),
        _row(
            3,
            staff_nip,
            "Staf Baru",
            "staf-baru@uji.test",
            sub_unit.code,
            supervisor_nip=new_boss_nip,
        ),
        _row(
            4,
            make_nip(birth="19960303", tmt="202101", gender="1"),
            "Staf Kedua",
            "staf-kedua@uji.test",
            sub_unit.code,
            supervisor_email=boss.email,
        ),
    ]
    results = dry_run(officer=officer, rows=rows)
    assert [result.action for result in results] == ["create"] * 3
    outcome = apply_import(officer=officer, rows=rows)
    assert outcome.applied
    assert AsnProfile.objects.get(nip=staff_nip).supervisor.email == (
        "atasan-baru@uji.test"
    )
    assert AsnProfile.objects.get(full_name="Staf Kedua").supervisor == boss


def test_staff_import_refuses_an_unknown_or_out_of_scope_supervisor(
    officer, sub_unit, outsider
):
    rows = [
        _row(
            2,
            make_nip(birth="19950202", tmt="202001", gender="2"),
            "Staf Baru",
            "staf-baru@uji.test",
            sub_unit.code,
            supervisor_email=outsider.email,
        ),
        _row(
            3,
            make_nip(birth="19960303", tmt="202101", gender="1"),
            "Staf Kedua",
            "staf-kedua@uji.test",
            sub_unit.code,
            supervisor_nip="199001012015031001",
        ),
    ]
    results = dry_run(officer=officer, rows=rows)
    assert "di luar lingkup Anda" in results[0].errors[0]
    assert "tidak ditemukan" in results[1].errors[0]
