""" "Data saya": download everything, restrict processing, ask for erasure."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from courses.services import enrol
from lms.accounts.models import DataRequest
from lms.audit.models import AuditEvent
from tests.factories import AsnProfileFactory

pytestmark = pytest.mark.django_db


def test_download_json_holds_my_profile_and_enrolments_and_nobody_elses(
    learner_client, learner, course, unit
):
    enrol(user=learner, course=course)
    other = AsnProfileFactory(unit=unit, full_name="Orang Lain").user
    enrol(user=other, course=course)
    response = learner_client.get(reverse("accounts:my_data_download", args=["json"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    payload = json.loads(response.content)["data"]
    assert payload["akun"][0]["email"] == learner.email
    assert payload["accounts.asnprofile"][0]["nip"] == learner.asn_profile.nip
    assert [e["user"] for e in payload["courses.enrolment"]] == [learner.pk]
    text = response.content.decode()
    assert other.email not in text and "Orang Lain" not in text
    assert "password" not in text
    assert AuditEvent.objects.filter(action="privacy.export", actor=learner).exists()


def test_download_zip_holds_data_json_and_my_files(learner_client, learner):
    from tests.factories import make_claim_with_evidence

    make_claim_with_evidence(learner)
    response = learner_client.get(reverse("accounts:my_data_download", args=["zip"]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "data.json" in names
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert pdfs and archive.read(pdfs[0]) == b"%PDF-1.4 bukti"


def test_unknown_download_format_is_404(learner_client):
    url = reverse("accounts:my_data_download", args=["xml"])
    assert learner_client.get(url).status_code == 404


def test_restriction_takes_effect_at_once_and_can_be_lifted(learner_client, learner):
    response = learner_client.post(
        reverse("accounts:my_data_restrict"), {"reason": "Saya keberatan."}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.processing_restricted_at is not None
    assert DataRequest.objects.get(user=learner).status == "done"
    learner_client.post(reverse("accounts:my_data_lift_restriction"))
    learner.refresh_from_db()
    assert learner.processing_restricted_at is None


def test_restricted_people_get_no_jp_reminders(learner, mailoutbox, settings):
    import datetime

    from lms.hr.reminders import send_due_reminders

    settings.SIGAP_REMINDER_JP_FROM_MONTH = 1
    learner.processing_restricted_at = datetime.datetime(
        2026, 1, 1, tzinfo=datetime.UTC
    )
    learner.save()
    send_due_reminders(now=datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC))
    assert not [m for m in mailoutbox if learner.email in m.to]


def test_erasure_request_is_recorded_once(learner_client, learner):
    for _ in range(2):
        learner_client.post(reverse("accounts:my_data_erase"), {"reason": ""})
    assert DataRequest.objects.filter(user=learner, kind="erasure").count() == 1
    page = learner_client.get(reverse("accounts:my_data"))
    assert "sedang diproses" in page.content.decode()


def test_too_long_reason_is_refused_with_a_message(learner_client, learner):
    response = learner_client.post(
        reverse("accounts:my_data_erase"), {"reason": "x" * 3000}
    )
    assert response.status_code == 400
    assert not DataRequest.objects.filter(user=learner).exists()
