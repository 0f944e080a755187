"""The learner's evaluation form, and the results pages and downloads for the
course's trainers (in the admin, ``wagtail_hooks``) and HR (/hr/evaluasi/); the
supervisor's level-3 survey and HR's level-3 report (/hr/evaluasi-atasan/)."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from courses.models import CoursePage, Enrolment
from courses.permissions import MESSAGES as LEARNING_MESSAGES
from lms.audit.services import record_event
from lms.hr.exports import csv_chunks, write_xlsx
from lms.hr.views import XLSX_TYPE, hr_required

from . import charts
from .exports import level3_header, level3_rows, results_header, results_rows
from .forms import EvaluationForm, SupervisorSurveyForm
from .level3 import (
    SupervisorSurveyIncomplete,
    SupervisorSurveyRefused,
    answer_supervisor_survey,
)
from .level3_reports import level3_report, survey_competencies, surveys_for_supervisor
from .models import SupervisorAnswer, SupervisorSurvey
from .permissions import (
    MESSAGES,
    NOT_ASKED,
    can_answer_supervisor_survey,
    can_view_evaluation_results,
    evaluation_refusal,
)
from .selectors import (
    course_results,
    course_runs,
    evaluated_courses,
    evaluation_form,
    evaluation_trend,
)
from .services import EvaluationIncomplete, EvaluationRefused, submit_evaluation


def _refused(request, course, reason: str):
    message = MESSAGES.get(reason) or LEARNING_MESSAGES.get(reason)
    if message:
        messages.info(request, message)
    return redirect(course.url or "courses:my_courses")


@login_required
def evaluation_form_view(request, course_id: int):
    """The course's evaluation, for an enrolled learner who has done every
    lesson and not sent it yet; sending it may complete the course."""
    course = get_object_or_404(
        CoursePage.objects.live().select_related("trainer"), pk=course_id
    )
    enrolment = (
        Enrolment.objects.current().filter(user=request.user, course=course).first()
    )
    reason = evaluation_refusal(
        request.user, course, enrolment=enrolment, request=request
    )
    if reason == NOT_ASKED:
        raise Http404
    if reason:
        return _refused(request, course, reason)
    assert enrolment is not None  # refused above otherwise
    items = evaluation_form(course=course)
    form = EvaluationForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            completed = submit_evaluation(
                enrolment=enrolment, answers=form.cleaned_data
            )
        except EvaluationRefused as refused:
            return _refused(request, course, refused.reason)
        except EvaluationIncomplete:
            # The form changed between showing and sending: show it again,
            # with what the learner chose.
            form = EvaluationForm(request.POST, items=evaluation_form(course=course))
        else:
            if completed:
                messages.success(
                    request,
                    _(
                        "Terima kasih, evaluasi Anda terkirim. Kursus selesai; "
                        "sertifikat Anda sedang dibuat."
                    ),
                )
            else:
                messages.success(request, _("Terima kasih, evaluasi Anda terkirim."))
            return redirect(course.url or "courses:my_courses")
    return render(
        request,
        "evaluation/form.html",
        {"course": course, "form": form},
        status=400 if form.is_bound else 200,
    )


# --- results ------------------------------------------------------------------------


def _readable_course(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_view_evaluation_results(request.user, course):
        # Another trainer's course: not even whether it exists.
        raise Http404
    return course


def results_context(request, course: CoursePage) -> dict:
    results = course_results(course=course)
    runs = [
        run
        for run in course_runs(course=course)
        if run.pk == course.pk or can_view_evaluation_results(request.user, run)
    ]
    trend = evaluation_trend(runs=runs) if len(runs) > 1 else []
    return {
        "course": course,
        "results": results,
        "section_chart": None if results.too_few else charts.section_chart(results),
        "trend": trend,
        "trend_chart": charts.trend_chart(trend) if trend else None,
    }


def results_page(request, course_id: int, *, template: str, downloads: str):
    """``downloads``: the URL name prefix of the CSV and XLSX downloads."""
    course = _readable_course(request, course_id)
    context = results_context(request, course)
    context["csv_url"] = reverse(f"{downloads}csv", args=(course.pk,))
    context["xlsx_url"] = reverse(f"{downloads}xlsx", args=(course.pk,))
    return render(request, template, context)


def results_download(request, course_id: int, *, fmt: str):
    course = _readable_course(request, course_id)
    record_event(
        actor=request.user,
        action="evaluation.export",
        target=course,
        request=request,
        format=fmt,
    )
    results = course_results(course=course)
    filename = f"evaluasi-{course.code}"
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(results_header(), results_rows(results)),
            content_type="text/csv; charset=utf-8",
        )
    else:
        buffer = io.BytesIO()
        write_xlsx(
            buffer, results_header(), results_rows(results), sheet_name="evaluasi"
        )
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    # The course code is typed by its trainer: quoted (or RFC 5987) by Django.
    response["Content-Disposition"] = content_disposition_header(
        True, f"{filename}.{fmt}"
    )
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def admin_index(request):
    return render(
        request,
        "evaluation/admin/index.html",
        {"listing": evaluated_courses(user=request.user)},
    )


@require_GET
def admin_results(request, course_id: int):
    return results_page(
        request,
        course_id,
        template="evaluation/admin/results.html",
        downloads="sigap_evaluation_",
    )


@require_GET
def admin_download(request, course_id: int, fmt: str):
    return results_download(request, course_id, fmt=fmt)


@hr_required
@require_GET
def hr_index(request):
    return render(
        request,
        "evaluation/hr_index.html",
        {"listing": evaluated_courses(user=request.user)},
    )


@hr_required
@require_GET
def hr_results(request, course_id: int):
    return results_page(
        request,
        course_id,
        template="evaluation/hr_results.html",
        downloads="evaluation:hr_download_",
    )


@hr_required
@require_GET
def hr_download_csv(request, course_id: int):
    return results_download(request, course_id, fmt="csv")


@hr_required
@require_GET
def hr_download_xlsx(request, course_id: int):
    return results_download(request, course_id, fmt="xlsx")


# --- level 3: the supervisor's survey --------------------------------------------


@login_required
@require_GET
def supervisor_surveys(request):
    """The level-3 surveys sent to the signed-in supervisor: waiting, answered."""
    waiting, answered = surveys_for_supervisor(user=request.user)
    return render(
        request,
        "evaluation/supervisor_surveys.html",
        {"waiting": waiting, "answered": answered},
    )


@login_required
def supervisor_survey(request, survey_id: int):
    """One level-3 survey, for the supervisor it was sent to (the e-mail's link
    leads here through the sign-in); answered once."""
    survey = get_object_or_404(
        SupervisorSurvey.objects.select_related("learner", "course", "enrolment"),
        pk=survey_id,
    )
    if not can_answer_supervisor_survey(request.user, survey):
        raise Http404
    if SupervisorAnswer.objects.filter(survey=survey).exists():
        messages.info(request, _("Survei ini sudah Anda jawab. Terima kasih."))
        return redirect("evaluation:supervisor_surveys")
    form = SupervisorSurveyForm(
        request.POST or None, competencies=survey_competencies(survey=survey)
    )
    if request.method == "POST" and form.is_valid():
        try:
            answer_supervisor_survey(
                survey=survey,
                supervisor=request.user,
                ratings=form.ratings(),
                comment=form.cleaned_data["comment"],
                request=request,
            )
        except SupervisorSurveyRefused:
            messages.info(request, _("Survei ini sudah Anda jawab. Terima kasih."))
        except SupervisorSurveyIncomplete:
            # The course's competencies changed between showing and sending.
            form = SupervisorSurveyForm(
                request.POST, competencies=survey_competencies(survey=survey)
            )
            form.is_valid()
            return render(
                request,
                "evaluation/supervisor_survey.html",
                {"survey": survey, "form": form},
                status=400,
            )
        else:
            messages.success(
                request,
                _("Terima kasih, penilaian Anda atas %(name)s tersimpan.")
                % {"name": survey.learner.display_name},
            )
        return redirect("evaluation:supervisor_surveys")
    return render(
        request,
        "evaluation/supervisor_survey.html",
        {"survey": survey, "form": form},
        status=400 if form.is_bound else 200,
    )


# --- level 3: the HR report ------------------------------------------------------


@hr_required
@require_GET
def hr_level3(request):
    return render(
        request,
        "evaluation/hr_level3.html",
        {"report": level3_report(user=request.user)},
    )


def _level3_download(request, *, fmt: str):
    record_event(
        actor=request.user,
        action="evaluation.level3_export",
        target=request.user,
        request=request,
        format=fmt,
    )
    report = level3_report(user=request.user)
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_chunks(level3_header(), level3_rows(report)),
            content_type="text/csv; charset=utf-8",
        )
    else:
        buffer = io.BytesIO()
        write_xlsx(buffer, level3_header(), level3_rows(report), sheet_name="level3")
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="evaluasi-level3.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@hr_required
@require_GET
def hr_level3_csv(request):
    return _level3_download(request, fmt="csv")


@hr_required
@require_GET
def hr_level3_xlsx(request):
    return _level3_download(request, fmt="xlsx")
