"""A programme of three courses in a unit tree with an HR officer on each side."""

import pytest

from certificates.signing import reset_signer
from lms.accounts.models import Jabatan
from lms.programmes.models import Programme, ProgrammeItem
from tests.factories import (
    AsnProfileFactory,
    JabatanFactory,
    make_course,
    make_hr_officer,
    make_org_unit,
)


@pytest.fixture(autouse=True)
def _fresh_signer():
    reset_signer()
    yield
    reset_signer()


@pytest.fixture
def sub_unit(unit):
    return make_org_unit("Puskesmas Uji", parent=unit, code="PKM-UJI")


@pytest.fixture
def sibling_unit(instansi):
    return make_org_unit("Dinas Sosial Uji", parent=instansi, code="DINSOS-UJI")


@pytest.fixture
def other_instansi(db):
    return make_org_unit("Pemerintah Kota Lain", code="PEMKOT-LAIN")


@pytest.fixture
def courses(catalog):
    return [
        make_course(catalog, lessons=1, jp=4, title="Modul 1"),
        make_course(catalog, lessons=1, jp=6, title="Modul 2"),
        make_course(catalog, lessons=1, jp=2, title="Webinar"),
    ]


@pytest.fixture
def programme(unit, courses):
    programme = Programme.objects.create(
        title="Pelayanan Publik Tangguh Krisis",
        code="PPTK",
        owner_unit=unit,
        due_days=30,
    )
    for position, course in enumerate(courses):
        ProgrammeItem.objects.create(
            programme=programme, course=course, position=position
        )
    return programme


@pytest.fixture
def officer(unit):
    return make_hr_officer(unit, email="hr-dinkes@sigap.test")


@pytest.fixture
def sibling_officer(sibling_unit):
    return make_hr_officer(sibling_unit, email="hr-dinsos@sigap.test")


@pytest.fixture
def staff(unit, sub_unit, sibling_unit):
    """People of several units, positions, ranks and employment types."""
    fungsional = JabatanFactory(
        name="Perawat Ahli Pertama", category=Jabatan.Category.FUNGSIONAL
    )
    pengawas = JabatanFactory(name="Kepala Seksi", category=Jabatan.Category.PENGAWAS)
    return {
        "perawat": AsnProfileFactory(
            unit=sub_unit, jabatan=fungsional, full_name="Rina Perawat"
        ).user,
        "kasi": AsnProfileFactory(
            unit=unit, jabatan=pengawas, golongan="III/d", full_name="Budi Kasi"
        ).user,
        "pppk": AsnProfileFactory(
            unit=unit,
            jabatan=fungsional,
            employee_type="PPPK",
            golongan="IX",
            nip=None,
            full_name="Sari PPPK",
        ).user,
        "dinsos": AsnProfileFactory(unit=sibling_unit, full_name="Andi Dinsos").user,
    }
