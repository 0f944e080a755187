"""HR records: long exports and imports run as tasks, and their files.

Which organisation node an HR officer answers for (``HrOfficer``) is part of the
organisation scope rule and lives in ``lms.accounts``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_files import private_file_name, private_storage


def job_file_path(instance, filename: str) -> str:
    """Unguessable names in the private storage; the file's own (tidied) name is
    kept as the download's name."""
    return private_file_name("hr-jobs", filename, keep_name=True)


class HrJob(models.Model):
    """A long HR export or import, run as a task; its page shows the progress.

    Only the officer who started it can see it or download its file.
    """

    class Kind(models.TextChoices):
        EXPORT_RIWAYAT_XLSX = "export_riwayat_xlsx", _("Ekspor riwayat kursus (XLSX)")
        IMPORT_STAFF = "import_staff", _("Impor daftar pegawai")
        EXPORT_TIME_XLSX = "export_time_xlsx", _("Ekspor waktu belajar (XLSX)")
        # Run by the layer above that owns the work (lms.programmes), through
        # ``jobs.run_tracked``: this layer only keeps its progress.
        EVALUATE_RULES = "evaluate_rules", _("Penugasan program menurut aturan")

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    kind = models.CharField(_("jenis"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.CASCADE,
        related_name="hr_jobs",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    total = models.PositiveIntegerField(_("jumlah baris"), default=0)
    done = models.PositiveIntegerField(_("baris diproses"), default=0)
    source = models.FileField(
        _("berkas sumber"),
        upload_to=job_file_path,
        storage=private_storage,
        blank=True,
    )
    result_file = models.FileField(
        _("berkas hasil"),
        upload_to=job_file_path,
        storage=private_storage,
        blank=True,
    )
    result = models.JSONField(_("hasil"), default=dict, blank=True)
    message = models.TextField(_("pesan"), blank=True)

    class Meta:
        verbose_name = _("tugas HR")
        verbose_name_plural = _("tugas HR")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, round(100 * self.done / self.total)) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ReminderLog(models.Model):
    """One reminder email sent, so that nobody is reminded twice within the window;
    a certificate's expiry reminder names the certificate and its 60/30/7-day mark,
    each sent once."""

    class Kind(models.TextChoices):
        JP_BELOW_TARGET = "jp_below", _("JP di bawah target")
        PAST_DEADLINE = "deadline", _("Melewati batas waktu kursus")
        CERTIFICATE_EXPIRING = "cert_exp", _("Sertifikat akan habis masa berlaku")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    certificate = models.ForeignKey(
        "certificates.Certificate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminderlog_marks",
    )
    days_before = models.PositiveSmallIntegerField(
        _("hari sebelum kedaluwarsa"), null=True, blank=True
    )
    sent_at = models.DateTimeField(_("dikirim"), db_index=True)

    class Meta:
        verbose_name = _("log pengingat")
        verbose_name_plural = _("log pengingat")
        indexes = [models.Index(fields=["user", "kind", "sent_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "days_before"],
                condition=models.Q(certificate__isnull=False),
                name="one_certificate_reminder_per_mark",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.kind} {self.sent_at:%Y-%m-%d}"


class ErasedCompletion(models.Model):
    """A completed course of a person whose data was erased (UU PDP), and what the
    erasure did to its row in the national export (riwayat kursus).

    HR of the person's unit sees these by certificate number; nothing here names
    the person. A row is *kept* only where a valid certificate already holds the
    facts (its own snapshot, kept so it stays verifiable) and is read from it: the
    minimum the agency's reporting duty needs. See docs/privacy.md.
    """

    class Outcome(models.TextChoices):
        KEPT = "kept", _("tetap dalam ekspor nasional")
        REMOVED = "removed", _("dihapus dari ekspor nasional")

    erased_at = models.DateTimeField(_("dihapus pada"), db_index=True)
    outcome = models.CharField(_("akibat"), max_length=10, choices=Outcome.choices)
    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("unit kerja"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    course_title = models.CharField(_("nama kursus"), max_length=255)
    certificate_number = models.CharField(
        _("nomor sertifikat"), max_length=150, blank=True
    )
    completed_on = models.DateField(_("tanggal selesai"))
    # A kept row is read from the certificate's own snapshot (the one copy of
    # the holder's NIP), so nothing here repeats it.
    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("sertifikat"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    instansi_code = models.CharField(_("kode instansi"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("penyelesaian terdampak penghapusan data")
        verbose_name_plural = _("penyelesaian terdampak penghapusan data")
        ordering = ["-erased_at", "certificate_number", "pk"]

    def __str__(self) -> str:
        return f"{self.certificate_number or self.course_title} ({self.outcome})"


class SiasnOutboxQuerySet(models.QuerySet):
    def due(self, now) -> "SiasnOutboxQuerySet":
        """Rows the sync should send now: waiting or failed, with a time that came."""
        return self.filter(
            status__in=(SiasnOutbox.Status.PENDING, SiasnOutbox.Status.FAILED),
            next_attempt_at__lte=now,
        )


class SiasnOutbox(models.Model):
    """One completed course on its way to the national system (SIASN riwayat
    kursus), and what happened to it: the outbox of ``lms.hr.siasn_sync``.

    One row per enrolment, so a completion is never pushed twice; the certificate
    number (SIASN's ``nomorSertipikat``) is unique too. ``payload`` and
    ``payload_hash`` are what was last sent: when the record read now differs (a
    certificate revoked or reissued, the JP changed) the row becomes *changed*.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")
        CHANGED = "changed", _("Berubah setelah dikirim")

    enrolment = models.OneToOneField(
        "courses.Enrolment",
        verbose_name=_("pendaftaran kursus"),
        on_delete=models.CASCADE,
        related_name="siasn_outbox",
    )
    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("sertifikat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    certificate_number = models.CharField(
        _("nomor sertifikat"), max_length=150, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    payload = models.JSONField(_("data terkirim"), default=dict, blank=True)
    payload_hash = models.CharField(_("sidik data terkirim"), max_length=64, blank=True)
    document_ref = models.JSONField(
        _("rujukan dokumen SIASN"), default=dict, blank=True
    )
    attempts = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    next_attempt_at = models.DateTimeField(
        _("percobaan berikutnya"), null=True, blank=True, db_index=True
    )
    # The last failure left it unclear whether SIASN stored the record (a
    # time-out after sending): ask SIASN before sending it again.
    unclear = models.BooleanField(default=False)
    last_error = models.TextField(_("alasan"), blank=True)
    remote_id = models.CharField(_("ID riwayat di SIASN"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = SiasnOutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("kiriman SIASN")
        verbose_name_plural = _("kiriman SIASN")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.certificate_number or self.enrolment_id} ({self.status})"

    @property
    def will_retry(self) -> bool:
        """A failed row the sync will try again by itself."""
        return self.status == self.Status.FAILED and self.next_attempt_at is not None
