from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = pgettext_lazy("plural", "Kursus")

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        from .published import connect_published_signals

        connect_published_signals()

        from wagtail.signals import page_published

        from .search import index_published_page

        page_published.connect(
            index_published_page, dispatch_uid="sigap-index-published-page"
        )

        from .models import Enrolment, LessonProgress
        from .parts import watch_learner_records

        # A learner's standing is cached (``selectors.learner_standing``); the
        # layers above add their own records (``parts.register_course_part``).
        watch_learner_records(Enrolment, LessonProgress)
