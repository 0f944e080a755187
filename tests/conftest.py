"""Small fixtures shared by every test."""

import pytest
from django.db import connection

from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    make_course,
    make_org_unit,
    make_site_tree,
)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run only when the database is PostgreSQL."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def instansi(db):
    return make_org_unit("Pemerintah Kabupaten Uji", code="PEMKAB-UJI")


@pytest.fixture
def unit(instansi):
    return make_org_unit("Dinas Kesehatan Uji", parent=instansi, code="DINKES-UJI")


@pytest.fixture
def learner(unit):
    """A learner with a complete ASN profile."""
    return AsnProfileFactory(unit=unit).user


@pytest.fixture
def catalog(db):
    return make_site_tree()


@pytest.fixture
def course(catalog):
    return make_course(catalog, lessons=3)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def user_factory(db):
    return UserFactory
