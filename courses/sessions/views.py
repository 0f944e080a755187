"""Learner and trainer actions on a live session: register, calendar file, join,
attendance code; the attendance list, classroom register and report import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courses.permissions import can_enrol, may_open_course
from lms.accounts.middleware import staff_area
from lms.numbers import parse_int

from .forms import AttendanceCodeForm, ReportUploadForm
from .ics import session_calendar
from .models import AttendanceImport, SessionMode, SessionPage, SessionRegistration
from .permissions import (
    can_manage_attendance,
    can_view_attendance,
    code_accepted_now,
    may_join,
)
from .report_import import ReportFileError, column_map, provider_choices
from .selectors import attendance_list, recent_imports
from .services import (
    SessionRefused,
    apply_report,
    check_uploaded_report,
    enter_attendance_code,
    mark_classroom_register,
    note_join,
    recheck,
    register_for_session,
)


def _visible_session(request, session_id: int) -> SessionPage:
    """A live session of a live course the person may open, else 404."""
    session = get_object_or_404(SessionPage.objects.live(), pk=session_id)
    course = session.get_course()
    if course is None or not may_open_course(
        request.user, course, request=request, page=session
    ):
        raise Http404
    return session


def _own_registration(request, session) -> SessionRegistration:
    return get_object_or_404(SessionRegistration, session=session, user=request.user)


@login_required
@require_POST
def register_view(request, session_id: int):
    session = _visible_session(request, session_id)
    if not can_enrol(request.user):
        messages.info(
            request, _("Lengkapi profil ASN Anda (NIP, unit kerja) sebelum mendaftar.")
        )
        return redirect(f"{reverse('accounts:profile')}?next={session.url}")
    try:
        _registration, created = register_for_session(
            user=request.user, session=session, request=request
        )
    except SessionRefused as refused:
        messages.warning(request, refused.message)
        return redirect(session.url)
    if created:
        messages.success(
            request,
            _(
                "Anda terdaftar di sesi “%(title)s”. Unduh berkas kalender agar "
                "tidak lupa; pengingat juga dikirim lewat email."
            )
            % {"title": session.title},
        )
    return redirect(session.url)


def calendar_view(request, session_id: int):
    """The session's .ics file: public facts only (never the meeting link)."""
    session = _visible_session(request, session_id)
    page_url = request.build_absolute_uri(session.url)
    response = HttpResponse(
        session_calendar(session=session, page_url=page_url),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="sesi-{session.pk}.ics"'
    return response


@login_required
@require_POST
def join_view(request, session_id: int):
    session = _visible_session(request, session_id)
    registration = _own_registration(request, session)
    if session.mode != SessionMode.ONLINE or not may_join(session, registration):
        messages.info(
            request,
            _("Tautan rapat terbuka 30 menit sebelum mulai sampai sesi selesai."),
        )
        return redirect(session.url)
    note_join(registration=registration)
    return redirect(session.meeting_url)


@login_required
@require_POST
def code_view(request, session_id: int):
    session = _visible_session(request, session_id)
    registration = _own_registration(request, session)
    form = AttendanceCodeForm(request.POST)
    if not form.is_valid():
        messages.warning(request, _("Isi kode kehadiran."))
        return redirect(session.url)
    try:
        attendance = enter_attendance_code(
            registration=registration, code=form.cleaned_data["code"]
        )
    except SessionRefused as refused:
        messages.warning(request, refused.message)
        return redirect(session.url)
    messages.success(
        request,
        _("Kehadiran Anda tercatat: %(m)d menit.") % {"m": attendance.minutes_present},
    )
    return redirect(session.url)


# --- the trainer's side ---------------------------------------------------------


def _session_for(request, session_id: int, *, manage: bool) -> SessionPage:
    """The session, if the person may read (or with ``manage``, keep) its
    attendance; else 404, which says nothing of the session."""
    session = get_object_or_404(SessionPage, pk=session_id)
    allowed = (
        can_manage_attendance(request.user, session)
        if manage
        else can_view_attendance(request.user, session)
    )
    if not allowed:
        raise Http404
    return session


@staff_area
@login_required
def attendance_view(request, session_id: int):
    session = _session_for(request, session_id, manage=False)
    manage = can_manage_attendance(request.user, session)
    return render(
        request,
        "sessions/attendance.html",
        {
            "session": session,
            "course": session.get_course(),
            "rows": attendance_list(session=session, viewer=request.user),
            "manage": manage,
            "code_open": code_accepted_now(session),
            "imports": recent_imports(session=session) if manage else [],
        },
    )


@staff_area
@login_required
@require_POST
def classroom_register_view(request, session_id: int):
    session = _session_for(request, session_id, manage=True)
    present = {
        number
        for value in request.POST.getlist("present")
        if (number := parse_int(value, min_value=1)) is not None
    }
    changed = mark_classroom_register(
        session=session, present_ids=present, by=request.user, request=request
    )
    messages.success(
        request, _("Daftar hadir disimpan (%(n)d perubahan).") % {"n": changed}
    )
    return redirect("livesessions:attendance", session.pk)


@staff_area
@login_required
@require_http_methods(["GET", "POST"])
def import_view(request, session_id: int):
    session = _session_for(request, session_id, manage=True)
    form = ReportUploadForm(
        request.POST or None,
        request.FILES or None,
        providers=provider_choices(),
        initial={"provider": "zoom", "file_time_zone": session.time_zone},
    )
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        data = form.cleaned_data
        try:
            record, _check = check_uploaded_report(
                session=session,
                user=request.user,
                data=uploaded.read(),
                file_name=uploaded.name or "laporan.csv",
                provider=data["provider"],
                columns=column_map(
                    provider=data["provider"],
                    manual={
                        "person": data["person_column"],
                        "name": data["name_column"],
                        "join": data["join_column"],
                        "leave": data["leave_column"],
                        "duration": data["duration_column"],
                    },
                ),
                file_time_zone=data["file_time_zone"],
            )
        except ReportFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("livesessions:import_check", session.pk, record.pk)
    return render(
        request,
        "sessions/import.html",
        {"session": session, "course": session.get_course(), "form": form},
    )


@staff_area
@login_required
@require_http_methods(["GET", "POST"])
def import_check_view(request, session_id: int, import_id: int):
    session = _session_for(request, session_id, manage=True)
    record = get_object_or_404(AttendanceImport, pk=import_id, session=session)
    if request.method == "POST":
        try:
            applied = apply_report(
                record=record,
                user=request.user,
                leave_out_unmatched=request.POST.get("leave_out") == "1",
                request=request,
            )
        except SessionRefused as refused:
            messages.warning(request, refused.message)
            return redirect("livesessions:import_check", session.pk, record.pk)
        messages.success(
            request,
            _(
                "Laporan diimpor: %(added)d rentang waktu baru, kehadiran %(people)d "
                "orang dihitung ulang, %(left)d baris dilewati."
            )
            % {
                "added": applied.added,
                "people": applied.people,
                "left": applied.left_out,
            },
        )
        return redirect("livesessions:attendance", session.pk)
    try:
        check = recheck(record)
    except ReportFileError as error:
        messages.warning(request, str(error))
        return redirect("livesessions:import", session.pk)
    return render(
        request,
        "sessions/import_check.html",
        {
            "session": session,
            "course": session.get_course(),
            "record": record,
            "check": check,
            "applied": record.status == AttendanceImport.Status.APPLIED,
        },
    )
