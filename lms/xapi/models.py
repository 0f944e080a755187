"""The xAPI outbox: statements waiting for, or sent to, the learning record store.

``XapiActor`` is the opaque name a person has in every statement (never the
e-mail or NIP: docs/privacy.md); ``XapiStatement`` one statement, built once
with its id, so that every retry sends the same statement and the LRS keeps it
once (docs/interoperability.md, "xAPI").
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class XapiActor(models.Model):
    """A person's stable, opaque account name in xAPI statements (a random
    UUID: it says nothing about the person, and erasure deletes it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="xapi_actor",
    )
    name = models.UUIDField(_("nama akun xAPI"), default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("akun xAPI")
        verbose_name_plural = _("akun xAPI")

    def __str__(self) -> str:
        return str(self.name)


class XapiStatementQuerySet(models.QuerySet):
    def due(self, now) -> "XapiStatementQuerySet":
        """Statements to send now: waiting, or failed with a retry time that came."""
        return self.filter(
            status__in=(XapiStatement.Status.PENDING, XapiStatement.Status.FAILED),
            next_attempt_at__lte=now,
        )


class XapiStatement(models.Model):
    """One statement on its way to the LRS, and what happened to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu dikirim")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    statement_id = models.UUIDField(
        _("ID pernyataan"), default=uuid.uuid4, unique=True, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="xapi_statements",
    )
    verb = models.CharField(_("kata kerja"), max_length=20, db_index=True)
    payload = models.JSONField(_("pernyataan"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    next_attempt_at = models.DateTimeField(
        _("percobaan berikutnya"), null=True, blank=True, db_index=True
    )
    last_error = models.TextField(_("alasan"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = XapiStatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("pernyataan xAPI")
        verbose_name_plural = _("pernyataan xAPI")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.verb} {self.statement_id} ({self.status})"

    @property
    def will_retry(self) -> bool:
        return self.status == self.Status.FAILED and self.next_attempt_at is not None
