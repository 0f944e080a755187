from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignmentsConfig(AppConfig):
    """Assignments and reflections (tugas) of a lesson: learners' submissions,
    the trainer's grading by rubric or pass/revise, and the required ones as a
    condition of completion."""

    name = "courses.assignments"
    label = "assignments"
    verbose_name = _("Tugas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        # ``courses`` sits below and never imports the assignments: they add
        # themselves to the course outline and to its completion rule.
        from courses.parts import register_completion_requirement, register_course_part

        from .parts import AssignmentsPart
        from .selectors import assignments_passed

        register_course_part(AssignmentsPart())
        # A grading written anywhere (not only by ``grade_submission``, which saves
        # the submission too) renews the learner's cached rounds.
        from django.db.models.signals import post_delete, post_save

        from .models import Grading
        from .receivers import forget_graded_learner

        for signal in (post_save, post_delete):
            signal.connect(
                forget_graded_learner, sender=Grading, dispatch_uid="sigap-grading"
            )
        register_completion_requirement(assignments_passed)
