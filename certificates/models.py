"""Certificates: templates (snippets), issued certificates, number counters, bundles.

An issued ``Certificate`` is a record about a person: services write it, nobody
edits it by hand, and it keeps a snapshot of everything printed on it.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import RevisionMixin

from lms.private_files import private_file_name, private_storage

from .forms import CertificateTemplateForm
from .numbering import NumberPatternError, check_number_pattern

DEFAULT_NUMBER_PATTERN = "{seq:05d}/SIGAP/{course_code}/{year}"


DEFAULT_TEMPLATE_FIELDS = {
    "name": "Templat bawaan Sigap",
    "institution_name": "Sigap — Pelatihan Kapasitas ASN",
    "signer_name": "Kepala Penyelenggara Pelatihan",
    "signer_position": "Kepala Penyelenggara Pelatihan",
    "place": "Jakarta",
}


class CertificateTemplateQuerySet(models.QuerySet):
    def default(self) -> "CertificateTemplate":
        """The default template; created with neutral texts if it is missing."""
        template = self.filter(is_default=True).first()
        if template is None:
            template, _created = self.get_or_create(
                is_default=True, defaults=DEFAULT_TEMPLATE_FIELDS
            )
        return template


class CertificateTemplate(RevisionMixin, models.Model):
    """How an institution's certificates look and are numbered; a course picks one.

    A trainer edits only the templates they made (``owner``); templates without an
    owner (the default, those from before owners) are the administrators'.
    """

    name = models.CharField(_("nama templat"), max_length=100, unique=True)
    is_default = models.BooleanField(
        _("templat bawaan"),
        default=False,
        help_text=_("Dipakai untuk kursus yang tidak memilih templat."),
    )
    institution_name = models.CharField(_("nama instansi penerbit"), max_length=255)
    institution_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo/lambang instansi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    signer_name = models.CharField(_("nama penanda tangan"), max_length=200)
    signer_nip = models.CharField(_("NIP penanda tangan"), max_length=18, blank=True)
    signer_position = models.CharField(_("jabatan penanda tangan"), max_length=255)
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar tanda tangan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    place = models.CharField(
        _("tempat terbit"), max_length=100, blank=True, help_text=_("mis. Jakarta")
    )
    number_pattern = models.CharField(
        _("pola nomor"),
        max_length=120,
        default=DEFAULT_NUMBER_PATTERN,
        help_text=_(
            "Gunakan {seq} (wajib, boleh {seq:05d}), {course_code}, {year}, {month}. "
            "Nomor berurutan dalam setiap lingkup pola."
        ),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("masa berlaku (bulan)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan jika sertifikat berlaku tanpa batas waktu."),
    )
    title_text = models.CharField(_("judul"), max_length=100, default="SERTIFIKAT")
    intro_text = models.CharField(
        _("teks pembuka"), max_length=255, default="Diberikan kepada"
    )
    body_text = models.TextField(
        _("teks isi"),
        default="telah mengikuti dan menyelesaikan dengan predikat",
        help_text=_("Dicetak sebelum predikat dan nama pelatihan."),
    )
    mode_text = models.CharField(
        _("moda pelatihan"), max_length=100, default="secara daring (e-learning)"
    )
    footer_text = models.CharField(
        _("catatan kaki"),
        max_length=255,
        blank=True,
        default="Keaslian sertifikat ini dapat diperiksa dengan memindai kode QR.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemilik"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Yang membuat templat; kosong untuk templat bawaan."),
    )

    objects = CertificateTemplateQuerySet.as_manager()
    base_form_class = CertificateTemplateForm

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        MultiFieldPanel(
            [
                FieldPanel("institution_name"),
                FieldPanel("institution_logo"),
                FieldPanel("place"),
            ],
            heading=_("Penerbit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signer_name"),
                FieldPanel("signer_nip"),
                FieldPanel("signer_position"),
                FieldPanel("signature_image"),
            ],
            heading=_("Penanda tangan"),
        ),
        MultiFieldPanel(
            [FieldPanel("number_pattern"), FieldPanel("validity_months")],
            heading=_("Nomor dan masa berlaku"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title_text"),
                FieldPanel("intro_text"),
                FieldPanel("body_text"),
                FieldPanel("mode_text"),
                FieldPanel("footer_text"),
            ],
            heading=_("Teks sertifikat"),
        ),
    ]

    class Meta:
        verbose_name = _("templat sertifikat")
        verbose_name_plural = _("templat sertifikat")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="one_default_certificate_template",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        try:
            check_number_pattern(self.number_pattern)
        except NumberPatternError as error:
            raise ValidationError({"number_pattern": str(error)}) from error
        if self.is_default:
            others = CertificateTemplate.objects.filter(is_default=True)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"is_default": _("Sudah ada templat bawaan lain.")}
                )

    def texts(self) -> dict[str, str]:
        """The printed texts, copied into each certificate's snapshot."""
        return {
            "title": self.title_text,
            "intro": self.intro_text,
            "body": self.body_text,
            "mode": self.mode_text,
            "footer": self.footer_text,
            "place": self.place,
        }


class CertificateCounter(models.Model):
    """The last sequence number used in one numbering scope (locked while issuing)."""

    scope = models.CharField(_("lingkup"), max_length=150, unique=True)
    last_seq = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("penghitung nomor sertifikat")
        verbose_name_plural = _("penghitung nomor sertifikat")

    def __str__(self) -> str:
        return f"{self.scope}: {self.last_seq}"


class CertificateQuerySet(models.QuerySet):
    def valid(self) -> "CertificateQuerySet":
        """Not revoked or superseded (may still be past its validity date)."""
        return self.filter(status=Certificate.Status.VALID)

    def for_holder(self, user) -> "CertificateQuerySet":
        return self.filter(user=user)

    def of_course(self, course) -> "CertificateQuerySet":
        return self.filter(course=course)


def certificate_pdf_path(instance, filename: str) -> str:
    """A random name: the PDF's old name held its public verification code."""
    return private_file_name("certificates", filename)


def certificate_bundle_path(instance, filename: str) -> str:
    return private_file_name("certificate-bundles", filename)


class Certificate(models.Model):
    """One issued certificate: its number, code, PDF and a snapshot of what it says.

    Editing a profile, course or template later never changes it; a reissue makes
    a new certificate and marks this one superseded.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Sah")
        REVOKED = "revoked", _("Dicabut")
        SUPERSEDED = "superseded", _("Diganti")

    # Shown status: the stored status, or "expired" once past valid_until.
    EXPIRED = "expired"

    enrolment = models.ForeignKey(
        "courses.Enrolment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    # Kept (SET_NULL) so a certificate stays verifiable after its holder is erased.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemegang"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    template_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    holder_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("unit kerja pemegang"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    number = models.CharField(_("nomor sertifikat"), max_length=150, unique=True)
    number_scope = models.CharField(_("lingkup nomor"), max_length=150)
    seq = models.PositiveIntegerField(_("nomor urut"))
    code = models.CharField(_("kode verifikasi"), max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID
    )
    issued_at = models.DateTimeField(_("diterbitkan"), default=timezone.now)
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_reason = models.TextField(_("alasan pencabutan"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("diganti oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # Snapshot of everything printed.
    holder_name = models.CharField(_("nama (dengan gelar)"), max_length=400)
    holder_nip = models.CharField(_("NIP / NI PPPK"), max_length=18, blank=True)
    holder_employee_type = models.CharField(_("jenis pegawai"), max_length=4)
    holder_birth_place = models.CharField(_("tempat lahir"), max_length=100)
    holder_birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    holder_golongan = models.CharField(_("pangkat/golongan"), max_length=100)
    holder_jabatan = models.CharField(_("jabatan"), max_length=255)
    holder_instansi = models.CharField(_("instansi"), max_length=255)
    holder_unit_name = models.CharField(_("unit kerja"), max_length=255)
    course_title = models.CharField(_("nama pelatihan"), max_length=255)
    course_code = models.CharField(_("kode kursus"), max_length=30)
    jp = models.PositiveSmallIntegerField(_("JP"))
    jenis_diklat = models.PositiveSmallIntegerField(_("jenis diklat (kode SIASN)"))
    jenis_diklat_name = models.CharField(_("jenis diklat"), max_length=60)
    started_on = models.DateField(_("tanggal mulai"))
    completed_on = models.DateField(_("tanggal selesai"))
    score = models.DecimalField(
        _("nilai post-test (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    predikat = models.CharField(_("predikat"), max_length=60)
    institution_name = models.CharField(_("instansi penerbit"), max_length=255)
    signer_name = models.CharField(_("penanda tangan"), max_length=200)
    signer_nip = models.CharField(_("NIP penanda tangan"), max_length=18, blank=True)
    signer_position = models.CharField(_("jabatan penanda tangan"), max_length=255)
    texts = models.JSONField(_("teks tercetak"), default=dict)

    pdf = models.FileField(
        _("berkas PDF"),
        upload_to=certificate_pdf_path,
        storage=private_storage,
        blank=True,
    )
    sha256 = models.CharField(
        _("SHA-256 PDF"), max_length=64, blank=True, db_index=True
    )
    signed = models.BooleanField(_("ditandatangani elektronik"), default=False)
    signature_info = models.CharField(
        _("penanda tangan elektronik"), max_length=255, blank=True
    )
    rendered_at = models.DateTimeField(_("PDF dibuat"), null=True, blank=True)
    # Its bit in the revocation status list of the verifiable credentials
    # (certificates/credentials.py): list ``index // STATUS_LIST_SIZE``.
    status_list_index = models.PositiveIntegerField(
        _("indeks daftar status"), null=True, blank=True, unique=True, editable=False
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="valid"),
                name="one_valid_certificate_per_enrolment",
            ),
            models.UniqueConstraint(
                fields=["number_scope", "seq"], name="one_number_per_scope_seq"
            ),
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.number} — {self.holder_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", args=[self.code])

    @property
    def verification_url(self) -> str:
        return settings.SITE_URL + self.get_absolute_url()

    @property
    def masked_nip(self) -> str:
        """Only the first and last four digits, e.g. 1985**********1001."""
        nip = self.holder_nip
        return nip[:4] + "*" * (len(nip) - 8) + nip[-4:] if len(nip) > 8 else ""

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    @property
    def shown_status(self) -> str:
        """valid, revoked, superseded, or expired (a valid one past its date)."""
        if self.status == self.Status.VALID and self.is_expired():
            return self.EXPIRED
        return self.status

    @property
    def shown_status_label(self) -> str:
        if self.shown_status == self.EXPIRED:
            return str(_("Kedaluwarsa"))
        return self.get_status_display()


class CertificateBundle(models.Model):
    """A ZIP of a course's certificates, built by a task for a trainer or HR."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        RUNNING = "running", _("Sedang dibuat")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(
        upload_to=certificate_bundle_path, storage=private_storage, blank=True
    )
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("paket unduhan sertifikat")
        verbose_name_plural = _("paket unduhan sertifikat")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.course} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
