"""``manage.py siasn_sync``: backfill completions made before the sync, send them,
and refuse to run while the sync is off."""

import io

import pytest
from django.core.management import CommandError, call_command

from courses.services import complete_enrolment, enrol
from lms.accounts.models import AsnProfile
from lms.hr.models import SiasnOutbox


def test_backfill_and_send_pushes_earlier_completions(
    siasn_on, settings, insider, course, django_capture_on_commit_callbacks
):
    settings.SIGAP_SIASN_BASE_URL = ""  # completed while the sync was off
    AsnProfile.objects.filter(user=insider).update(siasn_id="X-9")
    enrolment, _ = enrol(user=insider, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        complete_enrolment(enrolment=enrolment)
    assert not SiasnOutbox.objects.exists()
    settings.SIGAP_SIASN_BASE_URL = "https://siasn-uji.invalid"

    out = io.StringIO()
    call_command("siasn_sync", "--backfill", "--send", "--until-empty", stdout=out)

    assert "1 penyelesaian ditambahkan" in out.getvalue()
    assert "terkirim 1" in out.getvalue()
    assert SiasnOutbox.objects.get().status == SiasnOutbox.Status.SENT
    assert len(siasn_on.records) == 1


def test_command_refuses_to_run_while_the_sync_is_off(settings):
    settings.SIGAP_SIASN_BASE_URL = ""
    with pytest.raises(CommandError, match="tidak aktif"):
        call_command("siasn_sync", "--send")
