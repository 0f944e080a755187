"""The audit trail for administrators, in the Wagtail admin: filter and export.

Read-only by construction: there is no form that edits or deletes an event, and
the model refuses updates and deletes.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .forms import AuditFilterForm
from .models import AuditEvent
from .permissions import can_view_audit_trail
from .services import record_event

CSV_COLUMNS = [
    "waktu",
    "pelaku",
    "tindakan",
    "jenis_rekaman",
    "id_rekaman",
    "rekaman",
    "alamat_ip",
    "peramban",
    "rincian",
]


def _filtered(request):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if request.GET:
        events = form.filter(events)
    return form, events


@require_GET
def audit_list(request):
    if not can_view_audit_trail(request.user):
        raise PermissionDenied
    form, events = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "audit/audit_event_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def _safe_cell(value) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: neutralise them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value):
        return value


@require_GET
def audit_export(request):
    if not can_view_audit_trail(request.user):
        raise PermissionDenied
    form, events = _filtered(request)
    record_event(
        actor=request.user,
        action="audit.export",
        request=request,
        filters={k: v for k, v in request.GET.items() if v},
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow(
                _safe_cell(v)
                for v in (
                    timezone.localtime(event.at).isoformat(),
                    event.actor_repr,
                    event.action,
                    event.target_type,
                    event.target_id,
                    event.target_repr,
                    event.ip_address,
                    event.user_agent,
                    event.data,
                )
            )

    stamp = timezone.localdate().strftime("%Y%m%d")
    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="jejak-audit-{stamp}.csv"'
    return response
