"""LTI in the Wagtail admin (administrators only): platforms as snippets, the
tool's addresses, keys, links and score outbox on one screen."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import lms.converters  # noqa: F401  (registers <id:…>)

from . import views
from .models import LtiPlatform
from .permissions import can_manage_lti


class LtiPlatformViewSet(SnippetViewSet):
    model = LtiPlatform
    icon = "link"
    menu_label = _("Platform LTI")
    menu_order = 921
    add_to_admin_menu = True
    list_display = ["name", "issuer", "client_id", "active"]


register_snippet(LtiPlatformViewSet)


@hooks.register("register_admin_urls")
def lti_urls():
    return [
        path("lti/", views.overview, name="sigap_lti_overview"),
        path("lti/kunci-baru/", views.rotate, name="sigap_lti_rotate"),
        path("lti/kirim-ulang/", views.retry, name="sigap_lti_retry"),
        path("lti/tautan/<id:link_id>/peserta/", views.roster, name="sigap_lti_roster"),
    ]


class LtiMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_lti(request.user)


@hooks.register("register_admin_menu_item")
def lti_menu_item():
    return LtiMenuItem(
        _("Alat LTI"), reverse("sigap_lti_overview"), icon_name="cogs", order=920
    )
