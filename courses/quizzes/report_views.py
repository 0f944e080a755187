"""Trainer views: quiz report with item analysis, course growth, regrade."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import CoursePage
from lms.accounts.middleware import staff_area

from .models import QuizPage
from .permissions import can_author_course, can_view_quiz_reports
from .regrade import regrade_quiz
from .reports import course_growth, item_analysis, key_check, quiz_summary
from .selectors import live_quizzes


def _reportable_quiz(request, quiz_id: int) -> QuizPage:
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not can_view_quiz_reports(request.user, quiz):
        raise Http404
    return quiz


@staff_area
@login_required
def quiz_report_view(request, quiz_id: int):
    quiz = _reportable_quiz(request, quiz_id)
    return render(
        request,
        "quizzes/quiz_report.html",
        {
            "quiz": quiz,
            "course": quiz.get_course(),
            "summary": quiz_summary(quiz=quiz),
            "items": item_analysis(quiz=quiz),
            "key_check": key_check(quiz=quiz),
        },
    )


@staff_area
@login_required
def course_report_view(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_author_course(request.user, course):
        raise Http404
    quizzes = live_quizzes(course=course)
    return render(
        request,
        "quizzes/course_report.html",
        {
            "course": course,
            "growth": course_growth(course=course),
            "quizzes": [(quiz, quiz_summary(quiz=quiz)) for quiz in quizzes],
        },
    )


@staff_area
@login_required
def regrade_view(request, quiz_id: int):
    """GET explains; POST ``dry`` lists the changes; POST ``apply`` applies them."""
    quiz = _reportable_quiz(request, quiz_id)
    result = None
    if request.method == "POST":
        apply = request.POST.get("action") == "apply"
        result = regrade_quiz(
            quiz=quiz, actor=request.user, apply=apply, request=request
        )
        if apply:
            messages.success(
                request,
                _("Penilaian ulang diterapkan: %(n)d percobaan berubah nilainya.")
                % {"n": len(result.changes)},
            )
            return redirect("quizzes:report", quiz.pk)
    return render(
        request,
        "quizzes/regrade.html",
        {"quiz": quiz, "course": quiz.get_course(), "result": result},
    )
