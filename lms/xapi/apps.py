from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """xAPI 2.0 statements about learning, sent to a learning record store."""

    name = "lms.xapi"
    label = "xapi"
    verbose_name = _("Pernyataan xAPI")
    default_auto_field = "django.db.models.BigAutoField"
