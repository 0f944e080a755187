"""The HR workspace (/hr/): thin views; figures come from reports and scope."""

import io
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from certificates.pdf import html_to_pdf
from courses.models import Enrolment
from lms.accounts import scope
from lms.audit.services import record_event
from lms.private_files import serve_private_file
from lms.ratelimit import rate_limited

from . import erasure, reports, selectors, services, siasn_sync
from . import exports as exports_module
from .charts import bar_chart
from .filters import HrFilterForm, filters_from_request
from .forms import BulkEnrolForm, StaffImportForm, SupervisorForm
from .imports import TEMPLATE_HEADER, ImportFileError
from .models import HrJob, SiasnOutbox
from .permissions import can_use_hr_workspace
from .siasn import is_enabled as siasn_enabled
from .tasks import send_siasn_row
from .transcript import build_transcript

LEARNERS_PER_PAGE = 50


def hr_required(view):
    """Only HR officers and administrators; everyone else gets 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_use_hr_workspace(request.user):
            raise PermissionDenied(_("Halaman ini hanya untuk petugas HR."))
        return view(request, *args, **kwargs)

    return wrapped


def _learners_url(filters, **extra) -> str:
    params = filters.as_query() | {k: str(v) for k, v in extra.items()}
    return f"{reverse('hr:learners')}?{urlencode(params)}"


def _dashboard_charts(dashboard) -> dict:
    filters = dashboard.filters
    return {
        "course_chart": bar_chart(
            title=_("Tingkat penyelesaian per kursus (%)"),
            rows=[
                (
                    row.label,
                    row.rate,
                    f"{row.rate}%",
                    _learners_url(filters, course=row.key, status="enrolled"),
                )
                for row in dashboard.by_course
            ],
            maximum=100,
        ),
        "unit_chart": bar_chart(
            title=_("Tingkat penyelesaian per unit (%)"),
            rows=[
                (
                    row.label,
                    row.rate,
                    f"{row.rate}%",
                    f"{reverse('hr:dashboard')}?"
                    + urlencode(filters.as_query() | {"unit": row.key.pk}),
                )
                for row in dashboard.by_unit
            ],
            maximum=100,
        ),
    }


@hr_required
def dashboard(request):
    form, filters = filters_from_request(request)
    data = reports.cached_dashboard(user=request.user, filters=filters)
    context = {
        "form": form,
        "filters": filters,
        "query": urlencode(filters.as_query()),
        "dashboard": data,
        "scope_root": scope.hr_scope_root(request.user),
        "sees_everyone": scope.sees_everyone(request.user),
        **_dashboard_charts(data),
    }
    return render(request, "hr/dashboard.html", context)


# Lazy: translated when a page shows them, in that person's language (a
# ``gettext`` here would freeze the language active at import, Indonesian).
LEARNER_STATUSES = {
    "enrolled": gettext_lazy("terdaftar"),
    "in_progress": gettext_lazy("sedang berjalan"),
    "completed": gettext_lazy("selesai"),
    "below_jp": gettext_lazy("di bawah target JP"),
}


@hr_required
def learners(request):
    """People in scope, optionally narrowed to a status; each links to a record."""
    form, filters = filters_from_request(request)
    status = request.GET.get("status", "")
    if status == "below_jp":
        qs = reports.below_target(request.user, filters)
    else:
        qs = reports.people(request.user, filters).select_related("unit")
        if status in ("enrolled", "in_progress", "completed") or filters.course:
            matching = reports.enrolments(request.user, filters).filter(
                user=OuterRef("user")
            )
            if status == "in_progress":
                matching = matching.filter(status=Enrolment.Status.ACTIVE)
            elif status == "completed":
                matching = matching.filter(status=Enrolment.Status.COMPLETED)
            qs = qs.filter(Exists(matching))
        qs = qs.order_by("full_name", "pk")
    qs = reports.with_learning_time(qs.select_related("jabatan"), filters)
    page = Paginator(qs, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
    profiles = list(page.object_list)
    for profile in profiles:
        profile.active_minutes = profile.active_seconds // 60
    rows = reports.attach_jp(profiles, year=filters.jp_year)
    params = filters.as_query() | ({"status": status} if status else {})
    return render(
        request,
        "hr/learners.html",
        {
            "form": form,
            "filters": filters,
            "status": status,
            "status_label": LEARNER_STATUSES.get(status, ""),
            "page": page,
            "rows": rows,
            "query": urlencode(params),
            "jp_target": reports.jp_target(),
        },
    )


def _person_in_scope(request, user_id: int):
    person = scope.users_in_scope(request.user).filter(pk=user_id).first()
    if person is None:
        raise Http404(_("Pegawai tidak ditemukan dalam lingkup Anda."))
    return person


@hr_required
def transcript(request, user_id: int):
    person = _person_in_scope(request, user_id)
    data = build_transcript(person=person)
    record_event(
        actor=request.user, action="hr.view_record", target=person, request=request
    )
    return render(
        request,
        "hr/transcript.html",
        {
            "transcript": data,
            "jp_target": reports.jp_target(),
            "pdf_url": reverse("hr:transcript_pdf", args=[person.pk]),
            "supervisor_form": _supervisor_form(data.profile),
        },
    )


def _supervisor_form(profile) -> SupervisorForm | None:
    if profile is None:
        return None
    current = profile.supervisor
    initial = ""
    if current is not None:
        current_profile = getattr(current, "asn_profile", None)
        initial = (current_profile.nip if current_profile else "") or current.email
    return SupervisorForm(initial={"supervisor": initial})


@require_POST
@hr_required
def set_supervisor(request, user_id: int):
    """Set or clear a person's direct supervisor (both in the officer's scope)."""
    person = _person_in_scope(request, user_id)
    back = reverse("hr:transcript", args=[person.pk])
    form = SupervisorForm(request.POST)
    if not form.is_valid() or not hasattr(person, "asn_profile"):
        messages.error(request, _("Atasan tidak dapat disimpan."))
        return redirect(back)
    typed = form.cleaned_data["supervisor"].strip()
    try:
        supervisor = (
            services.find_supervisor_in_scope(officer=request.user, typed=typed)
            if typed
            else None
        )
        services.set_supervisor(
            by=request.user, person=person, supervisor=supervisor, request=request
        )
    except services.SupervisorNotFound:
        messages.error(
            request,
            _("Tidak ada pegawai dalam lingkup Anda dengan e-mail atau NIP itu."),
        )
    else:
        messages.success(
            request,
            _("Atasan langsung disimpan.") if supervisor else _("Atasan dihapus."),
        )
    return redirect(back)


@hr_required
def reminders(request):
    """Reminders of the officer's scope: who gets one on the next run and why,
    what was sent, who opted out."""
    return render(
        request,
        "hr/reminders.html",
        {"page": selectors.reminders_page(request.user)},
    )


@require_POST
@hr_required
@rate_limited("SIGAP_EMAIL_BUTTON_RATE", group="hr-send-now", per_user=True)
def reminders_send(request):
    """*Kirim sekarang*: the due reminders of the officer's scope, now (never
    twice: what the job already sent is not due any more, and vice versa)."""
    sent = services.send_reminders_now(by=request.user, request=request)
    if sent:
        messages.success(request, _("%(count)d pengingat dikirim.") % {"count": sent})
    else:
        messages.info(request, _("Tidak ada pengingat yang perlu dikirim."))
    return redirect("hr:reminders")


@hr_required
def transcript_pdf(request, user_id: int):
    """The same record as a PDF for the personnel file."""
    person = _person_in_scope(request, user_id)
    html = render_to_string(
        "hr/transcript_pdf.html",
        {
            "transcript": build_transcript(person=person),
            "jp_target": reports.jp_target(),
            "printed_at": timezone.localtime(),
        },
        request=request,
    )
    record_event(
        actor=request.user,
        action="hr.view_record",
        target=person,
        request=request,
        format="pdf",
    )
    nip = getattr(getattr(person, "asn_profile", None), "nip", "") or person.pk
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="transkrip-{nip}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- exports ---------------------------------------------------------------------


def _audit_export(request, *, report: str, fmt: str, filters) -> None:
    record_event(
        actor=request.user,
        action="hr.export",
        request=request,
        report=report,
        format=fmt,
        filters=filters.as_query(),
    )


# Notes of erased people's completions shown on the export page (newest first).
ERASED_SHOWN = 100


@hr_required
def exports(request):
    form, filters = filters_from_request(request)
    jobs = HrJob.objects.filter(created_by=request.user)[:10]
    return render(
        request,
        "hr/exports.html",
        {
            "form": form,
            "filters": filters,
            "query": urlencode(filters.as_query()),
            "jobs": jobs,
            "columns": exports_module.RIWAYAT_KURSUS_COLUMNS,
            "count": reports.completions(request.user, filters).count()
            + erasure.kept_national_rows(request.user, filters).count(),
            "erased": erasure.erased_completions(request.user, filters)[:ERASED_SHOWN],
        },
    )


def _csv_response(chunks, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@hr_required
def export_riwayat_csv(request):
    _form, filters = filters_from_request(request)
    _audit_export(request, report="riwayat_kursus", fmt="csv", filters=filters)
    rows = exports_module.riwayat_kursus_rows(user=request.user, filters=filters)
    return _csv_response(
        exports_module.csv_chunks(exports_module.RIWAYAT_KURSUS_COLUMNS, rows),
        f"riwayat-kursus-{filters.year or 'semua'}.csv",
    )


@hr_required
def export_jp_recap_csv(request):
    _form, filters = filters_from_request(request)
    _audit_export(request, report="rekap_jp", fmt="csv", filters=filters)
    rows = exports_module.jp_recap_rows(user=request.user, filters=filters)
    return _csv_response(
        exports_module.csv_chunks(exports_module.jp_recap_header(), rows),
        f"rekap-jp-{filters.jp_year}.csv",
    )


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_export(
    request,
    *,
    queryset,
    start_job,
    report: str,
    header: list[str],
    rows,
    filename: str,
    sheet_name: str,
):
    """Small exports come back at once; large ones become a job with progress.

    ``queryset(user=, filters=)`` is counted once, ``rows(user=, filters=)`` is
    read only when the file is written here, ``start_job`` queues the job."""
    form = HrFilterForm(request.POST, user=request.user)
    filters = form.filters()
    count = queryset(user=request.user, filters=filters).count()
    if count > settings.SIGAP_HR_XLSX_SYNC_ROWS:
        job = start_job(
            user=request.user, filters=filters, request=request, total=count
        )
        return redirect("hr:job", job_id=job.pk)
    _audit_export(request, report=report, fmt="xlsx", filters=filters)
    buffer = io.BytesIO()
    exports_module.write_xlsx(
        buffer,
        header,
        rows(user=request.user, filters=filters),
        sheet_name=sheet_name,
    )
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{filename}-{filters.year or "semua"}.xlsx"'
    )
    response["Cache-Control"] = "no-store"
    return response


@hr_required
@require_POST
def export_riwayat_xlsx(request):
    """The national report as XLSX."""
    return _xlsx_export(
        request,
        queryset=exports_module.riwayat_kursus_queryset,
        start_job=services.start_riwayat_xlsx_export,
        report="riwayat_kursus",
        header=exports_module.RIWAYAT_KURSUS_COLUMNS,
        rows=exports_module.riwayat_kursus_rows,
        filename="riwayat-kursus",
        sheet_name="riwayat",
    )


@hr_required
def export_time_csv(request):
    """Learning time per learner and course (not the national file)."""
    _form, filters = filters_from_request(request)
    _audit_export(request, report="waktu_belajar", fmt="csv", filters=filters)
    rows = exports_module.time_spent_rows(user=request.user, filters=filters)
    return _csv_response(
        exports_module.csv_chunks(exports_module.time_spent_header(), rows),
        f"waktu-belajar-{filters.year or 'semua'}.csv",
    )


@hr_required
@require_POST
def export_time_xlsx(request):
    """As the CSV, as XLSX."""
    return _xlsx_export(
        request,
        queryset=exports_module.time_spent_queryset,
        start_job=services.start_time_spent_xlsx_export,
        report="waktu_belajar",
        header=exports_module.time_spent_header(),
        rows=exports_module.time_spent_rows,
        filename="waktu-belajar",
        sheet_name="waktu-belajar",
    )


def _own_job(request, job_id: int) -> HrJob:
    return get_object_or_404(HrJob, pk=job_id, created_by=request.user)


@hr_required
def job_detail(request, job_id: int):
    job = _own_job(request, job_id)
    applied = job.result.get("applied") if isinstance(job.result, dict) else None
    follow_up_ids = (applied or {}).get("follow_up_jobs") or []
    follow_ups = HrJob.objects.filter(pk__in=follow_up_ids, created_by=request.user)
    return render(
        request, "hr/hr_job.html", {"job": job, "follow_ups": list(follow_ups)}
    )


@hr_required
def job_download(request, job_id: int):
    job = _own_job(request, job_id)
    if job.status != HrJob.Status.DONE or not job.result_file:
        raise Http404(_("Berkas belum tersedia."))
    record_event(
        actor=request.user, action="hr.export_download", target=job, request=request
    )
    return serve_private_file(
        job.result_file,
        filename=job.result_file.name.rsplit("/", 1)[-1],
        content_type=XLSX_TYPE,
    )


# --- imports ---------------------------------------------------------------------


@hr_required
def imports(request):
    """Upload a staff list; the dry run's row-by-row result follows on the job page."""
    form = StaffImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.start_staff_import(
                user=request.user, uploaded=form.cleaned_data["file"]
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("hr:job", job_id=job.pk)
    status = 400 if form.errors else 200
    return render(request, "hr/imports.html", {"form": form}, status=status)


@hr_required
def import_template(request):
    chunks = exports_module.csv_chunks(
        TEMPLATE_HEADER,
        [
            [
                "199003152015032001",
                "Nama Pegawai",
                "nama@contoh.go.id",
                "SR-DINKES",
                "",
                "III/a",
            ]
        ],
    )
    return _csv_response(chunks, "contoh-daftar-pegawai.csv")


@hr_required
@require_POST
def import_apply(request, job_id: int):
    job = _own_job(request, job_id)
    if not selectors.can_apply_import(job):
        messages.error(
            request,
            _(
                "Impor ini tidak dapat diterapkan: ada baris bermasalah "
                "atau impor sudah diterapkan."
            ),
        )
        return redirect("hr:job", job_id=job.pk)
    services.apply_staff_import(job=job, request=request)
    return redirect("hr:job", job_id=job.pk)


# --- bulk enrolment --------------------------------------------------------------


@hr_required
def bulk_enrol(request):
    form = BulkEnrolForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = services.bulk_enrol(
            officer=request.user,
            course=data["course"],
            unit=data.get("unit"),
            nips=data["nip_list"],
            deadline=data.get("deadline"),
            request=request,
        )
        messages.success(
            request,
            _(
                "%(enrolled)d pegawai didaftarkan di “%(title)s” dan diberi tahu "
                "lewat email; %(already)d sudah terdaftar sebelumnya."
            )
            % {
                "enrolled": result.enrolled,
                "already": result.already,
                "title": data["course"].title,
            },
        )
    status = 400 if form.errors else 200
    return render(
        request, "hr/bulk_enrol.html", {"form": form, "result": result}, status=status
    )


# --- national record sync (SIASN): reconciliation ---------------------------------

SIASN_ROWS_PER_PAGE = 50


@hr_required
def siasn(request):
    """What went to SIASN for people in scope: sent, failed (with the reason),
    waiting, changed after sending; failed and changed rows can be sent again."""
    status = request.GET.get("status", "")
    if status not in SiasnOutbox.Status.values:
        status = ""
    rows = selectors.siasn_rows(request.user, status=status)
    page = Paginator(rows, SIASN_ROWS_PER_PAGE).get_page(request.GET.get("page"))
    counts = selectors.siasn_counts(request.user)
    return render(
        request,
        "hr/siasn.html",
        {
            "enabled": siasn_enabled(),
            "status": status,
            "statuses": [
                (value, label, counts.by_status[value])
                for value, label in SiasnOutbox.Status.choices
            ],
            "counts": counts,
            "page": page,
            "query": urlencode({"status": status} if status else {}),
            "retryable": (SiasnOutbox.Status.FAILED, SiasnOutbox.Status.CHANGED),
        },
    )


@hr_required
@require_POST
def siasn_retry(request, row_id: int):
    """*Kirim ulang*: a failed or changed row of a person in scope goes again now."""
    row = selectors.siasn_row_in_scope(request.user, row_id)
    if row is None:
        raise Http404(_("Kiriman tidak ditemukan dalam lingkup Anda."))
    if not siasn_enabled():
        messages.error(request, _("Sinkronisasi SIASN belum diaktifkan."))
    elif row.status not in (SiasnOutbox.Status.FAILED, SiasnOutbox.Status.CHANGED):
        messages.info(request, _("Kiriman ini tidak perlu dikirim ulang."))
    else:
        row = siasn_sync.retry_now(row=row, by=request.user, request=request)
        send_siasn_row.enqueue(row.pk)
        messages.success(
            request,
            _("Dijadwalkan untuk dikirim ulang ke SIASN; muat ulang untuk hasilnya."),
        )
    back = request.POST.get("status", "")
    query = (
        f"?{urlencode({'status': back})}" if back in SiasnOutbox.Status.values else ""
    )
    return redirect(reverse("hr:siasn") + query)
