"""HR's reconciliation page for the national sync: counts and reasons for their
own scope only, and *kirim ulang* only for rows of people in it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Enrolment
from courses.services import complete_enrolment, enrol
from lms.accounts.models import AsnProfile
from lms.hr import siasn_sync
from lms.hr.models import SiasnOutbox
from tests.factories import AsnProfileFactory, client_as


@pytest.fixture
def rows(siasn_on, insider, outsider, course, django_capture_on_commit_callbacks):
    """A sent row of the officer's insider, a failed one of another insider
    without a SIASN id, and a failed row of someone in another instansi."""
    AsnProfile.objects.filter(user__in=[insider, outsider]).update(siasn_id="X-1")
    other_insider = AsnProfileFactory(
        unit=insider.asn_profile.unit, full_name="Tanpa Id Siasn"
    ).user
    made = {}
    for name, person in (
        ("sent", insider),
        ("no_id", other_insider),
        ("outsider", outsider),
    ):
        enrolment, _ = enrol(user=person, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            complete_enrolment(enrolment=enrolment)
        made[name] = Enrolment.objects.get(pk=enrolment.pk)
    siasn_on.fail_next("", "", "500")  # sent: 2 calls; no_id: none; outsider: 500
    siasn_sync.send_due()
    return {
        name: SiasnOutbox.objects.get(enrolment=enrolment)
        for name, enrolment in made.items()
    }


def test_officer_sees_counts_and_reasons_of_their_scope_only(officer_client, rows):
    assert rows["sent"].status == "sent"
    assert rows["no_id"].status == rows["outsider"].status == "failed"

    page = officer_client.get(reverse("hr:siasn"))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Terkirim (1)" in html and "Gagal (1)" in html
    assert "ID SIASN belum diisi" in html
    assert "Tanpa Id Siasn" in html
    assert "Orang Luar Lingkup" not in html
    assert "HTTP 500" not in html
    failed = officer_client.get(reverse("hr:siasn") + "?status=failed")
    assert "Pegawai Dalam Lingkup" not in failed.content.decode()


def test_officer_cannot_retry_a_row_outside_their_scope(officer_client, rows):
    response = officer_client.post(
        reverse("hr:siasn_retry", args=[rows["outsider"].pk])
    )
    assert response.status_code == 404
    rows["outsider"].refresh_from_db()
    assert rows["outsider"].status == "failed"
    assert rows["outsider"].attempts == 1


def test_retry_sends_a_fixed_row_again_at_once(officer_client, rows):
    row = rows["no_id"]
    AsnProfile.objects.filter(user=row.enrolment.user).update(siasn_id="X-2")

    response = officer_client.post(
        reverse("hr:siasn_retry", args=[row.pk]), {"status": "failed"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("?status=failed")
    row.refresh_from_db()
    assert row.status == "sent"  # the immediate task backend ran the send


def test_retry_is_a_post_with_csrf(officer, rows):
    client = client_as(officer)
    client.handler.enforce_csrf_checks = True
    url = reverse("hr:siasn_retry", args=[rows["no_id"].pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403


def test_learners_cannot_open_the_page(client, insider, rows):
    client.force_login(insider)
    assert client.get(reverse("hr:siasn")).status_code == 403


def test_page_says_when_the_sync_is_off(officer_client, settings):
    settings.SIGAP_SIASN_BASE_URL = ""
    html = officer_client.get(reverse("hr:siasn")).content.decode()
    assert "belum diaktifkan" in html


def test_query_count_does_not_grow_with_rows(officer_client, rows, course):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            officer_client.get(reverse("hr:siasn"))
        return len(context)

    queries()  # warm the caches the base template fills
    before = queries()
    for _ in range(3):
        person = AsnProfileFactory(unit=rows["sent"].enrolment.user.asn_profile.unit)
        enrolment, _ = enrol(user=person.user, course=course)
        SiasnOutbox.objects.create(enrolment=enrolment, last_error="Uji")
    assert queries() == before
