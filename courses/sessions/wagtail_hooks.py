"""Admin hooks of live sessions: a session page's header leads to its attendance
(the code to show, the classroom register, report imports)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .models import SessionPage
from .permissions import can_manage_attendance


@hooks.register("register_page_header_buttons")
def _attendance_button(page, user, view_name, next_url=None):
    session = page.specific_deferred
    if isinstance(session, SessionPage) and can_manage_attendance(user, session):
        yield Button(
            _("Kehadiran dan kode"),
            reverse("livesessions:attendance", args=(session.pk,)),
            icon_name="group",
            priority=26,
        )
