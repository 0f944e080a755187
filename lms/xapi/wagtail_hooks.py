"""The xAPI outbox screen in the Wagtail admin (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_view_xapi_outbox


@hooks.register("register_admin_urls")
def xapi_urls():
    return [
        path("xapi/", views.outbox, name="sigap_xapi_outbox"),
        path("xapi/kirim-ulang/", views.retry, name="sigap_xapi_retry"),
    ]


class XapiMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_xapi_outbox(request.user)


@hooks.register("register_admin_menu_item")
def xapi_menu_item():
    return XapiMenuItem(
        _("Pernyataan xAPI"),
        reverse("sigap_xapi_outbox"),
        icon_name="list-ul",
        order=910,
    )
