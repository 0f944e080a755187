from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class QuizzesConfig(AppConfig):
    """The quiz engine: question bank, quizzes, attempts, grading and reports."""

    name = "courses.quizzes"
    label = "quizzes"
    verbose_name = pgettext_lazy("plural", "Kuis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.permissions import register_learning_gate

        from .permissions import pending_pretest_gate

        register_learning_gate(pending_pretest_gate)
