from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    """Programmes (learning paths) assigned by rule, their certificates and
    recertification."""

    name = "lms.programmes"
    label = "programmes"
    verbose_name = _("Program pelatihan")
    default_auto_field = "django.db.models.BigAutoField"
