"""Django's admin is for superusers only; everyone else works in the Wagtail admin."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminSite(AdminSite):
    """The Django admin site, closed to staff who are not superusers."""

    def has_permission(self, request):
        # in-function: settings load this module before the models are ready.
        from .permissions import can_use_django_admin

        return can_use_django_admin(request.user)


class SigapAdminConfig(AdminConfig):
    default_site = "lms.accounts.admin_site.SuperuserAdminSite"
