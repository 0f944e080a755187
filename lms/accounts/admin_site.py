"""Django's admin is for superusers only; everyone else works in the Wagtail admin."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig


class SuperuserAdminSite(AdminSite):
    """The Django admin site, closed to staff who are not superusers."""

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser


class SigapAdminConfig(AdminConfig):
    default_site = "lms.accounts.admin_site.SuperuserAdminSite"
