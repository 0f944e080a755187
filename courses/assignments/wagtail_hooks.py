"""Admin hooks of assignments: the grading queue (``admin_views``) and its
menu item, shown to trainers and administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

import lms.converters  # noqa: F401  (registers <id:…>)

from . import admin_views
from .permissions import may_open_queue


@hooks.register("register_admin_urls")
def assignment_urls():
    return [
        path("tugas/", admin_views.queue_view, name="sigap_assignment_queue"),
        path(
            "tugas/<id:submission_id>/",
            admin_views.grade_view,
            name="sigap_assignment_grade",
        ),
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return may_open_queue(request.user)


@hooks.register("register_admin_menu_item")
def assignment_queue_menu_item():
    return QueueMenuItem(
        _("Penilaian tugas"),
        reverse("sigap_assignment_queue"),
        icon_name="form",
        order=206,
    )
