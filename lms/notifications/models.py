"""In-app notifications: what Sigap told a person by e-mail, also in Sigap, read or
unread (``lms.emails.send_email`` with a ``link`` records one through
``SIGAP_NOTIFICATION_STEPS``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # The kind of e-mail it came with (``deadline_reminder``, ``team_nudge``…).
    kind = models.CharField(_("jenis"), max_length=50)
    title = models.CharField(_("judul"), max_length=255)
    # A path in Sigap (never another site's address): where "Buka" leads.
    link = models.CharField(_("tautan"), max_length=500)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["user", "-created_at"], name="notification_list_idx"),
        ]

    def __str__(self) -> str:
        return self.title
