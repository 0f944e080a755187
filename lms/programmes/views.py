"""Programme screens in the HR workspace (/hr/program/): author, assign, report."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.scope import hr_scope_units
from lms.audit.services import record_event
from lms.hr.exports import csv_chunks, write_xlsx
from lms.hr.views import XLSX_TYPE, hr_required
from lms.numbers import parse_int

from . import selectors, services
from .evaluation import add_rule_and_evaluate
from .forms import AssignByHandForm, ProgrammeForm, RuleForm
from .models import AssignmentRule, Programme
from .permissions import can_author_programme

PEOPLE_PER_PAGE = 50


def _programme(programme_id: int) -> Programme:
    return get_object_or_404(Programme, pk=programme_id)


def _authored(request, programme_id: int) -> Programme:
    programme = _programme(programme_id)
    if not can_author_programme(request.user, programme):
        raise PermissionDenied(_("Program ini dikelola unit di luar lingkup Anda."))
    return programme


@hr_required
def programme_list(request):
    programmes = Programme.objects.select_related("owner_unit").order_by("title")
    return render(
        request,
        "programmes/programme_list.html",
        {
            "programmes": programmes,
            "may_create": can_author_programme(request.user),
        },
    )


def _edit(request, programme: Programme):
    form = ProgrammeForm(request.POST or None, instance=programme, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = services.save_programme(
            programme=form.save(commit=False),
            items=form.items(),
            by=request.user,
            request=request,
        )
        messages.success(request, _("Program disimpan."))
        return redirect("programmes:detail", programme_id=saved.pk)
    return render(
        request,
        "programmes/programme_form.html",
        {"form": form, "programme": programme if programme.pk else None},
        status=400 if form.errors else 200,
    )


@hr_required
def programme_create(request):
    if not can_author_programme(request.user):
        raise PermissionDenied(_("Anda belum ditempatkan pada unit mana pun."))
    return _edit(request, Programme())


@hr_required
def programme_edit(request, programme_id: int):
    return _edit(request, _authored(request, programme_id))


@hr_required
def programme_detail(request, programme_id: int):
    programme = _programme(programme_id)
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "items": programme.items.select_related("course"),
            "rules": programme.rules.filter(is_active=True).select_related(
                "unit", "jabatan"
            ),
            "may_author": can_author_programme(request.user, programme),
            "assign_form": AssignByHandForm(),
            "evaluations": selectors.rule_evaluations(
                programme=programme, user=request.user
            ),
        },
    )


@hr_required
def rule_add(request, programme_id: int):
    """GET or *Pratinjau*: who the rule would assign; *Simpan*: save and assign."""
    programme = _authored(request, programme_id)
    data = request.POST if request.method == "POST" else None
    form = RuleForm(data, user=request.user)
    preview = None
    if data is not None and form.is_valid():
        rule: AssignmentRule = form.save(commit=False)
        if "save" in request.POST:
            job = add_rule_and_evaluate(
                programme=programme, rule=rule, by=request.user, request=request
            )
            messages.success(
                request,
                _(
                    "Aturan disimpan. Penugasan pegawainya berjalan di latar "
                    "belakang; kemajuannya tampil di halaman ini."
                ),
            )
            return redirect("hr:job", job_id=job.pk)
        preview = selectors.preview_rule(
            rule=rule, programme=programme, officer=request.user
        )
    return render(
        request,
        "programmes/rule_form.html",
        {"programme": programme, "form": form, "preview": preview},
        status=400 if form.errors else 200,
    )


@require_POST
@hr_required
def rule_deactivate(request, programme_id: int, rule_id: int):
    """Stop a rule assigning newcomers; those assigned keep their assignment."""
    programme = _authored(request, programme_id)
    rule = get_object_or_404(programme.rules, pk=rule_id)
    if not hr_scope_units(request.user).filter(pk=rule.unit_id).exists():
        raise PermissionDenied(_("Aturan ini untuk unit di luar lingkup Anda."))
    rule.is_active = False
    rule.save(update_fields=["is_active"])
    record_event(
        actor=request.user,
        action="programme.rule_deactivate",
        target=programme,
        request=request,
        rule=rule.describe(),
    )
    messages.success(request, _("Aturan dinonaktifkan."))
    return redirect("programmes:detail", programme_id=programme.pk)


@require_POST
@hr_required
def assign(request, programme_id: int):
    programme = _authored(request, programme_id)
    form = AssignByHandForm(request.POST)
    if form.is_valid():
        count, not_found = services.assign_by_hand(
            programme=programme,
            officer=request.user,
            nips=form.nip_list(),
            request=request,
        )
        messages.success(request, _("%(count)d pegawai ditugaskan.") % {"count": count})
        if not_found:
            messages.warning(
                request,
                _("NIP tidak ditemukan dalam lingkup Anda: %(nips)s")
                % {"nips": ", ".join(not_found)},
            )
    else:
        messages.error(request, _("Isi sedikitnya satu NIP."))
    return redirect("programmes:detail", programme_id=programme.pk)


def _state_labels() -> dict[str, str]:
    return {
        selectors.State.ASSIGNED: _("Ditugaskan"),
        selectors.State.IN_PROGRESS: _("Sedang berjalan"),
        selectors.State.COMPLETE: _("Selesai"),
        selectors.State.OVERDUE: _("Terlambat"),
    }


@hr_required
def report(request, programme_id: int):
    programme = _programme(programme_id)
    rows = selectors.compliance_by_unit(programme=programme, user=request.user)
    return render(
        request,
        "programmes/report.html",
        {"programme": programme, "rows": rows, "states": _state_labels()},
    )


@hr_required
def report_people(request, programme_id: int):
    programme = _programme(programme_id)
    unit = None
    unit_id = parse_int(request.GET.get("unit", ""), min_value=1)
    if unit_id is not None:
        unit = get_object_or_404(hr_scope_units(request.user), pk=unit_id)
    state = request.GET.get("state", "")
    people = selectors.people_in_report(
        programme=programme, user=request.user, unit=unit, state=state
    )
    page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "programmes/report_people.html",
        {
            "programme": programme,
            "unit": unit,
            "state": state,
            "page": page,
            "query": urlencode(
                {k: v for k, v in (("unit", unit_id), ("state", state)) if v}
            ),
            "states": _state_labels(),
        },
    )


def _report_rows(programme, user):
    labels = _state_labels()
    for assignment in selectors.people_in_report(programme=programme, user=user):
        profile = getattr(assignment.user, "asn_profile", None)
        certificate = assignment.certificate
        yield [
            profile.full_name_with_titles if profile else assignment.user.display_name,
            (profile.nip or "") if profile else "",
            profile.unit.name if profile and profile.unit else "",
            assignment.cycle,
            labels[assignment.state],
            timezone.localdate(assignment.assigned_at).isoformat(),
            assignment.due_on.isoformat() if assignment.due_on else "",
            timezone.localdate(assignment.completed_at).isoformat()
            if assignment.completed_at
            else "",
            certificate.number if certificate else "",
            certificate.valid_until.isoformat()
            if certificate and certificate.valid_until
            else "",
            str(certificate.shown_status_label) if certificate else "",
        ]


def _report_header() -> list[str]:
    return [
        _("Nama"),
        _("NIP"),
        _("Unit kerja"),
        _("Siklus"),
        _("Status"),
        _("Ditugaskan"),
        _("Tenggat"),
        _("Selesai"),
        _("Nomor sertifikat"),
        _("Berlaku sampai"),
        _("Status sertifikat"),
    ]


@hr_required
def report_download(request, programme_id: int, fmt: str):
    programme = _programme(programme_id)
    record_event(
        actor=request.user,
        action="programme.export",
        target=programme,
        request=request,
        format=fmt,
    )
    rows = _report_rows(programme, request.user)
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(_report_header(), rows), content_type="text/csv; charset=utf-8"
        )
    else:
        buffer = io.BytesIO()
        write_xlsx(buffer, _report_header(), rows, sheet_name="program")
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="program-{programme.code}.{fmt}"'
    )
    response["Cache-Control"] = "no-store"
    return response
