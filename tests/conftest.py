"""Small fixtures shared by every test."""

import contextlib
import functools
import runpy
import sqlite3
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import translation

from lms.private_files import private_storage
from tests import migrated_db
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    make_course,
    make_org_unit,
    make_site_tree,
)

# Expensive fixtures made once per xdist worker: the test files that use one are sent
# to the same worker, so it is made once, not once per worker. (A scheduler of our
# own: pytest-xdist's ``xdist_group`` mark does nothing under pytest 9.)
SHARED_FIXTURES = ("seeded_demo", "live_database")


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedFixtureScheduling(LoadScopeScheduling):
        """Like ``--dist load`` (each test its own unit), except that the tests of
        the files naming a shared fixture form one unit per fixture."""

        def _split_scope(self, nodeid: str) -> str:
            return _shared_fixture(nodeid.split("::", 1)[0]) or nodeid

    return SharedFixtureScheduling(config, log)


@functools.cache
def _shared_fixture(path: str) -> str:
    try:
        text = (Path(django_settings.BASE_DIR) / path).read_text(encoding="utf-8")
    except OSError:
        return ""
    return next((name for name in SHARED_FIXTURES if name in text), "")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run only when the database is PostgreSQL."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _in_memory_test_database() -> str | None:
    """The URI of the SQLite test database when it lives in memory (the default)."""
    if connection.vendor != "sqlite":
        return None
    name = connection.creation._get_test_db_name()
    return name if connection.creation.is_in_memory_db(name) else None


# Holds the in-memory test database open from the moment it is filled from the
# migrated copy (SQLite drops a shared in-memory database with its last connection).
_test_database_keeper: list[sqlite3.Connection] = []
# Set while this worker migrates: its test database, where to keep the copy, and
# the lock it holds.
_MIGRATING = pytest.StashKey[tuple[str, Path, migrated_db.FileLock]]()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """Before the test database is made: on SQLite, fill it from the migrated copy
    (tests/migrated_db.py), so that ``migrate`` finds nothing to do; without a copy,
    this worker migrates (the others wait) and keeps one (``django_db_setup``)."""
    name = _in_memory_test_database()
    if name is None:
        return
    lock = migrated_db.making_the_copy()
    request.addfinalizer(lock.release)  # also when migrating fails
    copy = migrated_db.cached_copy()
    if copy.exists():
        keeper = sqlite3.connect(name, uri=True)
        _test_database_keeper.append(keeper)
        migrated_db.restore(copy, keeper)
        lock.release()
    else:
        request.config.stash[_MIGRATING] = (name, copy, lock)


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup):
    """pytest-django's; then, when this worker migrated, the copy kept for the
    other workers and the next run."""
    migrating = request.config.stash.get(_MIGRATING, None)
    if migrating is not None:
        name, copy, lock = migrating
        with contextlib.closing(sqlite3.connect(name, uri=True)) as database:
            migrated_db.keep(database, copy)
        lock.release()
        del request.config.stash[_MIGRATING]


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in Bahasa Indonesia. A request in English leaves its thread
    in English (LocaleMiddleware activates, nothing deactivates), so without this a
    service called directly would speak the language of whichever test ran before
    it in the same worker."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _redis_cache_starts_empty():
    """Each worker's Redis database (lms/settings.py) outlives the run, while the
    test database is new: the next run's records get the same primary keys, and
    entries keyed by them (a page's cached rendition, whose file was in the last
    run's temporary media) would be read as this run's. Flushed once per run."""
    from django.core.cache import cache

    if "redis" in django_settings.CACHES["default"]["BACKEND"].lower():
        cache.clear()


def _search_index_on_save(connect: bool) -> None:
    """Connect or disconnect modelsearch's handler that indexes a record for
    search each time it is saved (a task per save)."""
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    for model in index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            if connect:
                post_save.connect(post_save_signal_handler, sender=model)
            else:
                post_save.disconnect(post_save_signal_handler, sender=model)


@pytest.fixture(scope="session", autouse=True)
def _no_search_index_on_save():
    """Saving a page, a question or a user indexes it for search, one task per
    save: several percent of the suite's time, for an index that only the tests
    asking for ``search_index`` read. (The demo's seed builds the index with
    ``update_index`` all the same, and the demo and catalogue-search tests read
    it. Wagtail's reference index stays on: the question bank's "used" filter
    reads it.)"""
    _search_index_on_save(False)
    yield
    _search_index_on_save(True)


@pytest.fixture
def search_index():
    """Records saved in this test are indexed for search as in production."""
    _search_index_on_save(True)
    yield
    _search_index_on_save(False)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@functools.cache
def vc_key_pem() -> str:
    """One P-256 issuer key per test process (PEM text, as SIGAP_VC_SIGNING_KEY
    accepts), so credentials are on whether or not the run is DEBUG."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    return (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


@pytest.fixture(autouse=True)
def _vc_issuer_key(settings):
    from certificates.vc_keys import reset_keys

    settings.SIGAP_VC_SIGNING_KEY = vc_key_pem()
    settings.SIGAP_VC_RETIRED_KEYS = []
    reset_keys()
    yield
    reset_keys()


@pytest.fixture
def fresh_rate_limits(db):
    """allauth counts requests and failures in the cache: start clean. (On SQLite
    the cache is a table rolled back with each test; in Redis, each worker's
    database keeps the counts of the tests before, and a sign-in or password reset
    from 127.0.0.1 is limited once enough of them ran in the same minute.)"""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shared_memory_cache(settings):
    """Sessions and cached entries in memory shared by the test process, as they
    are in Redis (shared by every process) in production."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def database_cache(settings, db):
    """The database as the cache, as without Redis (the default), also when the
    suite runs with REDIS_URL set."""
    from django.core.management import call_command

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "sigap_cache",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    call_command("createcachetable", verbosity=0)


@pytest.fixture
def no_reading_time(settings):
    """Lessons may be marked done as soon as they are opened (share 0 %): for tests
    about something other than learning time, which mark lessons done at once.
    The time rule itself is pinned in tests/courses/test_learning_time.py."""
    settings.SIGAP_MIN_TIME_SHARE = 0


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


S3_BUCKET = "sigap-uji"


def settings_from_environment(monkeypatch, **env: str) -> dict:
    """The names ``lms/settings.py`` defines when read with ``env`` set."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(django_settings.BASE_DIR) / "lms" / "settings.py"))


@pytest.fixture
def s3_media(settings, monkeypatch):
    """Media in a private bucket of moto's in-process S3, configured the way
    production is (``MEDIA_STORAGE=s3``); yields a boto3 client to inspect it.

    Model FileFields hold Django's lazy ``default_storage``, which the
    ``setting_changed`` handler for STORAGES resets, so overriding the setting is
    enough: no field needs patching."""
    import boto3
    from moto import mock_aws
    from storages.backends.s3 import S3Storage

    configured = settings_from_environment(
        monkeypatch,
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME=S3_BUCKET,
        AWS_S3_REGION_NAME="ap-southeast-3",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",  # noqa: S106
    )
    with mock_aws():
        client = boto3.client("s3", region_name="ap-southeast-3")
        client.create_bucket(
            Bucket=S3_BUCKET,
            CreateBucketConfiguration={"LocationConstraint": "ap-southeast-3"},
        )
        settings.MEDIA_STORAGE = "s3"
        settings.STORAGES = configured["STORAGES"]
        assert isinstance(default_storage, S3Storage)
        assert isinstance(private_storage(), S3Storage)
        yield client


def s3_key(file) -> str:
    """The bucket key of ``file``: a FieldFile (its storage's prefix included) or a
    key as is."""
    if isinstance(file, str):
        return file
    return "/".join(part for part in (file.storage.location, file.name) if part)


def s3_object_bytes(client, file) -> bytes:
    return client.get_object(Bucket=S3_BUCKET, Key=s3_key(file))["Body"].read()


def s3_object_is_private(client, file) -> bool:
    """No grant to everyone or to any authenticated AWS user."""
    grants = client.get_object_acl(Bucket=S3_BUCKET, Key=s3_key(file))["Grants"]
    public = ("/global/AllUsers", "/global/AuthenticatedUsers")
    return not any(grant["Grantee"].get("URI", "").endswith(public) for grant in grants)
