"""Account screens in the Wagtail admin: data requests (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import lms.converters  # noqa: F401  (registers <id:…>)

from . import admin_views
from .permissions import can_carry_out_erasure


@hooks.register("register_admin_urls")
def data_request_urls():
    return [
        path(
            "data-pribadi/",
            admin_views.data_request_list,
            name="sigap_data_requests",
        ),
        path(
            "data-pribadi/<id:request_id>/hapus/",
            admin_views.data_request_erase,
            name="sigap_data_request_erase",
        ),
        path(
            "data-pribadi/<id:request_id>/tolak/",
            admin_views.data_request_reject,
            name="sigap_data_request_reject",
        ),
    ]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return can_carry_out_erasure(request.user)


@hooks.register("register_admin_menu_item")
def data_request_menu_item():
    return AdminOnlyMenuItem(
        _("Permintaan data pribadi"),
        reverse("sigap_data_requests"),
        icon_name="user",
        order=910,
    )
