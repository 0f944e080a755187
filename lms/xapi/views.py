"""The xAPI outbox in the Wagtail admin (administrators only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .permissions import can_view_xapi_outbox
from .selectors import outbox_overview
from .services import retry_failed


@require_http_methods(["GET", "HEAD"])
def outbox(request):
    if not can_view_xapi_outbox(request.user):
        raise PermissionDenied
    return render(request, "xapi/admin/outbox.html", {"overview": outbox_overview()})


@require_POST
def retry(request):
    if not can_view_xapi_outbox(request.user):
        raise PermissionDenied
    count = retry_failed(by=request.user, request=request)
    messages.success(
        request,
        _("%(count)d pernyataan yang gagal akan dikirim lagi.") % {"count": count},
    )
    return redirect("sigap_xapi_outbox")
