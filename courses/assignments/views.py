"""The learner's side: one assignment's page (answer, status, feedback, hand in
again when a revision is asked) and the download of a handed-in file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.models import Enrolment, LessonPage
from courses.permissions import NOT_PUBLISHED, RESTRICTED, SIGN_IN, may_learn
from lms.accounts.middleware import staff_mfa_redirect
from lms.private_files import serve_private_file

from .forms import SubmissionForm
from .models import Submission
from .permissions import can_view_submission
from .selectors import learner_assignment
from .services import SubmissionClosed, file_content_type, submit_assignment


@login_required
def assignment_view(request, lesson_id: int, block_id: str):
    """GET: the assignment with the learner's rounds and gradings. POST: hand in.
    A refused answer comes back with what was typed (only a chosen file has to
    be chosen again: browsers never send it back)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_course()
    enrolment = (
        Enrolment.objects.current().filter(user=request.user, course=course).first()
    )
    decision = may_learn(
        request.user, course, request=request, page=lesson, enrolment=enrolment
    )
    if enrolment is None or decision.reason in (NOT_PUBLISHED, RESTRICTED, SIGN_IN):
        # Not the learner's course: not even whether the assignment exists.
        raise Http404
    if not decision:
        # Their course, with something to do first (the pre-test, the course's
        # password): the course page says what, as a lesson link does.
        messages.info(request, decision.message)
        return redirect(course.url)
    item = learner_assignment(user=request.user, lesson=lesson, block_id=block_id)
    if item is None:
        raise Http404
    form = None
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, assignment=item.assignment)
        if form.is_valid():
            try:
                submit_assignment(
                    user=request.user,
                    enrolment=enrolment,
                    lesson=lesson,
                    assignment=item.assignment,
                    text=form.cleaned_data.get("text", ""),
                    upload=form.cleaned_data.get("file"),
                )
            except SubmissionClosed as closed:
                messages.warning(request, str(closed.message))
            else:
                messages.success(
                    request, _("Jawaban Anda terkirim. Pengajar akan menilainya.")
                )
            return redirect(
                "assignments:detail", lesson_id=lesson.pk, block_id=block_id
            )
        status = 400
    else:
        status = 200
    if form is None and item.may_submit:
        initial = {"text": item.current.text} if item.current else {}
        form = SubmissionForm(initial=initial, assignment=item.assignment)
    return render(
        request,
        "assignments/assignment.html",
        {
            "lesson": lesson,
            "course": course,
            "item": item,
            "form": form if item.may_submit else None,
        },
        status=status,
    )


@login_required
def download_view(request, submission_id: int):
    """A handed-in file, for its learner, the course's trainer and
    administrators only."""
    submission = get_object_or_404(
        Submission.objects.select_related("course"), pk=submission_id
    )
    if not can_view_submission(request.user, submission) or not submission.file:
        raise Http404
    if submission.user_id != request.user.pk:
        # Staff reading someone else's answer: MFA first, as in the admin.
        mfa = staff_mfa_redirect(request)
        if mfa is not None:
            return mfa
    return serve_private_file(
        submission.file,
        filename=submission.file_name or "berkas",
        content_type=file_content_type(submission),
    )
