"""The audit trail's screens in the Wagtail admin (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_view_audit_trail


@hooks.register("register_admin_urls")
def audit_urls():
    return [
        path("jejak-audit/", views.audit_list, name="sigap_audit_list"),
        path("jejak-audit/ekspor.csv", views.audit_export, name="sigap_audit_export"),
    ]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_audit_trail(request.user)


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return AdminOnlyMenuItem(
        _("Jejak audit"), reverse("sigap_audit_list"), icon_name="history", order=900
    )
