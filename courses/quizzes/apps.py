from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """The quiz engine: question bank, quizzes, attempts, grading and reports."""

    name = "courses.quizzes"
    label = "quizzes"
    verbose_name = _("Kuis")
    default_auto_field = "django.db.models.BigAutoField"
