"""The trainer's grading queue in the admin (``/cms/tugas/``): the current
rounds of their own courses' assignments, and one answer's grading screen with
its history. Administrators see every course; HR and other trainers nothing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import LessonPage

from .forms import GradingForm
from .models import Submission
from .permissions import can_grade_submission, may_open_queue
from .selectors import find_assignment, grading_queue, submission_history
from .services import GradingRefused, grade_submission

QUEUE_PAGE_SIZE = 50


def queue_view(request):
    if not may_open_queue(request.user):
        raise Http404
    status = request.GET.get("status", Submission.Status.SUBMITTED)
    if status not in Submission.Status.values:
        status = ""
    page = Paginator(grading_queue(user=request.user, status=status), QUEUE_PAGE_SIZE)
    return render(
        request,
        "assignments/admin/queue.html",
        {
            "page": page.get_page(request.GET.get("p")),
            "status": status,
            "statuses": Submission.Status.choices,
        },
    )


def grade_view(request, submission_id: int):
    submission = get_object_or_404(
        Submission.objects.select_related("user", "course", "lesson"),
        pk=submission_id,
    )
    if not can_grade_submission(request.user, submission):
        # Another trainer's course: not even whether the answer exists.
        raise Http404
    lesson = LessonPage.objects.get(pk=submission.lesson_id)
    assignment = find_assignment(lesson=lesson, block_id=submission.block_id)
    if assignment is None:
        raise Http404
    form = GradingForm(request.POST or None, assignment=assignment)
    if request.method == "POST" and form.is_valid():
        try:
            grade_submission(
                submission=submission,
                grader=request.user,
                assignment=assignment,
                decision=form.cleaned_data["decision"],
                feedback=form.cleaned_data["feedback"],
                levels=form.levels(),
                request=request,
            )
        except GradingRefused as refused:
            messages.warning(request, str(refused.message))
            return redirect("sigap_assignment_grade", submission_id)
        messages.success(request, _("Penilaian tersimpan; peserta diberi tahu."))
        return redirect("sigap_assignment_queue")
    return render(
        request,
        "assignments/admin/grade.html",
        {
            "submission": submission,
            "assignment": assignment,
            "lesson": lesson,
            "history": submission_history(submission=submission),
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )
