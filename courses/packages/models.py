"""A SCORM or cmi5 package as a lesson of a course (a Wagtail page below it), the
checked and extracted package it plays, and each learner's runtime record."""

import uuid

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from courses.models.pages import (
    CourseOwnedPermissions,
    CoursePage,
    MobileFirstPreview,
    course_of,
)
from courses.published import RestrictionsFromRoute

from .forms import PackagePageForm
from .validation import PackageUnit


class Standard(models.TextChoices):
    SCORM12 = "scorm12", "SCORM 1.2"
    SCORM2004 = "scorm2004", "SCORM 2004"
    CMI5 = "cmi5", "cmi5"


class ContentPackage(models.Model):
    """An uploaded package after its checks: where its files lie in the private
    storage (``folder``), its table of contents (``units``: SCORM items, cmi5
    blocks and AUs, each with its file and rules) and its first launchable
    unit. Never changed after upload; a new upload is a new package."""

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="content_packages"
    )
    standard = models.CharField(_("standar"), max_length=10, choices=Standard)
    title = models.CharField(_("judul di manifes"), max_length=300, blank=True)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    folder = models.CharField(max_length=100, unique=True, editable=False)
    launch_path = models.CharField(max_length=1000)
    launch_parameters = models.CharField(max_length=1000, blank=True)
    activity_id = models.CharField(_("id AU (cmi5)"), max_length=1000, blank=True)
    move_on = models.CharField(_("moveOn (cmi5)"), max_length=20, blank=True)
    mastery_score = models.FloatField(null=True, blank=True)
    units = models.JSONField(default=list, blank=True, editable=False)
    course_activity_id = models.CharField(
        _("id kursus (cmi5)"), max_length=1000, blank=True
    )
    file_count = models.PositiveIntegerField(default=0)
    total_bytes = models.PositiveBigIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paket konten")
        verbose_name_plural = _("paket konten")

    def __str__(self) -> str:
        return f"{self.get_standard_display()}: {self.title or self.original_name}"

    def storage_name(self, path: str) -> str:
        return f"{self.folder}/{path}"

    def unit_list(self) -> list[PackageUnit]:
        """The table of contents in manifest order. A package uploaded before
        Sigap kept it has one unit: the one it launched."""
        if self.units:
            return [PackageUnit.from_json(unit) for unit in self.units]
        return [
            PackageUnit(
                kind="au" if self.standard == Standard.CMI5 else "sco",
                identifier=self.activity_id or "sco",
                title=self.title,
                path=self.launch_path,
                parameters=self.launch_parameters,
                mastery_score=self.mastery_score,
                move_on=self.move_on,
            )
        ]

    def launchable_units(self) -> list[PackageUnit]:
        """The SCOs, assets or AUs a learner opens; their position in this list
        is the unit's number in Sigap's URLs."""
        return [unit for unit in self.unit_list() if unit.launchable]


class PackagePage(
    MobileFirstPreview, RestrictionsFromRoute, CourseOwnedPermissions, Page
):
    """A lesson played from a SCORM 1.2, SCORM 2004 or cmi5 package the course's
    trainer uploaded; done when the package reports it complete (or passed)."""

    intro = models.TextField(_("pengantar"), blank=True)
    package = models.ForeignKey(
        ContentPackage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("perkiraan durasi (menit)"),
        default=15,
        help_text=_("Dihitung dalam waktu belajar kursus."),
    )
    required = models.BooleanField(_("wajib untuk menyelesaikan kursus"), default=True)

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("package_file")],
            heading=_("Paket SCORM / cmi5"),
        ),
        FieldPanel("duration_minutes"),
        FieldPanel("required"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    base_form_class = PackagePageForm
    template = "packages/package_page.html"

    class Meta:
        verbose_name = _("pelajaran paket (SCORM/cmi5)")
        verbose_name_plural = _("pelajaran paket (SCORM/cmi5)")

    def get_course(self):
        if not hasattr(self, "_course"):
            self._course = course_of(self)
        return self._course

    def serve(self, request, *args, **kwargs):
        previewing = getattr(request, "is_preview", False)
        course = self.get_course()
        if (course is None or not course.live) and not previewing:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # in-function: the selectors import these models (a page is its own view)
        from .selectors import package_player

        context = super().get_context(request, *args, **kwargs)
        context["player"] = package_player(page=self, request=request)
        return context


class PackageAttempt(models.Model):
    """A learner's record of one package lesson: the cmi5 registration, the
    lesson's rolled-up statuses and score (from its units' records), the unit
    opened last (where *Lanjutkan* goes), and when the lesson first counted as
    done (``satisfied_at``, never taken back)."""

    page = models.ForeignKey(
        PackagePage, on_delete=models.CASCADE, related_name="attempts"
    )
    package = models.ForeignKey(
        ContentPackage, on_delete=models.CASCADE, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="package_attempts",
    )
    registration = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    completion_status = models.CharField(max_length=20, blank=True)
    success_status = models.CharField(max_length=20, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    current_unit = models.CharField(max_length=1000, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    satisfied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("data runtime paket")
        verbose_name_plural = _("data runtime paket")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"], name="one_package_attempt_per_page"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.page_id}"


class UnitAttempt(models.Model):
    """A learner's runtime record of one SCO, asset or cmi5 AU of a package
    lesson: the SCORM data model as last committed (without the learner's name
    and id), the statuses and score read from it or from the AU's statements,
    where to resume, and the AU's launch session and state documents."""

    attempt = models.ForeignKey(
        PackageAttempt, on_delete=models.CASCADE, related_name="unit_attempts"
    )
    package = models.ForeignKey(
        ContentPackage, on_delete=models.CASCADE, related_name="unit_attempts"
    )
    unit = models.CharField(_("SCO / AU"), max_length=1000)
    cmi = models.JSONField(_("data runtime"), default=dict, blank=True)
    completion_status = models.CharField(max_length=20, blank=True)
    success_status = models.CharField(max_length=20, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    commits = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    satisfied_at = models.DateTimeField(null=True, blank=True)
    # cmi5 launch session: the one-time fetch code and the auth token, both as
    # SHA-256 (the names keep them out of the personal data export).
    secret = models.CharField(max_length=64, blank=True, editable=False)
    token = models.CharField(max_length=64, blank=True, editable=False)
    session_id = models.CharField(max_length=36, blank=True)
    launched_at = models.DateTimeField(null=True, blank=True)
    last_statement_at = models.DateTimeField(null=True, blank=True)
    terminated = models.BooleanField(default=False)
    state_documents = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("data runtime SCO/AU")
        verbose_name_plural = _("data runtime SCO/AU")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "package", "unit"], name="one_record_per_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.unit[:60]}"


class Cmi5Statement(models.Model):
    """An xAPI statement of a registration: one an AU sent, kept as received
    (after its actor, registration and object were checked), or one Sigap as
    the LMS issued (``by_lms``: launched, abandoned, satisfied)."""

    attempt = models.ForeignKey(
        PackageAttempt, on_delete=models.CASCADE, related_name="statements"
    )
    statement_id = models.UUIDField()
    verb = models.CharField(max_length=200)
    unit = models.CharField(max_length=1000, blank=True)
    by_lms = models.BooleanField(default=False)
    statement = models.JSONField()
    stored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pernyataan cmi5")
        verbose_name_plural = _("pernyataan cmi5")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "statement_id"], name="one_cmi5_statement_per_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.verb}"
