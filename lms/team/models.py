"""What supervisors did and were sent: nudges (rate limit, history) and the
weekly digest marker (once per ISO week)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Nudge(models.Model):
    """A supervisor's *Ingatkan*: one e-mail to a team member about one course."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atasan"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment",
        verbose_name=_("pendaftaran"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("dikirim"), db_index=True)

    class Meta:
        verbose_name = _("ingatan atasan")
        verbose_name_plural = _("ingatan atasan")
        indexes = [models.Index(fields=["user", "enrolment", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.supervisor_id} → {self.user_id} {self.sent_at:%Y-%m-%d}"


class DigestSent(models.Model):
    """The weekly digest went to ``supervisor`` in ISO week ``week`` of ``year``."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("atasan"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("tahun ISO"))
    week = models.PositiveSmallIntegerField(_("minggu ISO"))
    overdue = models.PositiveIntegerField(_("jumlah terlambat"), default=0)
    sent_at = models.DateTimeField(_("dikirim"))

    class Meta:
        verbose_name = _("ringkasan mingguan tim")
        verbose_name_plural = _("ringkasan mingguan tim")
        constraints = [
            models.UniqueConstraint(
                fields=["supervisor", "year", "week"], name="one_digest_per_week"
            )
        ]

    def __str__(self) -> str:
        return f"{self.supervisor_id} {self.year}-W{self.week:02d}"
