"""The HR benchmark's data generator (``make bench``) writes rows the current schema
accepts: on PostgreSQL it uses COPY with an explicit column list, which a new
non-null column breaks without any other test noticing."""

import pytest
from django.core.management import call_command

from courses.models import Enrolment
from lms.accounts.models import AsnProfile

# The generator ends with VACUUM ANALYZE on PostgreSQL, which no transaction may
# hold: a transactional test, whose flush restores the migrations' rows after it.
pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_load_data_fills_every_required_column(catalog):
    call_command(
        "generate_load_data", learners=30, completions=60, courses=3, verbosity=0
    )

    profiles = AsnProfile.objects.filter(user__email__endswith="@load.test")
    assert profiles.count() == 30
    assert all(len(p.nip) == 18 for p in profiles)
    assert Enrolment.objects.filter(user__email__endswith="@load.test").count() >= 30
    call_command("generate_load_data", clear=True, verbosity=0)
    assert not AsnProfile.objects.filter(user__email__endswith="@load.test").exists()
