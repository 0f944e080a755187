"""Facts about learners: enrolment and lesson progress. Written only by services."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolmentQuerySet(models.QuerySet):
    def completed(self) -> "EnrolmentQuerySet":
        return self.filter(status=Enrolment.Status.COMPLETED)

    def in_progress(self) -> "EnrolmentQuerySet":
        return self.filter(status=Enrolment.Status.ACTIVE)

    def for_user(self, user) -> "EnrolmentQuerySet":
        return self.filter(user=user)

    def current(self) -> "EnrolmentQuerySet":
        """Each person's present cycle of a course (earlier cycles are records)."""
        return self.filter(is_current=True)


class Enrolment(models.Model):
    """A learner's place in a course, from enrolment to completion, for one cycle.

    A renewal (an expiring certificate, a programme's recertification) starts a
    new cycle: a new row with ``cycle`` + 1, while the completed one stays as the
    record of what was done then (``is_current`` false) with everything keyed to
    it: lesson progress, visits, JP entry, evidence, certificate.
    """

    class Status(models.TextChoices):
        ACTIVE = "active", _("Sedang berjalan")
        COMPLETED = "completed", _("Selesai")

    class Source(models.TextChoices):
        SELF = "self", _("Mendaftar sendiri")
        BULK = "bulk", _("Didaftarkan HR")
        RENEWAL = "renewal", _("Sertifikasi ulang")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    source = models.CharField(
        _("asal"), max_length=10, choices=Source.choices, default=Source.SELF
    )
    enrolled_at = models.DateTimeField(_("terdaftar"), auto_now_add=True)
    completed_at = models.DateTimeField(
        _("selesai"), null=True, blank=True, db_index=True
    )
    deadline = models.DateField(_("batas waktu"), null=True, blank=True)
    cycle = models.PositiveSmallIntegerField(_("siklus"), default=1)
    is_current = models.BooleanField(_("siklus berjalan"), default=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("pendaftaran")
        verbose_name_plural = _("pendaftaran")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(is_current=True),
                name="one_current_enrolment_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "course", "cycle"], name="one_enrolment_per_cycle"
            ),
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.course}"

    @property
    def is_completed(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def cycle_started_at(self) -> datetime.datetime | None:
        """When a renewal cycle began: facts kept by person rather than by
        enrolment (quiz attempts, submissions, evaluations, package attempts)
        count for it only from then on. None for the first cycle (all count)."""
        return self.enrolled_at if self.cycle > 1 else None


class LessonProgress(models.Model):
    """A lesson a learner marked done ("Tandai selesai")."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="progress"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    completed_at = models.DateTimeField(_("selesai"), auto_now_add=True)

    class Meta:
        verbose_name = _("kemajuan pelajaran")
        verbose_name_plural = _("kemajuan pelajaran")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="one_progress_per_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} — {self.lesson_id}"


class LessonVisit(models.Model):
    """The server's evidence of a learner's time in a lesson: when they first and
    last opened it, and the active time counted from the heartbeats of its open,
    visible page (each counts at most ``SIGAP_HEARTBEAT_SECONDS``). Every time
    here is the server's clock; none is sent by the browser."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="visits"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    first_opened_at = models.DateTimeField(_("pertama dibuka"))
    last_opened_at = models.DateTimeField(_("terakhir dibuka"))
    last_beat_at = models.DateTimeField(_("tanda aktif terakhir"), null=True)
    active_seconds = models.PositiveIntegerField(_("waktu aktif (detik)"), default=0)

    class Meta:
        verbose_name = _("kunjungan pelajaran")
        verbose_name_plural = _("kunjungan pelajaran")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="one_visit_per_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} — {self.lesson_id}"
