"""HR records: which organisation node an HR officer answers for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HrOfficer(models.Model):
    """Attaches an HR officer to one node of the organisation tree.

    The officer sees that node's subtree only (see ``lms.hr.scope``).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas HR"),
        on_delete=models.CASCADE,
        related_name="hr_officer",
    )
    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("unit lingkup"),
        on_delete=models.PROTECT,
        related_name="hr_officers",
        help_text=_("Petugas melihat unit ini beserta seluruh unit di bawahnya."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("petugas HR")
        verbose_name_plural = _("petugas HR")

    def __str__(self) -> str:
        return f"{self.user} — {self.unit}"
