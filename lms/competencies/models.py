"""The competency framework (PermenPANRB 38/2017), position standards, course
mapping, competency evidence, the JP ledger and claims for learning done elsewhere.

The framework and standards are editable data (Wagtail admin); evidence and JP
entries are facts written only by ``services``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from courses.jenis_diklat import JenisDiklat
from lms.private_files import private_file_name, private_storage

LEVEL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
LEVEL_CHOICES = [(level, str(level)) for level in range(1, 6)]


class CompetencyGroup(models.TextChoices):
    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
    TEKNIS = "teknis", _("Teknis")


class CompetencyQuerySet(models.QuerySet):
    def national(self) -> "CompetencyQuerySet":
        """Manajerial and sosial kultural: the same for every instansi."""
        return self.filter(instansi__isnull=True)

    def for_instansi(self, instansi) -> "CompetencyQuerySet":
        """The national competencies plus the instansi's (an OrgUnit or its id)
        own teknis ones."""
        if instansi is None:
            return self.national()
        return self.filter(
            models.Q(instansi__isnull=True) | models.Q(instansi=instansi)
        )


class Competency(ClusterableModel):
    """One competency of the framework (e.g. M.8 Pengambilan Keputusan), with its
    five proficiency levels. Teknis competencies belong to one instansi."""

    code = models.CharField(
        _("kode"),
        max_length=20,
        unique=True,
        help_text=_("Mis. M.8 atau SK.1; kompetensi teknis mis. T.DINKES.1."),
    )
    name = models.CharField(_("nama"), max_length=150)
    group = models.CharField(_("kelompok"), max_length=20, choices=CompetencyGroup)
    definition = models.TextField(_("definisi"), blank=True)
    instansi = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("instansi (khusus teknis)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"depth": 1},
    )
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=100)

    objects = CompetencyQuerySet.as_manager()

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("instansi"),
        FieldPanel("definition"),
        FieldPanel("sort_order"),
        InlinePanel("levels", label=_("Level kemahiran"), min_num=5, max_num=5),
    ]

    class Meta:
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self):
        super().clean()
        if self.group == CompetencyGroup.TEKNIS and self.instansi_id is None:
            raise ValidationError(
                {"instansi": _("Kompetensi teknis ditetapkan oleh satu instansi.")}
            )
        if self.group != CompetencyGroup.TEKNIS and self.instansi_id is not None:
            raise ValidationError(
                {
                    "instansi": _(
                        "Kompetensi manajerial dan sosial kultural berlaku nasional; "
                        "kosongkan instansi."
                    )
                }
            )


class CompetencyLevel(Orderable):
    """What a competency looks like at one proficiency level (1–5)."""

    competency = ParentalKey(
        Competency, on_delete=models.CASCADE, related_name="levels"
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=LEVEL_CHOICES, validators=LEVEL_VALIDATORS
    )
    description = models.TextField(_("deskripsi"))
    indicators = models.TextField(
        _("indikator perilaku"), blank=True, help_text=_("Satu indikator per baris.")
    )

    panels = [FieldPanel("level"), FieldPanel("description"), FieldPanel("indicators")]

    class Meta(Orderable.Meta):
        verbose_name = _("level kompetensi")
        verbose_name_plural = _("level kompetensi")
        constraints = [
            models.UniqueConstraint(
                fields=["competency", "level"], name="one_description_per_level"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} level {self.level}"

    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]


class PositionStandard(models.Model):
    """The level a jabatan requires in one competency; the basis of gap analysis."""

    jabatan = models.ForeignKey(
        "accounts.Jabatan",
        verbose_name=_("jabatan"),
        on_delete=models.CASCADE,
        related_name="competency_standards",
    )
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("kompetensi"),
        on_delete=models.CASCADE,
        related_name="position_standards",
    )
    required_level = models.PositiveSmallIntegerField(
        _("level yang dipersyaratkan"),
        choices=LEVEL_CHOICES,
        validators=LEVEL_VALIDATORS,
    )

    panels = [
        FieldPanel("jabatan"),
        FieldPanel("competency"),
        FieldPanel("required_level"),
    ]

    class Meta:
        verbose_name = _("standar kompetensi jabatan")
        verbose_name_plural = _("standar kompetensi jabatan")
        ordering = ["jabatan__name", "competency__sort_order", "competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "competency"], name="one_standard_per_competency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jabatan} — {self.competency.code} level {self.required_level}"


class CourseCompetency(Orderable):
    """A competency a course builds, and the level a passed post-test demonstrates."""

    course = ParentalKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="competency_targets",
    )
    competency = models.ForeignKey(
        Competency,
        verbose_name=_("kompetensi"),
        on_delete=models.PROTECT,
        related_name="course_targets",
    )
    target_level = models.PositiveSmallIntegerField(
        _("level sasaran"), choices=LEVEL_CHOICES, validators=LEVEL_VALIDATORS
    )

    panels = [FieldPanel("competency"), FieldPanel("target_level")]

    class Meta(Orderable.Meta):
        verbose_name = _("kompetensi kursus")
        verbose_name_plural = _("kompetensi kursus")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "competency"], name="one_target_per_competency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency.code} level {self.target_level}"


class EvidenceQuerySet(models.QuerySet):
    def for_user(self, user) -> "EvidenceQuerySet":
        return self.filter(user=user)


class EvidenceSource(models.TextChoices):
    """Where a piece of competency evidence comes from; its weight follows."""

    COURSE = "course", _("Kursus selesai (post-test)")
    SUPERVISOR = "supervisor", _("Pengamatan atasan langsung")


class CompetencyEvidence(models.Model):
    """What one completion showed about one competency: course, date, scores and
    the level demonstrated. Written once per completion by ``record_evidence``;
    the direct supervisor's observation some weeks later (evaluation level 3) is
    a second, lighter piece of evidence of the same completion
    (``record_supervisor_evidence``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="competency_evidence",
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="evidence"
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.CASCADE, related_name="evidence"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+"
    )
    demonstrated_at = models.DateTimeField(_("tanggal"))
    target_level = models.PositiveSmallIntegerField(_("level sasaran kursus"))
    level_demonstrated = models.PositiveSmallIntegerField(
        _("level yang ditunjukkan"), null=True, blank=True
    )
    post_test_score = models.DecimalField(
        _("nilai post-test (%)"), max_digits=5, decimal_places=2, null=True
    )
    pre_percent = models.DecimalField(
        _("pre-test kompetensi ini (%)"), max_digits=5, decimal_places=2, null=True
    )
    post_percent = models.DecimalField(
        _("post-test kompetensi ini (%)"), max_digits=5, decimal_places=2, null=True
    )
    source = models.CharField(
        _("sumber"),
        max_length=12,
        choices=EvidenceSource.choices,
        default=EvidenceSource.COURSE,
    )
    # How much this evidence counts against others of the same level: a passed
    # post-test 1, a supervisor's observation less (SIGAP_SUPERVISOR_EVIDENCE_WEIGHT).
    weight = models.DecimalField(
        _("bobot"), max_digits=3, decimal_places=2, default=Decimal("1.00")
    )
    # The supervisor's 1–5 rating of how the learner applies the competency at work.
    supervisor_rating = models.PositiveSmallIntegerField(
        _("nilai pengamatan atasan (1–5)"),
        null=True,
        blank=True,
        validators=LEVEL_VALIDATORS,
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("bukti kompetensi")
        verbose_name_plural = _("bukti kompetensi")
        ordering = ["-demonstrated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "competency", "source"],
                name="one_evidence_per_completion_and_source",
            )
        ]
        indexes = [models.Index(fields=["user", "competency"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.competency.code} ({self.course})"


class JpEntryQuerySet(models.QuerySet):
    def for_year(self, user, year: int) -> "JpEntryQuerySet":
        return self.filter(user=user, year=year)


class JpEntry(models.Model):
    """JP (jam pelajaran) credited to a learner for one calendar year (Asia/Jakarta):
    from a completed course or an approved claim for learning done elsewhere."""

    class Source(models.TextChoices):
        COURSE = "course", _("Kursus Sigap")
        CLAIM = "claim", _("Pembelajaran di luar Sigap")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jp_entries"
    )
    year = models.PositiveSmallIntegerField(_("tahun"))
    jp = models.PositiveSmallIntegerField(_("JP"))
    earned_on = models.DateField(_("tanggal"))
    title = models.CharField(_("kegiatan"), max_length=255)
    jenis_diklat = models.PositiveSmallIntegerField(
        _("jenis diklat"), choices=JenisDiklat.choices
    )
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    enrolment = models.OneToOneField(
        "courses.Enrolment",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jp_entry",
    )
    claim = models.OneToOneField(
        "competencies.ExternalLearningClaim",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jp_entry",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = JpEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("entri JP")
        verbose_name_plural = _("entri JP")
        ordering = ["-earned_on", "-pk"]
        indexes = [
            models.Index(fields=["user", "year"]),
            # A year's JP per person for a whole agency (HR dashboard): read from
            # the index alone, already grouped by person.
            models.Index(fields=["year", "user", "jp"], name="jp_year_user_jp"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolment__isnull=False, claim__isnull=True)
                | models.Q(enrolment__isnull=True, claim__isnull=False),
                name="jp_entry_has_one_source",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.year}: {self.jp} JP ({self.title})"


def claim_evidence_path(instance, filename: str) -> str:
    """A random name: the old one held the learner's user id and the upload time."""
    return private_file_name("klaim-jp", filename)


class ClaimQuerySet(models.QuerySet):
    def pending(self) -> "ClaimQuerySet":
        return self.filter(status=ExternalLearningClaim.Status.SUBMITTED)


class ExternalLearningClaim(models.Model):
    """Learning done outside Sigap (workshop, seminar…) that a learner asks HR to
    count in the JP ledger, with a PDF as evidence."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Menunggu tinjauan")
        APPROVED = "approved", _("Disetujui")
        REJECTED = "rejected", _("Ditolak")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learning_claims",
    )
    title = models.CharField(_("nama kegiatan"), max_length=255)
    organiser = models.CharField(_("penyelenggara"), max_length=255)
    jenis_diklat = models.PositiveSmallIntegerField(
        _("jenis diklat"), choices=JenisDiklat.choices
    )
    start_date = models.DateField(_("tanggal mulai"))
    end_date = models.DateField(_("tanggal selesai"))
    jp = models.PositiveSmallIntegerField(_("jumlah JP"))
    evidence = models.FileField(
        _("bukti (PDF)"), upload_to=claim_evidence_path, storage=private_storage
    )
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditinjau oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("ditinjau"), null=True, blank=True)
    review_reason = models.TextField(_("alasan"), blank=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("klaim pembelajaran luar")
        verbose_name_plural = _("klaim pembelajaran luar")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.user})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.SUBMITTED
