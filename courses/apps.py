from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = pgettext_lazy("plural", "Kursus")

    def ready(self):
        from .navigation import connect_catalog_url_signals

        connect_catalog_url_signals()
