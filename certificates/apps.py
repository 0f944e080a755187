from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = pgettext_lazy("plural", "Sertifikat")
