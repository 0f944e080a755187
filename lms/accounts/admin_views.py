"""Administrators handle data requests (UU 27/2022) in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .models import DataRequest
from .permissions import can_carry_out_erasure
from .privacy import erase_person, reject_data_request


def _require_admin(request) -> None:
    if not can_carry_out_erasure(request.user):
        raise PermissionDenied


@require_GET
def data_request_list(request):
    _require_admin(request)
    requests = DataRequest.objects.select_related("user", "handled_by")
    return render(
        request,
        "accounts/data_request_list.html",
        {
            "open_requests": requests.open(),
            "handled": requests.exclude(status=DataRequest.Status.OPEN)[:50],
        },
    )


@require_POST
def data_request_erase(request, request_id: int):
    _require_admin(request)
    data_request = get_object_or_404(
        DataRequest.objects.open(), pk=request_id, kind=DataRequest.Kind.ERASURE
    )
    if data_request.user_id == request.user.pk:
        messages.error(request, _("Penghapusan akun sendiri dilaksanakan admin lain."))
        return redirect("sigap_data_requests")
    erase_person(
        person=data_request.user,
        by=request.user,
        data_request=data_request,
        request=request,
    )
    messages.success(request, _("Data orang tersebut telah dianonimkan."))
    return redirect("sigap_data_requests")


@require_POST
def data_request_reject(request, request_id: int):
    _require_admin(request)
    data_request = get_object_or_404(DataRequest.objects.open(), pk=request_id)
    note = request.POST.get("note", "").strip()[:2000]
    if not note:
        messages.error(request, _("Tuliskan alasan penolakan."))
        return redirect("sigap_data_requests")
    reject_data_request(
        data_request=data_request, by=request.user, note=note, request=request
    )
    messages.success(request, _("Permintaan ditolak; alasannya tercatat."))
    return redirect("sigap_data_requests")
