from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SessionsConfig(AppConfig):
    """Live sessions of a course (webinar, virtual class, classroom): registration,
    calendar files, reminders and attendance."""

    name = "courses.sessions"
    label = "livesessions"
    verbose_name = _("Sesi langsung")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        # ``courses`` sits below and never imports the sessions: they add
        # themselves to the course outline, its learning time and completion.
        from courses.parts import register_completion_requirement, register_course_part

        from .parts import SessionsPart
        from .selectors import sessions_attended

        register_course_part(SessionsPart())
        register_completion_requirement(sessions_attended)
