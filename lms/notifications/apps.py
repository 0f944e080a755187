from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "lms.notifications"
    label = "notifications"
    verbose_name = _("Notifikasi")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # in-function: Django loads models only after every app is imported.
        from lms.cache import read_with_every_person_request

        from .selectors import UNREAD_CACHE_NAME

        # The header shows the count on every page: read it with the person.
        read_with_every_person_request(UNREAD_CACHE_NAME)
