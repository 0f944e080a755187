from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamConfig(AppConfig):
    """Supervisors (atasan langsung): the team page, nudges, the weekly digest."""

    name = "lms.team"
    label = "team"
    verbose_name = _("Tim (atasan langsung)")
    default_auto_field = "django.db.models.BigAutoField"
