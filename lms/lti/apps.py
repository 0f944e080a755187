from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    """Sigap as an LTI 1.3 tool: other platforms launch its courses, read the
    roster (NRPS) and receive completions (AGS)."""

    name = "lms.lti"
    label = "lti"
    verbose_name = _("LTI 1.3")
    default_auto_field = "django.db.models.BigAutoField"
