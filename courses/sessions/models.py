"""A live session of a course (webinar, virtual class, classroom) as a Wagtail page
below its course, and the records about people around it: registration, reminders
sent, attendance intervals, the attendance they add up to, and report imports."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from courses.models.pages import CourseOwnedPermissions, MobileFirstPreview, course_of
from courses.published import RestrictionsFromRoute
from lms.accounts.models import TimeZone

from .forms import SessionPageForm

# Without ambiguous letters and digits (0/O, 1/I/L): read aloud or from a slide.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_attendance_code() -> str:
    """A fresh attendance code, shown by the trainer during the session."""
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


class SessionMode(models.TextChoices):
    ONLINE = "online", _("Daring (tautan rapat)")
    CLASSROOM = "classroom", _("Tatap muka (ruang kelas)")


class SessionPage(
    MobileFirstPreview, RestrictionsFromRoute, CourseOwnedPermissions, Page
):
    """A scheduled live session of a course: when, where (a meeting link or a
    place), who speaks, how many may come; afterwards its recording and
    transcript. Times are stored in UTC and entered in ``time_zone``."""

    intro = models.TextField(_("deskripsi"), blank=True)
    speakers = models.TextField(
        _("narasumber"),
        blank=True,
        help_text=_("Satu narasumber per baris, mis. “Nama — jabatan, instansi”."),
    )
    time_zone = models.CharField(
        _("zona waktu pengisian"),
        max_length=20,
        choices=TimeZone.choices,
        default=TimeZone.WIB,
        help_text=_(
            "Waktu mulai dan selesai diisi dalam zona ini; peserta melihatnya "
            "dalam zona waktu unit kerjanya."
        ),
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    mode = models.CharField(
        _("bentuk"), max_length=10, choices=SessionMode, default=SessionMode.ONLINE
    )
    meeting_url = models.URLField(
        _("tautan rapat"),
        max_length=500,
        blank=True,
        help_text=_(
            "Zoom, Google Meet, BigBlueButton atau alamat lain. Hanya peserta yang "
            "mendaftar yang melihatnya, menjelang sesi dimulai."
        ),
    )
    place = models.CharField(
        _("tempat"),
        max_length=300,
        blank=True,
        help_text=_("Untuk sesi tatap muka: gedung, ruang, alamat."),
    )
    capacity = models.PositiveIntegerField(
        _("kapasitas"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Kosongkan jika tidak dibatasi."),
    )
    min_presence = models.PositiveSmallIntegerField(
        _("kehadiran minimum (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Bagian dari durasi sesi yang harus dihadiri agar sesi terhitung "
            "selesai. Kosongkan untuk memakai bawaan situs."
        ),
    )
    required = models.BooleanField(_("wajib untuk menyelesaikan kursus"), default=True)
    attendance_code = models.CharField(
        _("kode kehadiran"),
        max_length=CODE_LENGTH,
        default=new_attendance_code,
        editable=False,
    )
    recording_url = models.URLField(_("tautan rekaman"), max_length=500, blank=True)
    transcript = models.TextField(
        _("transkrip"),
        blank=True,
        help_text=_("Teks biasa; baris kosong memisahkan paragraf."),
    )

    # The meeting link and the attendance code are not searchable: search
    # results are public.
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("speakers"),
        index.SearchField("transcript"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("mode"),
                FieldPanel("meeting_url"),
                FieldPanel("place"),
                FieldPanel("capacity"),
            ],
            heading=_("Jadwal dan tempat"),
        ),
        MultiFieldPanel(
            [FieldPanel("required"), FieldPanel("min_presence")],
            heading=_("Kehadiran"),
        ),
        MultiFieldPanel(
            [FieldPanel("recording_url"), FieldPanel("transcript")],
            heading=_("Setelah sesi"),
        ),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    base_form_class = SessionPageForm
    template = "sessions/session_page.html"

    class Meta:
        verbose_name = _("sesi langsung")
        verbose_name_plural = _("sesi langsung")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("Waktu selesai harus sesudah waktu mulai.")
        if self.mode == SessionMode.ONLINE and not self.meeting_url:
            errors["meeting_url"] = _("Sesi daring memerlukan tautan rapat.")
        if self.mode == SessionMode.CLASSROOM and not self.place:
            errors["place"] = _("Sesi tatap muka memerlukan tempat.")
        if errors:
            raise ValidationError(errors)

    @property
    def duration_minutes(self) -> int:
        return max(0, round((self.ends_at - self.starts_at).total_seconds() / 60))

    @property
    def presence_share(self) -> int:
        """The share of the duration to attend, in per cent."""
        if self.min_presence:
            return self.min_presence
        return round(settings.SIGAP_SESSION_MIN_PRESENCE * 100)

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    def get_course(self):
        if not hasattr(self, "_course"):
            self._course = course_of(self)
        return self._course

    def serve(self, request, *args, **kwargs):
        previewing = getattr(request, "is_preview", False)
        course = self.get_course()
        if (course is None or not course.live) and not previewing:
            raise Http404  # a session of an unpublished course (``may_learn``)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # in-function: the selectors import these models (a page is its own view)
        from .selectors import session_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = session_overview(
            session=self, user=request.user, request=request
        )
        return context


class SessionRegistration(models.Model):
    """A learner's place in a session: when they registered, first joined through
    Sigap and entered the attendance code."""

    session = models.ForeignKey(
        SessionPage, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_registrations",
    )
    registered_at = models.DateTimeField(_("mendaftar"))
    joined_at = models.DateTimeField(_("bergabung lewat Sigap"), null=True, blank=True)
    code_entered_at = models.DateTimeField(
        _("kode kehadiran dimasukkan"), null=True, blank=True
    )
    wrong_codes = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("pendaftaran sesi")
        verbose_name_plural = _("pendaftaran sesi")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="one_registration_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class SessionReminder(models.Model):
    """A reminder e-mail sent for a registration: one of each kind, ever."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "day", _("sehari sebelum")
        HOUR_BEFORE = "hour", _("satu jam sebelum")

    registration = models.ForeignKey(
        SessionRegistration, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=4, choices=Kind)
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"], name="one_reminder_of_each_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} · {self.kind}"


class AttendanceSource(models.TextChoices):
    SIGAP = "sigap", _("bergabung lewat Sigap dan kode kehadiran")
    IMPORT = "import", _("laporan penyedia rapat")
    REGISTER = "register", _("daftar hadir kelas")


class AttendanceImport(models.Model):
    """A meeting provider's attendance report uploaded for a session: checked
    (dry run) first, applied once at most. Keeps the text read from the file so
    that applying needs no second upload."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("diperiksa")
        APPLIED = "applied", _("diimpor")

    session = models.ForeignKey(
        SessionPage, on_delete=models.CASCADE, related_name="attendance_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    provider = models.CharField(max_length=10)
    columns = models.JSONField(default=dict)
    file_time_zone = models.CharField(max_length=20)
    text = models.TextField()
    status = models.CharField(max_length=8, choices=Status, default=Status.CHECKED)
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("impor kehadiran")
        verbose_name_plural = _("impor kehadiran")

    def __str__(self) -> str:
        return self.file_name


class AttendanceInterval(models.Model):
    """One stretch of time a person was in a session, from one of the three ways
    (joining through Sigap with the code, a provider's report, the classroom
    register). Intervals of a person may overlap; ``Attendance`` merges them."""

    session = models.ForeignKey(
        SessionPage, on_delete=models.CASCADE, related_name="intervals"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_intervals",
    )
    source = models.CharField(max_length=8, choices=AttendanceSource)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField()
    attendance_import = models.ForeignKey(
        AttendanceImport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="intervals",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user", "source", "started_at", "ended_at"],
                name="one_interval_per_source_and_time",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__gt=models.F("started_at")),
                name="interval_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.started_at:%H:%M}-{self.ended_at:%H:%M}"


class AttendanceQuerySet(models.QuerySet):
    def attended(self):
        return self.filter(attended=True)


class Attendance(models.Model):
    """A person's attendance of a session, whichever way it was recorded: minutes
    present (their intervals within the session, overlaps merged) and whether
    that meets the session's minimum presence."""

    session = models.ForeignKey(
        SessionPage, on_delete=models.CASCADE, related_name="attendances"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_attendances",
    )
    minutes_present = models.PositiveIntegerField(_("menit hadir"), default=0)
    attended = models.BooleanField(_("memenuhi kehadiran minimum"), default=False)
    sources = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("kehadiran sesi")
        verbose_name_plural = _("kehadiran sesi")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="one_attendance_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}: {self.minutes_present}"
