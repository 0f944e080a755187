"""The audit trail: who did what, when, from where, to which record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.private_apis import delete_rows


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Jejak audit hanya boleh ditambah (append-only).")

    def delete(self):
        raise PermissionError("Jejak audit hanya boleh ditambah (append-only).")

    def purge_before(self, cutoff) -> int:
        """Retention only (lms.accounts.retention): remove events older than
        ``cutoff``. The one deletion path; the sweep itself is logged."""
        old = AuditEvent.objects.filter(at__lt=cutoff)
        return delete_rows(old)

    def performed_by(self, user) -> "AuditEventQuerySet":
        return self.filter(actor=user)


class AuditEvent(models.Model):
    """One append-only entry of the audit trail."""

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_repr = models.CharField(_("pelaku (teks)"), max_length=255, blank=True)
    action = models.CharField(_("tindakan"), max_length=100, db_index=True)
    target_type = models.CharField(_("jenis rekaman"), max_length=100, blank=True)
    target_id = models.CharField(_("id rekaman"), max_length=64, blank=True)
    target_repr = models.CharField(_("rekaman (teks)"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    user_agent = models.CharField(_("peramban"), max_length=255, blank=True)
    data = models.JSONField(_("rincian"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("peristiwa audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_repr} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Jejak audit hanya boleh ditambah (append-only).")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Jejak audit hanya boleh ditambah (append-only).")
