from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class QuizzesConfig(AppConfig):
    """The quiz engine: question bank, quizzes, attempts, grading and reports."""

    name = "courses.quizzes"
    label = "quizzes"
    verbose_name = pgettext_lazy("plural", "Kuis")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        # ``courses`` sits below and never imports the quiz engine: the engine
        # adds itself to the learning rule, the course outline and completion.
        from courses.parts import register_completion_requirement, register_course_part
        from courses.permissions import register_learning_gate

        from .parts import QuizzesPart
        from .permissions import pending_pretest_gate
        from .selectors import posttests_passed

        register_learning_gate(pending_pretest_gate)
        register_course_part(QuizzesPart())
        register_completion_requirement(posttests_passed)
