"""Admin screens for a whole course: submit and review it at once, copy it as a
new run. Thin: each asks a named rule and calls one service."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .copying import copy_course, next_run_title
from .models import CoursePage
from .permissions import may_copy_course, may_submit_course
from .review import course_review, decide_course_review, submit_course_for_review

DECISIONS = {"approve": True, "reject": False}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[(name, name) for name in DECISIONS])
    comment = forms.CharField(
        label=gettext_lazy("Komentar untuk pengajar"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _course_or_404(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage, pk=course_id)


def course_review_view(request, course_id: int):
    """GET: the course's pages with what changed since their published version.
    POST ``submit``: submit the whole course; POST ``decision``: approve or
    reject it as a whole, with a comment."""
    course = _course_or_404(course_id)
    review = course_review(course=course, user=request.user)
    if not (may_submit_course(request.user, course) or review.can_decide):
        raise PermissionDenied
    form = DecisionForm()
    if request.method == "POST":
        edit_url = reverse("wagtailadmin_pages:edit", args=(course.pk,))
        try:
            if "submit" in request.POST:
                submit_course_for_review(course=course, user=request.user)
                messages.success(
                    request,
                    _("Kursus %(title)s beserta seluruh halamannya telah diajukan.")
                    % {"title": course.title},
                )
                return redirect(edit_url)
            form = DecisionForm(request.POST)
            if form.is_valid():
                approve = DECISIONS[form.cleaned_data["decision"]]
                decide_course_review(
                    course=course,
                    user=request.user,
                    approve=approve,
                    comment=form.cleaned_data["comment"],
                )
                done = (
                    _("Kursus %(title)s disetujui dan diterbitkan.")
                    if approve
                    else _("Kursus %(title)s dikembalikan kepada pengajar.")
                )
                messages.success(request, done % {"title": course.title})
                return redirect(reverse("wagtailadmin_home"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
    return render(
        request,
        "courses/admin/course_review.html",
        {
            "course": course,
            "review": review,
            "form": form,
            "may_submit": review.task_state is None
            and may_submit_course(request.user, course),
        },
    )


class CopyCourseForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Judul kursus baru"), max_length=255)


def copy_course_view(request, course_id: int):
    """Copy a course with its lessons, quizzes and question bank as a new draft
    run that belongs to the one copying it."""
    course = _course_or_404(course_id)
    if not may_copy_course(request.user, course):
        raise PermissionDenied
    form = CopyCourseForm(
        request.POST or None, initial={"title": next_run_title(course)}
    )
    if request.method == "POST" and form.is_valid():
        copy = copy_course(
            course=course, user=request.user, title=form.cleaned_data["title"]
        )
        messages.success(
            request,
            _("Salinan %(title)s dibuat sebagai draf.") % {"title": copy.title},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=(copy.pk,)))
    return render(
        request, "courses/admin/copy_course.html", {"course": course, "form": form}
    )
