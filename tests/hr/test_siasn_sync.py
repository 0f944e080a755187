"""The national record sync (SIASN riwayat kursus) against the in-process fake:
what is sent, that it is sent once, and what happens when SIASN is down, slow,
refuses a record, or the record changes after sending. No real network."""

import csv
import datetime
import io

import pytest
import requests
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import reissue_certificate, revoke_certificate
from courses.models import CoursePage, Enrolment
from courses.services import complete_enrolment, enrol
from lms.accounts.models import AsnProfile
from lms.hr import siasn_sync
from lms.hr.models import SiasnOutbox
from lms.hr.siasn import SiasnClient

SIASN_ID = "A8ACA7397AEB3912E040640A040269BB"


@pytest.fixture
def complete(django_capture_on_commit_callbacks):
    """Complete ``course`` for ``user``; the certificate is issued on commit."""

    def run(user, course, *, siasn_id=SIASN_ID):
        AsnProfile.objects.filter(user=user).update(siasn_id=siasn_id)
        enrolment, _ = enrol(user=user, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            complete_enrolment(enrolment=enrolment)
        return Enrolment.objects.get(pk=enrolment.pk)

    return run


def make_due():
    SiasnOutbox.objects.update(next_attempt_at=timezone.now())


def test_completion_goes_to_siasn_with_the_national_fields_in_jakarta_dates(
    siasn_on, complete, insider, course, officer_client
):
    enrolment = complete(insider, course)
    # 31 March, 20:00 UTC is 1 April in Jakarta (UTC+7).
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC),
        completed_at=datetime.datetime(2026, 3, 31, 20, 0, tzinfo=datetime.UTC),
    )
    certificate = Certificate.objects.get(enrolment=enrolment)

    run = siasn_sync.send_due()

    assert (run.sent, run.failed) == (1, 0)
    row = SiasnOutbox.objects.get(enrolment=enrolment)
    assert row.status == SiasnOutbox.Status.SENT
    (record,) = siasn_on.records.values()
    assert row.remote_id == record["id"]
    assert record["tanggalKursus"] == "02-03-2026"
    assert record["tanggalSelesaiKursus"] == "01-04-2026"
    assert record["tahunKursus"] == 2026
    assert record["jumlahJam"] == course.jp
    assert record["namaKursus"] == course.title
    assert record["jenisDiklatId"] == 16
    assert record["nomorSertipikat"] == certificate.number
    assert record["jenisKursusSertipikat"] == "S"
    assert record["pnsOrangId"] == SIASN_ID
    assert record["instansiId"] == "PEMKAB-UJI"
    # The certificate PDF went first, and the record points at it.
    (reference,) = record["path"]
    assert siasn_on.documents[reference["dok_uri"]].startswith(b"%PDF")
    # The exported file is built by the same mapping: only pnsOrangId (the NIP
    # there) differs.
    response = officer_client.get(reverse("hr:export_riwayat_csv") + "?year=2026")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    exported = dict(zip(lines[0], lines[1], strict=True))
    for name, value in exported.items():
        if name != "pnsOrangId":
            assert str(record[name]) == value, name
    assert exported["pnsOrangId"] == insider.asn_profile.nip


def test_the_same_certificate_is_one_row_and_one_remote_record(
    siasn_on, complete, insider, course
):
    enrolment = complete(insider, course)
    assert siasn_sync.enqueue_completed() == 0  # the completion step queued it
    siasn_sync.enqueue_completion(enrolment=enrolment)
    assert SiasnOutbox.objects.count() == 1

    siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    siasn_sync.retry_now(row=row, by=insider)  # not failed: nothing to do
    assert siasn_sync.send_due().sent == 0

    number = Certificate.objects.get(enrolment=enrolment).number
    assert len(siasn_on.by_certificate(number)) == 1
    assert len(siasn_on.saves()) == 1


def test_an_answer_lost_after_storing_is_not_stored_twice(
    siasn_on, complete, insider, course
):
    enrolment = complete(insider, course)
    siasn_on.people[insider.asn_profile.nip] = SIASN_ID
    siasn_on.fail_next("", "timeout_after_store")  # the upload passes, the save's
    # answer never arrives

    first = siasn_sync.send_due()

    row = SiasnOutbox.objects.get()
    assert first.failed == 1 and row.unclear and row.remote_id == ""
    assert "time-out" in row.last_error
    make_due()
    assert siasn_sync.send_due().sent == 1
    number = Certificate.objects.get(enrolment=enrolment).number
    (stored,) = siasn_on.by_certificate(number)
    row.refresh_from_db()
    assert row.status == SiasnOutbox.Status.SENT and row.remote_id == stored["id"]


def test_server_errors_and_time_outs_are_retried_with_growing_waits_then_sent(
    siasn_on, complete, insider, course, settings
):
    settings.SIGAP_SIASN_RETRY_BASE_SECONDS = 60
    complete(insider, course)
    siasn_on.fail_next("500")

    before = timezone.now()
    siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    assert row.status == SiasnOutbox.Status.FAILED and row.attempts == 1
    assert "HTTP 500" in row.last_error
    first_wait = row.next_attempt_at - before
    assert (
        datetime.timedelta(seconds=29) <= first_wait <= datetime.timedelta(seconds=61)
    )
    # Not due yet: the next run leaves it alone.
    assert siasn_sync.send_due().failed == 0

    make_due()
    siasn_on.fail_next("timeout")
    before = timezone.now()
    siasn_sync.send_due()
    row.refresh_from_db()
    assert row.attempts == 2 and "time-out" in row.last_error
    second_wait = row.next_attempt_at - before
    assert (
        datetime.timedelta(seconds=59) <= second_wait <= datetime.timedelta(seconds=121)
    )

    make_due()
    assert siasn_sync.send_due().sent == 1
    row.refresh_from_db()
    assert row.status == SiasnOutbox.Status.SENT and row.last_error == ""
    assert len(siasn_on.records) == 1


def test_backoff_doubles_up_to_the_cap(settings):
    settings.SIGAP_SIASN_RETRY_BASE_SECONDS = 60
    settings.SIGAP_SIASN_RETRY_CAP_SECONDS = 3600
    assert siasn_sync.backoff(1) <= datetime.timedelta(seconds=60)
    assert siasn_sync.backoff(4) >= datetime.timedelta(seconds=240)
    assert siasn_sync.backoff(30) <= datetime.timedelta(seconds=3600)
    assert siasn_sync.backoff(30) >= datetime.timedelta(seconds=1800)


def test_refused_credentials_are_retried_with_a_clear_reason(
    siasn_on, complete, insider, course
):
    complete(insider, course)
    siasn_on.fail_next("401")
    siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    assert row.will_retry and "401" in row.last_error


def test_a_refused_record_fails_with_the_servers_message_and_is_not_retried(
    siasn_on, complete, insider, catalog
):
    from tests.factories import make_course

    course = make_course(catalog, lessons=1, jp=0)
    complete(insider, course)

    siasn_sync.send_due()

    row = SiasnOutbox.objects.get()
    assert row.status == SiasnOutbox.Status.FAILED
    assert "HTTP 400" in row.last_error and "jumlahJam" in row.last_error
    assert row.next_attempt_at is None and not row.will_retry
    saves = len(siasn_on.saves())
    SiasnOutbox.objects.update()  # time passes: nothing becomes due by itself
    assert siasn_sync.send_due().failed == 0
    assert len(siasn_on.saves()) == saves


def test_after_the_last_attempt_the_row_stops_and_says_so(
    siasn_on, complete, insider, course, settings
):
    settings.SIGAP_SIASN_MAX_ATTEMPTS = 2
    complete(insider, course)
    siasn_on.fail_next("500", "500")
    siasn_sync.send_due()
    make_due()
    siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    assert row.attempts == 2 and row.next_attempt_at is None
    assert "Dihentikan setelah 2 percobaan" in row.last_error


def test_a_run_stops_early_when_siasn_keeps_failing(siasn_on, complete, course):
    from tests.factories import AsnProfileFactory

    for _ in range(5):
        complete(AsnProfileFactory().user, course)
    siasn_on.fail_next(*["timeout"] * 10)
    run = siasn_sync.send_due()
    assert run.stopped_early and run.failed == siasn_sync.STOP_AFTER_FAILURES
    assert SiasnOutbox.objects.filter(attempts=0).count() == 2  # still queued


def test_person_without_siasn_id_fails_with_a_clear_reason_and_nothing_is_sent(
    siasn_on, complete, insider, course
):
    complete(insider, course, siasn_id="")
    siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    assert row.status == SiasnOutbox.Status.FAILED
    assert "ID SIASN belum diisi" in row.last_error
    assert siasn_on.saves() == []
    # Filled in later: kirim ulang sends it.
    AsnProfile.objects.filter(user=insider).update(siasn_id=SIASN_ID)
    siasn_sync.retry_now(row=row, by=insider)
    assert siasn_sync.send_due().sent == 1


def test_a_row_waits_for_its_certificate(siasn_on, insider, course):
    AsnProfile.objects.filter(user=insider).update(siasn_id=SIASN_ID)
    enrolment, _ = enrol(user=insider, course=course)
    complete_enrolment(enrolment=enrolment)  # certificate task not run (no commit)
    run = siasn_sync.send_due()
    row = SiasnOutbox.objects.get()
    assert run.waiting == 1 and row.status == SiasnOutbox.Status.PENDING
    assert "Menunggu sertifikat" in row.last_error and row.attempts == 0
    assert siasn_on.saves() == []


def test_a_change_after_sending_is_marked_and_resent_to_the_same_record(
    siasn_on, complete, insider, course
):
    enrolment = complete(insider, course)
    siasn_sync.send_due()
    assert siasn_sync.mark_changed() == 0
    CoursePage.objects.filter(pk=course.pk).update(jp=8)

    assert siasn_sync.mark_changed() == 1

    row = SiasnOutbox.objects.get(enrolment=enrolment)
    assert row.status == SiasnOutbox.Status.CHANGED
    siasn_sync.retry_now(row=row, by=insider)
    assert siasn_sync.send_due().sent == 1
    (record,) = siasn_on.records.values()
    assert record["jumlahJam"] == 8 and record["id"] == row.remote_id


def test_a_reissued_certificate_replaces_the_sent_record(
    siasn_on, complete, insider, course, admin_user
):
    enrolment = complete(insider, course)
    siasn_sync.send_due()
    old = Certificate.objects.get(enrolment=enrolment)
    new = reissue_certificate(certificate=old, by=admin_user, reason="Nama salah")
    siasn_sync.mark_changed()
    row = SiasnOutbox.objects.get()
    assert row.status == SiasnOutbox.Status.CHANGED
    siasn_sync.retry_now(row=row, by=admin_user)
    siasn_sync.send_due()
    row.refresh_from_db()
    (record,) = siasn_on.records.values()
    assert record["nomorSertipikat"] == new.number == row.certificate_number
    assert len(siasn_on.documents) == 2  # the new PDF was uploaded


def test_a_revoked_certificate_is_marked_and_not_resent(
    siasn_on, complete, insider, course, admin_user
):
    enrolment = complete(insider, course)
    siasn_sync.send_due()
    revoke_certificate(
        certificate=Certificate.objects.get(enrolment=enrolment),
        by=admin_user,
        reason="Kecurangan",
    )
    assert siasn_sync.mark_changed() == 1
    row = SiasnOutbox.objects.get()
    siasn_sync.retry_now(row=row, by=admin_user)
    siasn_sync.send_due()
    row.refresh_from_db()
    assert row.status == SiasnOutbox.Status.FAILED and "dicabut" in row.last_error
    assert len(siasn_on.saves()) == 1


def test_sync_is_off_when_not_configured(
    settings, complete, insider, course, monkeypatch
):
    settings.SIGAP_SIASN_BASE_URL = ""

    def no_network(*args, **kwargs):
        raise AssertionError("no network call expected")

    monkeypatch.setattr(requests.Session, "request", no_network)
    complete(insider, course)
    assert SiasnOutbox.objects.count() == 0
    assert siasn_sync.enqueue_completed() == 0
    run = siasn_sync.send_due()
    assert (run.sent, run.failed, run.waiting) == (0, 0, 0)


def test_every_call_has_a_time_out_and_both_tokens(siasn_on, settings):
    seen = []

    class Recorder(requests.Session):
        def request(self, method, url, **kwargs):
            seen.append((url, kwargs.get("timeout"), kwargs.get("headers") or {}))
            return super().request(method, url, **kwargs)

    session = Recorder()
    from lms.hr.siasn_fake import mount_fake

    mount_fake(session)
    client = SiasnClient(session=session)
    assert client.find_course(nip="199003152015032001", certificate_number="X") is None
    assert all(timeout == settings.SIGAP_SIASN_TIMEOUT for _u, timeout, _h in seen)
    api = seen[-1]
    assert api[0].endswith("/apisiasn/1.0/pns/rw-kursus/199003152015032001")
    assert api[2]["Authorization"].startswith("Bearer ")
    assert api[2]["Auth"].startswith("bearer ")


def test_erasure_removes_the_persons_rows_and_backfill_does_not_bring_them_back(
    siasn_on, complete, insider, course, admin_user
):
    from lms.accounts.privacy import erase_person

    complete(insider, course)
    siasn_sync.send_due()
    assert SiasnOutbox.objects.count() == 1

    erase_person(person=insider, by=admin_user)

    assert SiasnOutbox.objects.count() == 0
    assert siasn_sync.enqueue_completed() == 0
    assert len(siasn_on.records) == 1  # what SIASN already has stays there


def test_a_row_being_sent_is_not_taken_by_a_second_worker(
    siasn_on, complete, insider, course
):
    complete(insider, course)
    row = siasn_sync._claim_one()
    assert row is not None
    # Another worker's run, while the first one is still talking to SIASN.
    assert siasn_sync.send_due().sent == 0
    assert siasn_sync.send_one(row_id=row.pk) == ""
    assert siasn_on.saves() == []
    assert siasn_sync.send_row(row=row, client=SiasnClient()) == "sent"
