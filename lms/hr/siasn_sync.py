"""The national record sync: completed courses pushed to SIASN through an outbox.

A completion adds a row to ``SiasnOutbox`` (a completion step); a periodic task
sends the rows that are due, one claimed at a time, so a slow SIASN never holds a
lock; a failure that may pass (time-out, 5xx, 401) is tried again with
exponential back-off and jitter up to ``SIGAP_SIASN_MAX_ATTEMPTS``; a refused
record waits for a person. Nothing is lost: a row leaves the outbox only with its
enrolment. Off while ``SIGAP_SIASN_BASE_URL`` is empty (docs/interoperability.md).
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from courses.models import Enrolment
from lms import outbox
from lms.accounts.models import User
from lms.audit.services import record_event

from .exports import RIWAYAT_VALUES, riwayat_kursus_record, with_riwayat_values
from .models import SiasnOutbox
from .siasn import SiasnClient, SiasnError, is_enabled

# A row waiting for its certificate (or its PDF) is looked at again after this.
WAIT_FOR_CERTIFICATE = datetime.timedelta(minutes=10)
# After this many failures in a row that may pass, a run stops: SIASN is down.
STOP_AFTER_FAILURES = outbox.STOP_AFTER_FAILURES


def backoff(attempts: int) -> datetime.timedelta:
    """The wait before try ``attempts + 1`` (``lms.outbox.backoff`` with the
    SIASN settings)."""
    return outbox.backoff(
        attempts,
        base=settings.SIGAP_SIASN_RETRY_BASE_SECONDS,
        cap=settings.SIGAP_SIASN_RETRY_CAP_SECONDS,
    )


def claim_lease() -> datetime.timedelta:
    """How long a claimed row is left alone: longer than its three calls can take."""
    return datetime.timedelta(seconds=4 * settings.SIGAP_SIASN_TIMEOUT + 60)


# --- the record --------------------------------------------------------------------


@dataclass(frozen=True)
class CurrentRecord:
    """What SIASN should hold for one completion now."""

    record: dict
    nip: str
    siasn_id: str
    certificate_revoked: bool

    @property
    def digest(self) -> str:
        return record_hash(self.record)


def record_hash(record: dict) -> str:
    return hashlib.sha256(
        json.dumps(record, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def siasn_record(values, *, siasn_id: str) -> dict:
    """The save call's fields from a ``RIWAYAT_VALUES`` row: the export's mapping,
    with the SIASN person id for ``pnsOrangId`` and the year as a number."""
    instansi, jenis, jp, title, number, _nip, enrolled, completed = values
    record = riwayat_kursus_record(
        (instansi, jenis, jp, title, number, siasn_id, enrolled, completed)
    )
    record["tahunKursus"] = int(record["tahunKursus"])
    return record


def current_records(enrolment_ids) -> dict[int, CurrentRecord]:
    """The records as they stand, for completed enrolments among ``enrolment_ids``."""
    revoked = Certificate.objects.filter(
        enrolment=OuterRef("pk"), status=Certificate.Status.REVOKED
    )
    rows = (
        with_riwayat_values(
            Enrolment.objects.completed().filter(pk__in=list(enrolment_ids))
        )
        .annotate(revoked=Exists(revoked))
        .values_list("pk", "user__asn_profile__siasn_id", "revoked", *RIWAYAT_VALUES)
    )
    result = {}
    for pk, siasn_id, revoked_flag, *values in rows:
        result[pk] = CurrentRecord(
            record=siasn_record(values, siasn_id=siasn_id or ""),
            nip=values[5] or "",
            siasn_id=siasn_id or "",
            certificate_revoked=bool(revoked_flag),
        )
    return result


# --- putting rows in the outbox ----------------------------------------------------


def enqueue_completion(*, enrolment: Enrolment) -> None:
    """Completion step (``SIGAP_COMPLETION_STEPS``): the completion waits in the
    outbox for its certificate, then goes to SIASN. Nothing when the sync is off."""
    if not is_enabled():
        return
    SiasnOutbox.objects.get_or_create(
        enrolment=enrolment, defaults={"next_attempt_at": timezone.now()}
    )


def enqueue_completed(*, enrolments: QuerySet | None = None) -> int:
    """Backfill: put completed enrolments (all, or those given) that have no row
    yet in the outbox; how many were added."""
    if not is_enabled():
        return 0
    queryset = (enrolments if enrolments is not None else Enrolment.objects).filter(
        status=Enrolment.Status.COMPLETED, user__erased_at__isnull=True
    )
    missing = queryset.exclude(
        Exists(SiasnOutbox.objects.filter(enrolment=OuterRef("pk")))
    ).values_list("pk", flat=True)
    now = timezone.now()
    added = 0
    batch: list[SiasnOutbox] = []
    for enrolment_id in missing.iterator(chunk_size=2000):
        batch.append(SiasnOutbox(enrolment_id=enrolment_id, next_attempt_at=now))
        if len(batch) == 2000:
            added += len(SiasnOutbox.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        added += len(SiasnOutbox.objects.bulk_create(batch, ignore_conflicts=True))
    return added


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): the person's outbox rows go, with
    the SIASN id and NIP their payloads hold; what SIASN already has stays there
    (the agency's reporting duty). Returns the count for the audit event."""
    removed, _by_model = SiasnOutbox.objects.filter(enrolment__user=person).delete()
    return {"siasn_rows_removed": removed} if removed else {}


# --- sending -----------------------------------------------------------------------


@dataclass
class SyncRun:
    """What one run did: rows sent, failed, still waiting; whether it stopped
    early because SIASN kept failing."""

    sent: int = 0
    failed: int = 0
    waiting: int = 0
    stopped_early: bool = False
    errors: list[str] = field(default_factory=list)


def send_due(*, client: SiasnClient | None = None, limit: int | None = None) -> SyncRun:
    """Send the rows whose time has come, at most ``limit`` (``SIGAP_SIASN_BATCH``)."""
    run = SyncRun()
    if not is_enabled():
        return run
    client = client or SiasnClient()
    failures_in_a_row = 0
    for _index in range(limit or settings.SIGAP_SIASN_BATCH):
        row = _claim_one()
        if row is None:
            break
        outcome = send_row(row=row, client=client)
        if outcome == SiasnOutbox.Status.SENT:
            run.sent += 1
            failures_in_a_row = 0
        elif outcome == SiasnOutbox.Status.FAILED:
            run.failed += 1
            run.errors.append(row.last_error)
            failures_in_a_row = failures_in_a_row + 1 if row.will_retry else 0
            if failures_in_a_row >= STOP_AFTER_FAILURES:
                run.stopped_early = True
                break
        else:
            run.waiting += 1
    return run


def send_one(*, row_id: int, client: SiasnClient | None = None) -> str:
    """Send one row now if it is due and no other worker holds it (HR's *kirim
    ulang*); its status, or "" when it was not taken."""
    if not is_enabled():
        return ""
    row = _claim_one(pk=row_id)
    if row is None:
        return ""
    return send_row(row=row, client=client or SiasnClient())


def _claim_one(*, pk: int | None = None) -> SiasnOutbox | None:
    """Take the next due row (or row ``pk`` if due) for this worker: locked only
    while its time moves on by the lease (PostgreSQL skips rows another worker
    holds)."""
    due = SiasnOutbox.objects.due(timezone.now())
    if pk is not None:
        due = due.filter(pk=pk)
    rows = outbox.claim(due, lease=claim_lease())
    return rows[0] if rows else None


def send_row(*, row: SiasnOutbox, client: SiasnClient) -> str:
    """Send one row now; its new status (``pending`` while it waits for its
    certificate)."""
    now = timezone.now()
    current = current_records([row.enrolment_id]).get(row.enrolment_id)
    if current is None:
        return _refused(row, _("Penyelesaian kursus ini tidak ditemukan lagi."))
    number = current.record["nomorSertipikat"]
    if not number:
        if current.certificate_revoked:
            return _refused(
                row,
                _(
                    "Sertifikat sudah dicabut: riwayat ini tidak dikirim; jika sudah "
                    "ada di SIASN, hapus atau perbaiki di sana."
                ),
            )
        return _wait(row, _("Menunggu sertifikat diterbitkan."), now)
    certificate = Certificate.objects.filter(number=number).first()
    if certificate is not None and row.certificate_number != number:
        row.certificate_number, row.certificate = number, certificate
        try:
            with transaction.atomic():
                row.save(update_fields=["certificate_number", "certificate"])
        except IntegrityError:
            return _refused(
                row, _("Nomor sertifikat ini sudah dipakai oleh kiriman lain.")
            )
    if not current.siasn_id:
        return _refused(
            row,
            _("ID SIASN belum diisi di profil ASN pegawai ini; isi lalu kirim ulang."),
        )
    if certificate is None or not certificate.pdf:
        return _wait(row, _("Menunggu PDF sertifikat selesai dibuat."), now)
    try:
        if row.unclear and not row.remote_id and current.nip:
            row.remote_id = (
                client.find_course(nip=current.nip, certificate_number=number) or ""
            )
        if row.document_ref.get("number") != number:
            with certificate.pdf.open("rb") as handle:
                reference = client.upload_document(
                    handle.read(), filename=f"sertifikat-{certificate.pk}.pdf"
                )
            row.document_ref = {"number": number, "ref": reference}
            row.save(update_fields=["document_ref", "remote_id"])
        body = {**current.record, "path": [row.document_ref["ref"]]}
        if row.remote_id:
            body["id"] = row.remote_id
        remote_id = client.save_course(body)
    except SiasnError as error:
        return _failed(row, error, now)
    row.status = SiasnOutbox.Status.SENT
    row.remote_id = remote_id
    row.payload = current.record
    row.payload_hash = current.digest
    row.sent_at = now
    row.attempts += 1
    row.unclear = False
    row.last_error = ""
    row.next_attempt_at = None
    row.save()
    return row.status


def _wait(row: SiasnOutbox, reason: str, now) -> str:
    row.last_error = reason
    row.next_attempt_at = now + WAIT_FOR_CERTIFICATE
    row.save(update_fields=["last_error", "next_attempt_at", "updated_at"])
    return row.status


def _refused(row: SiasnOutbox, reason: str) -> str:
    """Failed until a person acts (kirim ulang): no automatic retry."""
    row.status = SiasnOutbox.Status.FAILED
    row.last_error = reason
    row.next_attempt_at = None
    row.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
    return row.status


def _failed(row: SiasnOutbox, error: SiasnError, now) -> str:
    row.attempts += 1
    row.status = SiasnOutbox.Status.FAILED
    row.unclear = row.unclear or error.ambiguous
    retry = error.retry and row.attempts < settings.SIGAP_SIASN_MAX_ATTEMPTS
    row.next_attempt_at = now + backoff(row.attempts) if retry else None
    row.last_error = error.message
    if error.retry and not retry:
        row.last_error += " " + _(
            "Dihentikan setelah %(count)d percobaan; kirim ulang bila SIASN sudah "
            "pulih."
        ) % {"count": row.attempts}
    row.save(
        update_fields=[
            "attempts",
            "status",
            "unclear",
            "next_attempt_at",
            "last_error",
            "remote_id",
            "updated_at",
        ]
    )
    return row.status


# --- after sending -----------------------------------------------------------------


def mark_changed(*, chunk: int = 2000) -> int:
    """Sent rows whose record now differs from what SIASN got (a certificate
    revoked or reissued, the JP or title changed) become *changed*; how many."""
    if not is_enabled():
        return 0
    changed = 0
    sent = SiasnOutbox.objects.filter(status=SiasnOutbox.Status.SENT).order_by("pk")
    last = 0
    while True:
        rows = list(
            sent.filter(pk__gt=last).values_list("pk", "enrolment_id", "payload_hash")[
                :chunk
            ]
        )
        if not rows:
            return changed
        last = rows[-1][0]
        current = current_records(enrolment for _pk, enrolment, _hash in rows)
        stale = [
            pk
            for pk, enrolment, digest in rows
            if enrolment not in current or current[enrolment].digest != digest
        ]
        changed += SiasnOutbox.objects.filter(
            pk__in=stale, status=SiasnOutbox.Status.SENT
        ).update(status=SiasnOutbox.Status.CHANGED, updated_at=timezone.now())


def retry_now(
    *, row: SiasnOutbox, by: User, request: HttpRequest | None = None
) -> SiasnOutbox:
    """HR's *kirim ulang*: a failed or changed row is due again at once, with a
    fresh count of attempts."""
    with transaction.atomic():
        locked = SiasnOutbox.objects.select_for_update().get(pk=row.pk)
        if locked.status not in (SiasnOutbox.Status.FAILED, SiasnOutbox.Status.CHANGED):
            return locked
        locked.status = SiasnOutbox.Status.PENDING
        locked.attempts = 0
        locked.next_attempt_at = timezone.now()
        locked.save(
            update_fields=["status", "attempts", "next_attempt_at", "updated_at"]
        )
        record_event(
            actor=by,
            action="hr.siasn_retry",
            target=locked,
            request=request,
            certificate_number=locked.certificate_number or "",
        )
    return locked


def retry_failed(*, rows: QuerySet | None = None) -> int:
    """Make every failed row (or those given) due now; how many (the command's
    ``--retry-failed``, after SIASN ids were imported)."""
    queryset = rows if rows is not None else SiasnOutbox.objects.all()
    return queryset.filter(status=SiasnOutbox.Status.FAILED).update(
        status=SiasnOutbox.Status.PENDING,
        attempts=0,
        last_error="",
        next_attempt_at=timezone.now(),
        updated_at=timezone.now(),
    )
