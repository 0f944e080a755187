"""The seeded demo, shared by the tests of this package."""

import pytest


@pytest.fixture(scope="package")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """``seed_demo`` run once for the tests of this package (it takes long), in a
    transaction rolled back after the package, as Django's ``setUpTestData``. Each
    test (``db``) runs in a savepoint inside it, so one test's changes never reach
    the next; a module's own fixtures use ``module_savepoint``. The files naming
    this fixture run one after the other on one xdist worker (tests/conftest.py),
    so the demo is seeded once per run, not once per module."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from certificates.vc_keys import reset_keys
    from tests.conftest import vc_key_pem

    files = tmp_path_factory.mktemp("seeded_demo")
    # The issuer key as in every test: the seed checks a demo credential with it.
    media = override_settings(
        MEDIA_ROOT=files / "media",
        PRIVATE_MEDIA_ROOT=files / "private-media",
        SIGAP_VC_SIGNING_KEY=vc_key_pem(),
    )
    reset_keys()
    seeded = transaction.atomic()
    with django_db_blocker.unblock():
        media.enable()
        seeded.__enter__()
        try:
            call_command("seed_demo", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            seeded.__exit__(None, None, None)
            media.disable()
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        seeded.__exit__(None, None, None)
        media.disable()


@pytest.fixture(scope="module")
def module_savepoint(seeded_demo, django_db_blocker):
    """A savepoint inside the seeded demo, rolled back after the module: what a
    module-scoped fixture writes never reaches the next module."""
    from django.db import transaction

    savepoint = transaction.atomic()
    with django_db_blocker.unblock():
        savepoint.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        savepoint.__exit__(None, None, None)
