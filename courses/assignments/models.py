"""Learners' answers to a lesson's assignment blocks and the trainer's gradings.

An assignment is a block (``courses.blocks.AssignmentBlock``) of a lesson, named by
the lesson and the block's stable id. Each time a learner hands in is a
``Submission`` row (a round); each grading of a round is a ``Grading`` row. Nothing
is overwritten: a revision is a new round, a second grading a new row.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_files import private_file_name, private_storage


def submission_file_name(instance, filename: str) -> str:
    return private_file_name("tugas", filename, keep_name=True)


class SubmissionQuerySet(models.QuerySet):
    def latest_rounds(self) -> "SubmissionQuerySet":
        """Only the current round of each learner's answer to each assignment."""
        return self.filter(is_latest=True)

    def waiting(self) -> "SubmissionQuerySet":
        return self.filter(status=Submission.Status.SUBMITTED)


class Submission(models.Model):
    """One round of a learner's answer to one assignment: text and/or a file."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Menunggu penilaian")
        REVISION = "revision", _("Perlu revisi")
        PASSED = "passed", _("Dinilai")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assignment_submissions",
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="+"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="+"
    )
    block_id = models.CharField(_("blok tugas"), max_length=64)
    title = models.CharField(_("judul tugas"), max_length=200)
    round = models.PositiveSmallIntegerField(_("putaran"), default=1)
    is_latest = models.BooleanField(default=True, editable=False)
    text = models.TextField(_("jawaban"), blank=True)
    file = models.FileField(
        _("berkas"),
        storage=private_storage,
        upload_to=submission_file_name,
        max_length=255,
        blank=True,
    )
    file_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    file_size = models.PositiveIntegerField(_("ukuran berkas (bita)"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("jawaban tugas")
        verbose_name_plural = _("jawaban tugas")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id", "round"],
                name="assignment_one_row_per_round",
            ),
            models.UniqueConstraint(
                fields=["user", "lesson", "block_id"],
                condition=models.Q(is_latest=True),
                name="assignment_one_latest_round",
            ),
        ]
        indexes = [models.Index(fields=["course", "status", "is_latest"])]

    def __str__(self) -> str:
        return f"{self.title} #{self.round}"


class Grading(models.Model):
    """One grading of a submission round by a trainer: the decision, the rubric
    as it stood with the levels chosen, the points and the feedback. Never
    changed after it is written."""

    class Decision(models.TextChoices):
        PASSED = "passed", _("Lulus")
        REVISION = "revision", _("Perlu revisi")

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="gradings"
    )
    grader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decision = models.CharField(_("keputusan"), max_length=10, choices=Decision)
    # [{"criterion": str, "level": str, "points": int, "max_points": int}, ...]
    rubric = models.JSONField(_("rubrik yang dipakai"), default=list, blank=True)
    points = models.PositiveIntegerField(_("poin"), null=True, blank=True)
    max_points = models.PositiveIntegerField(_("poin maksimal"), null=True, blank=True)
    feedback = models.TextField(_("umpan balik"), blank=True)
    graded_at = models.DateTimeField(_("dinilai"), auto_now_add=True)

    class Meta:
        verbose_name = _("penilaian tugas")
        verbose_name_plural = _("penilaian tugas")
        ordering = ["-graded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.submission} · {self.get_decision_display()}"
