from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Course discussion: threads and replies, *Tanya pengajar* per lesson,
    moderation by the course's trainer, the reply digest."""

    name = "lms.discussion"
    label = "discussion"
    verbose_name = _("Diskusi kursus")
    default_auto_field = "django.db.models.BigAutoField"
