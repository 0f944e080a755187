"""Programmes: a set of courses assigned by rule, followed to completion and renewed.

A ``Programme`` lists courses (``ProgrammeItem``; a live session is a course with
session pages); ``AssignmentRule`` rows say who must take it; each person gets one
``ProgrammeAssignment`` per cycle (the first, then one per recertification).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _

from lms.accounts.employee_numbers import EmployeeType
from lms.accounts.models import Golongan, Jabatan, OrgUnit


class PositionType(models.TextChoices):
    """The three kinds of jabatan HR assigns training by (UU ASN)."""

    STRUKTURAL = "struktural", _("Struktural")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


# Jabatan categories that make up each position type.
POSITION_TYPE_CATEGORIES = {
    PositionType.STRUKTURAL: [
        Jabatan.Category.JPT_UTAMA,
        Jabatan.Category.JPT_MADYA,
        Jabatan.Category.JPT_PRATAMA,
        Jabatan.Category.ADMINISTRATOR,
        Jabatan.Category.PENGAWAS,
    ],
    PositionType.FUNGSIONAL: [Jabatan.Category.FUNGSIONAL],
    PositionType.PELAKSANA: [Jabatan.Category.PELAKSANA],
}


class Programme(models.Model):
    """A learning path: required and elective courses, a due period, its own JP
    total and certificate, and optionally a validity with a recertification path."""

    title = models.CharField(_("nama program"), max_length=255)
    code = models.SlugField(_("kode program"), max_length=30, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)
    owner_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit pemilik"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Petugas HR unit ini (dan unit di atasnya) mengelola program."),
    )
    ordered = models.BooleanField(
        _("berurutan"),
        default=False,
        help_text=_(
            "Kursus diikuti sesuai urutan; kursus berikutnya terbuka "
            "setelah yang sebelumnya selesai."
        ),
    )
    electives_required = models.PositiveSmallIntegerField(
        _("jumlah kursus pilihan yang wajib diselesaikan"), default=0
    )
    due_days = models.PositiveSmallIntegerField(
        _("tenggat (hari setelah ditugaskan)"), null=True, blank=True
    )
    validity_months = models.PositiveSmallIntegerField(
        _("masa berlaku sertifikat (bulan)"),
        null=True,
        blank=True,
        help_text=_("Kosongkan jika sertifikat program berlaku tanpa batas waktu."),
    )
    renewal_lead_days = models.PositiveSmallIntegerField(
        _("ditugaskan ulang (hari sebelum kedaluwarsa)"), default=60
    )
    recertification_path = models.ForeignKey(
        "self",
        verbose_name=_("jalur sertifikasi ulang"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "Program (boleh lebih singkat) yang ditugaskan sebelum "
            "sertifikat kedaluwarsa. Kosong: program ini sendiri."
        ),
    )
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("templat sertifikat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("program pelatihan")
        verbose_name_plural = _("program pelatihan")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def jp(self) -> int:
        """The programme's JP: the sum of its courses' JP."""
        return self.items.aggregate(total=Sum("course__jp"))["total"] or 0

    @property
    def renewal_programme(self) -> "Programme":
        return self.recertification_path or self


class ProgrammeItem(models.Model):
    """One course (or live-session course) of a programme, required or elective."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="items"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.PROTECT,
        related_name="programme_items",
    )
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    required = models.BooleanField(_("wajib"), default=True)

    class Meta:
        verbose_name = _("kursus program")
        verbose_name_plural = _("kursus program")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "course"], name="one_item_per_course"
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} — {self.course}"


class AssignmentRule(models.Model):
    """Who must take a programme: every set criterion must hold (AND); the rule is
    evaluated again whenever people change, so newcomers are assigned too."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="rules"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit kerja (beserta unit di bawahnya)"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    position_type = models.CharField(
        _("jenis jabatan"), max_length=12, choices=PositionType.choices, blank=True
    )
    golongan = models.CharField(
        _("golongan"), max_length=6, choices=Golongan, blank=True
    )
    employee_type = models.CharField(
        _("jenis pegawai"), max_length=4, choices=EmployeeType.CHOICES, blank=True
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("aturan penugasan")
        verbose_name_plural = _("aturan penugasan")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.programme}: {self.describe()}"

    def describe(self) -> str:
        parts = [str(self.unit)]
        if self.jabatan_id:
            parts.append(str(self.jabatan))
        if self.position_type:
            parts.append(self.get_position_type_display())
        if self.golongan:
            parts.append(self.golongan)
        if self.employee_type:
            parts.append(self.employee_type)
        return " · ".join(parts)

    def profile_q(self, prefix: str = "") -> Q:
        """The rule as a filter on ``AsnProfile`` (``prefix`` for a related path)."""
        q = Q(**{f"{prefix}unit__path__startswith": self.unit.path})
        if self.jabatan_id:
            q &= Q(**{f"{prefix}jabatan_id": self.jabatan_id})
        if self.position_type:
            q &= Q(
                **{
                    f"{prefix}jabatan__category__in": POSITION_TYPE_CATEGORIES[
                        PositionType(self.position_type)
                    ]
                }
            )
        if self.golongan:
            q &= Q(**{f"{prefix}golongan": self.golongan})
        if self.employee_type:
            q &= Q(**{f"{prefix}employee_type": self.employee_type})
        return q


class ProgrammeAssignmentQuerySet(models.QuerySet):
    def open(self) -> "ProgrammeAssignmentQuerySet":
        return self.filter(completed_at__isnull=True)


class ProgrammeAssignment(models.Model):
    """One person's assignment to a programme, for one cycle (1 = the first,
    higher = a recertification). Kept when the person leaves the rule's scope."""

    class Source(models.TextChoices):
        RULE = "rule", _("Aturan")
        HAND = "hand", _("Ditugaskan HR")
        RENEWAL = "renewal", _("Sertifikasi ulang")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_assignments",
    )
    cycle = models.PositiveSmallIntegerField(_("siklus"), default=1)
    source = models.CharField(_("asal"), max_length=8, choices=Source.choices)
    rule = models.ForeignKey(
        AssignmentRule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
    )
    renewal_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
    )
    assigned_at = models.DateTimeField(_("ditugaskan"))
    due_on = models.DateField(_("tenggat"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    certificate = models.ForeignKey(
        "certificates.Certificate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ProgrammeAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("penugasan program")
        verbose_name_plural = _("penugasan program")
        ordering = ["-assigned_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user", "cycle"],
                name="one_assignment_per_cycle",
            )
        ]
        indexes = [models.Index(fields=["programme", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.programme} ({self.cycle})"


class RecertificationReminder(models.Model):
    """A 60/30/7-day expiry reminder sent for a programme certificate (once each)."""

    assignment = models.ForeignKey(
        ProgrammeAssignment, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("hari sebelum kedaluwarsa"))
    sent_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat sertifikasi ulang")
        verbose_name_plural = _("pengingat sertifikasi ulang")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "days_before"], name="one_reminder_per_mark"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.days_before}"


class ProgrammeReminder(models.Model):
    """A due-date reminder sent for an open assignment: a week before its due
    date, and once when it is overdue (each once; mandatory training, so sent
    whatever the person's reminder preference)."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Tenggat program mendekat")
        OVERDUE = "overdue", _("Program melewati tenggat")

    assignment = models.ForeignKey(
        ProgrammeAssignment, on_delete=models.CASCADE, related_name="due_reminders"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    class Meta:
        verbose_name = _("pengingat tenggat program")
        verbose_name_plural = _("pengingat tenggat program")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind"], name="one_due_reminder_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.kind}"
