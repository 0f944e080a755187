"""Two organisations side by side, so every HR test can check isolation."""

import pytest

from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    make_hr_officer,
    make_org_unit,
)


@pytest.fixture
def other_instansi(db):
    return make_org_unit("Pemerintah Kota Lain", code="PEMKOT-LAIN")


@pytest.fixture
def other_unit(other_instansi):
    return make_org_unit("Dinas Sosial Lain", parent=other_instansi, code="DINSOS-LAIN")


@pytest.fixture
def sub_unit(unit):
    return make_org_unit("Puskesmas Uji", parent=unit, code="PKM-UJI")


@pytest.fixture
def officer(unit):
    """HR officer of ``unit`` (and what lies below it)."""
    return make_hr_officer(unit, email="hr-a@sigap.test")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def admin_user(db):
    return UserFactory(roles=["Admin"], email="admin-uji@sigap.test")


@pytest.fixture
def outsider(other_unit):
    """A learner in another instansi: never visible to ``officer``."""
    return AsnProfileFactory(unit=other_unit, full_name="Orang Luar Lingkup").user


@pytest.fixture
def insider(sub_unit):
    """A learner below the officer's unit."""
    return AsnProfileFactory(unit=sub_unit, full_name="Pegawai Dalam Lingkup").user


@pytest.fixture
def siasn_on(settings):
    """The national sync configured against the in-process fake SIASN (no network)."""
    from lms.hr.siasn_fake import FAKE

    settings.SIGAP_SIASN_BASE_URL = "https://siasn-uji.invalid"
    settings.SIGAP_SIASN_SSO_URL = (
        "https://sso-uji.invalid/protocol/openid-connect/token"
    )
    settings.SIGAP_SIASN_CLIENT_ID = "sigap-uji"
    settings.SIGAP_SIASN_CLIENT_SECRET = "rahasia-uji"  # noqa: S105
    settings.SIGAP_SIASN_FAKE = True
    FAKE.reset()
    yield FAKE
    FAKE.reset()
