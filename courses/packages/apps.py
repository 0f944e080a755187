from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    """Standard content as lessons: SCORM 1.2, SCORM 2004 and cmi5 packages
    uploaded by the course's trainer, played from Sigap's own origin, their
    runtime data kept per learner."""

    name = "courses.packages"
    label = "packages"
    verbose_name = _("Paket konten (SCORM, cmi5)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        # ``courses`` sits below and never imports the packages: they add
        # themselves to the course outline, its learning time and completion.
        from courses.parts import register_completion_requirement, register_course_part

        from .parts import PackagesPart
        from .selectors import packages_satisfied

        register_course_part(PackagesPart())
        register_completion_requirement(packages_satisfied)
