"""A question file a trainer uploaded, kept between its dry run and its import."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_files import private_file_name, private_storage


def import_file_path(instance, filename: str) -> str:
    """An unguessable name in the private storage (the file's own name is kept in
    ``filename``)."""
    return private_file_name("question-imports", filename)


class QuestionFormat(models.TextChoices):
    AIKEN = "aiken", _("Aiken (teks, Moodle)")
    GIFT = "gift", _("GIFT (teks, Moodle)")
    XLSX = "xlsx", _("XLSX (templat Sigap)")


class QuestionImport(models.Model):
    """One upload of questions into one course's bank: the file is checked (dry
    run) when uploaded and again, inside the import's transaction, when the
    trainer confirms. Only the person who uploaded it may see or confirm it."""

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.CASCADE,
        related_name="question_imports",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        on_delete=models.CASCADE,
        related_name="question_imports",
    )
    format = models.CharField(_("format"), max_length=8, choices=QuestionFormat)
    filename = models.CharField(_("nama berkas"), max_length=200)
    source = models.FileField(
        _("berkas"), upload_to=import_file_path, storage=private_storage
    )
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)
    applied_at = models.DateTimeField(_("diimpor"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("soal dibuat"), default=0)

    class Meta:
        verbose_name = _("impor soal")
        verbose_name_plural = _("impor soal")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} → {self.course}"
