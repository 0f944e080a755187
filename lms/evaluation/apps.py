from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    """Course evaluation (level 1): the form, anonymous answers, results."""

    name = "lms.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluasi penyelenggaraan")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        # ``courses`` never imports this app: the evaluation adds itself to the
        # course outline (the "Isi evaluasi" button) and to the completion rule
        # (no completion, hence no certificate, before it is sent).
        from courses.parts import register_completion_requirement, register_course_part

        from .parts import EvaluationPart, evaluation_sent

        register_course_part(EvaluationPart())
        register_completion_requirement(evaluation_sent)
