"""Question-bank screens in the Wagtail admin: import a file (dry run, then
confirm), export, download the XLSX template, move or copy a bank.

Every view names a course the person may manage (``can_manage_bank``); any other
course is a 404, as if it did not exist."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courses.models import CoursePage

from . import question_import as service
from .bank_forms import BankTransferForm, QuestionFileForm
from .models import QuestionFormat, QuestionImport
from .permissions import bank_courses, can_manage_bank
from .question_formats import QuestionFileError, xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_TYPE = "text/plain; charset=utf-8"


def _course(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_manage_bank(request.user, course):
        raise Http404(_("Kursus tidak ditemukan."))
    return course


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET"])
def bank_index(request):
    courses = bank_courses(request.user).annotate(question_count=Count("questions"))
    if not courses.exists() and not request.user.has_perm("quizzes.add_question"):
        raise Http404
    return render(request, "quizzes/admin/bank_index.html", {"courses": courses})


@require_http_methods(["GET"])
def xlsx_template(request):
    if not request.user.has_perm("quizzes.add_question"):
        raise Http404
    return _download(xlsx.template(), "templat-soal-sigap.xlsx", XLSX_TYPE)


@require_http_methods(["GET", "POST"])
def import_upload(request, course_id: int):
    course = _course(request, course_id)
    form = QuestionFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = service.start_import(
                course=course,
                user=request.user,
                uploaded=form.cleaned_data["file"],
                format=form.cleaned_data["format"],
            )
        except QuestionFileError as error:
            form.add_error("file", str(error))
        else:
            return redirect("sigap_question_import_review", import_id=record.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "quizzes/admin/import_upload.html",
        {"course": course, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def import_review(request, import_id: int):
    """The dry run of an upload; its POST imports it."""
    record = get_object_or_404(
        QuestionImport.objects.select_related("course"),
        pk=import_id,
        created_by=request.user,
    )
    if not can_manage_bank(request.user, record.course):
        raise Http404
    try:
        rows = service.import_rows(record)
    except QuestionFileError as error:  # the stored file no longer reads
        messages.error(request, str(error))
        return redirect("sigap_question_import", course_id=record.course_id)
    if request.method == "POST":
        outcome = service.apply_import(
            record=record, user=request.user, request=request
        )
        if outcome.applied:
            messages.success(
                request,
                _("%(created)d soal baru diimpor; %(unchanged)d sudah ada.")
                % {"created": outcome.created, "unchanged": outcome.unchanged},
            )
            return redirect("sigap_question_bank")
        checks, status = outcome.checks, 400
        messages.error(request, _("Tidak ada soal yang diimpor: ada baris bermasalah."))
    else:
        checks, status = service.check_rows(course=record.course, rows=rows), 200
    return render(
        request,
        "quizzes/admin/import_review.html",
        {
            "record": record,
            "course": record.course,
            "checks": checks,
            "counts": service.summarise(checks),
        },
        status=status,
    )


@require_http_methods(["GET"])
def export(request, course_id: int):
    course = _course(request, course_id)
    format = request.GET.get("format", "")
    if format:
        if format not in QuestionFormat.values:
            raise Http404
        content, _written, _left_out = service.export_bank(course=course, format=format)
        extension = service.EXTENSIONS[format]
        name = f"bank-soal-{slugify(course.code or course.title)[:40]}.{extension}"
        content_type = XLSX_TYPE if format == QuestionFormat.XLSX else TEXT_TYPE
        return _download(content, name, content_type)
    counts = service.export_counts(course=course)
    formats = [
        {
            "value": value,
            "label": label,
            "written": counts[value][0],
            "left": counts[value][1],
        }
        for value, label in QuestionFormat.choices
    ]
    return render(
        request, "quizzes/admin/export.html", {"course": course, "formats": formats}
    )


@require_http_methods(["GET", "POST"])
def transfer(request, course_id: int):
    """Move or copy a bank: the first POST checks, a POST with ``confirm`` acts."""
    source = _course(request, course_id)
    form = BankTransferForm(request.POST or None, user=request.user, source=source)
    outcome = None
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            target = form.cleaned_data["target"]
            if not can_manage_bank(request.user, target):
                raise Http404
            move = form.cleaned_data["mode"] == "move"
            confirm = "confirm" in request.POST
            outcome = service.transfer_bank(
                source=source,
                target=target,
                user=request.user,
                move=move,
                dry_run=not confirm,
                request=request,
            )
            if outcome.errors:
                status = 400
            elif confirm:
                messages.success(
                    request,
                    _(
                        "Bank soal “%(source)s” → “%(target)s”: %(moved)d dipindah, "
                        "%(copied)d disalin, %(skipped)d sudah ada."
                    )
                    % {
                        "source": source.title,
                        "target": target.title,
                        "moved": outcome.moved,
                        "copied": outcome.copied,
                        "skipped": outcome.merged + outcome.unchanged,
                    },
                )
                return redirect("sigap_question_bank")
    return render(
        request,
        "quizzes/admin/transfer.html",
        {"course": source, "form": form, "outcome": outcome},
        status=status,
    )
