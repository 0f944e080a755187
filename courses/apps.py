from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = pgettext_lazy("plural", "Kursus")

    def ready(self):
        from .published import connect_published_signals

        connect_published_signals()
