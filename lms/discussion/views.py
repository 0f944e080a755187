"""The discussion pages (/diskusi/): thin views. Whoever may not read a course's
discussion finds nothing there (404), as for any record not theirs. They show
learners' posts to trainers and administrators: staff screens (MFA for staff)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import CoursePage, LessonPage
from lms.accounts.middleware import staff_area
from lms.numbers import parse_int
from lms.ratelimit import refuse_secret_miss

from . import permissions, selectors, services
from .forms import PostForm, ReasonForm, ThreadForm
from .models import Post, PostReport, Thread

NOT_FOUND = gettext_lazy("Diskusi tidak ditemukan.")


def _course_or_404(user, course_id: int) -> CoursePage:
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not permissions.can_read_discussion(user, course):
        raise Http404(NOT_FOUND)
    return course


def _thread_or_404(user, thread_id: int) -> Thread:
    thread = Thread.objects.select_related("course", "lesson").filter(pk=thread_id)
    thread = thread.first()
    if thread is None or not permissions.can_see_thread(user, thread):
        raise Http404(NOT_FOUND)
    return thread


def _post_or_404(user, post_id: int) -> Post:
    post = (
        Post.objects.select_related("thread", "thread__course", "user")
        .filter(pk=post_id)
        .first()
    )
    if post is None or not permissions.can_see_thread(user, post.thread):
        raise Http404(NOT_FOUND)
    return post


def _too_many(request, template: str, context: dict):
    """The form again, as typed, with why it was not sent (429)."""
    messages.error(
        request, _("Terlalu banyak pesan dalam waktu singkat. Tunggu sebentar.")
    )
    return render(request, template, context, status=429)


@staff_area
@login_required
def course_index(request, course_id: int):
    course = _course_or_404(request.user, course_id)
    moderator = permissions.can_moderate(request.user, course)
    return render(
        request,
        "discussion/course.html",
        {
            "course": course,
            "threads": selectors.course_threads(course=course, moderator=moderator),
            "moderator": moderator,
            "report_count": selectors.open_report_count(course=course)
            if moderator
            else 0,
            "digest_opt_out": selectors.digest_opted_out(request.user),
        },
    )


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def new_thread(request, course_id: int):
    course = _course_or_404(request.user, course_id)
    form = ThreadForm(request.POST or None)
    context = {"course": course, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(
                user=request.user, course=course, **form.cleaned_data
            )
        except services.TooManyPosts:
            return _too_many(request, "discussion/new_thread.html", context)
        return redirect("discussion:thread", thread_id=thread.pk)
    return render(request, "discussion/new_thread.html", context)


def _thread_page(request, thread: Thread, form: PostForm, status: int = 200):
    course = thread.course
    moderator = permissions.can_moderate(request.user, course)
    posts = list(selectors.thread_posts(thread=thread))
    may_reply = permissions.can_reply(request.user, thread)
    for post in posts:
        post.editable = permissions.can_edit(request.user, post, may_reply=may_reply)
        post.by_trainer = post.user_id is not None and post.user_id == course.trainer_id
    return render(
        request,
        "discussion/thread.html",
        {
            "course": course,
            "thread": thread,
            "posts": posts,
            "form": form,
            "moderator": moderator,
            "can_reply": may_reply,
            # A reply refused (the thread was locked meanwhile) stays on screen.
            "kept_typed": form.is_bound,
            "first_post_id": posts[0].pk if posts else None,
        },
        status=status,
    )


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def thread(request, thread_id: int):
    """The thread and, for those who may, the reply form (posting to itself)."""
    thread = _thread_or_404(request.user, thread_id)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.reply(
                user=request.user, thread=thread, body=form.cleaned_data["body"]
            )
        except services.DiscussionRefused:
            messages.error(
                request, _("Topik ini dikunci; balasan tidak dapat dikirim.")
            )
            return _thread_page(request, thread, form, status=403)
        except services.TooManyPosts:
            messages.error(
                request, _("Terlalu banyak pesan dalam waktu singkat. Tunggu sebentar.")
            )
            return _thread_page(request, thread, form, status=429)
        return redirect(f"{thread_url(thread)}#p{post.pk}")
    return _thread_page(request, thread, form)


def thread_url(thread: Thread) -> str:
    return reverse("discussion:thread", kwargs={"thread_id": thread.pk})


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def lesson_thread(request, lesson_id: int):
    """*Tanya pengajar* of a lesson: its thread once someone asked, else the
    question form that opens it."""
    lesson = LessonPage.objects.live().filter(pk=lesson_id).specific().first()
    course = lesson.get_course() if lesson is not None else None
    if course is None or not permissions.can_read_discussion(request.user, course):
        raise Http404(NOT_FOUND)
    existing = selectors.lesson_thread(lesson=lesson)
    if existing is not None and request.method == "GET":
        return redirect("discussion:thread", thread_id=existing.pk)
    form = PostForm(request.POST or None)
    context = {"course": course, "lesson": lesson, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            post = services.ask_about_lesson(
                user=request.user, lesson=lesson, body=form.cleaned_data["body"]
            )
        except services.TooManyPosts:
            return _too_many(request, "discussion/lesson.html", context)
        except services.DiscussionRefused:
            messages.error(
                request, _("Topik ini dikunci; pertanyaan tidak dapat dikirim.")
            )
            return render(request, "discussion/lesson.html", context, status=403)
        return redirect(f"{thread_url(post.thread)}#p{post.pk}")
    return render(request, "discussion/lesson.html", context)


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def edit(request, post_id: int):
    post = _post_or_404(request.user, post_id)
    if post.user_id != request.user.pk:
        raise Http404(NOT_FOUND)
    form = PostForm(request.POST or None, initial={"body": post.body})
    context = {"post": post, "thread": post.thread, "form": form}
    if not permissions.can_edit(request.user, post):
        messages.info(
            request,
            _("Pesan hanya dapat diubah dalam %(minutes)d menit setelah dikirim.")
            % {"minutes": permissions.edit_window().seconds // 60},
        )
        return redirect(f"{thread_url(post.thread)}#p{post.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                user=request.user, post=post, body=form.cleaned_data["body"]
            )
        except services.DiscussionRefused:
            messages.error(request, _("Waktu untuk mengubah pesan ini sudah lewat."))
            return render(request, "discussion/edit.html", context, status=403)
        except services.TooManyPosts:
            return _too_many(request, "discussion/edit.html", context)
        messages.success(request, _("Pesan diubah."))
        return redirect(f"{thread_url(post.thread)}#p{post.pk}")
    return render(request, "discussion/edit.html", context)


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def report(request, post_id: int):
    post = _post_or_404(request.user, post_id)
    if not permissions.can_report(request.user, post):
        raise Http404(NOT_FOUND)
    form = ReasonForm(request.POST or None)
    context = {"post": post, "thread": post.thread, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(
                user=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except services.AlreadyReported:
            messages.info(request, _("Anda sudah melaporkan pesan ini."))
        except services.TooManyPosts:
            return _too_many(request, "discussion/report.html", context)
        else:
            messages.success(
                request, _("Terima kasih. Laporan Anda diteruskan ke pengajar.")
            )
        return redirect(f"{thread_url(post.thread)}#p{post.pk}")
    return render(request, "discussion/report.html", context)


@staff_area
@require_http_methods(["GET", "POST"])
@login_required
def moderate_post(request, post_id: int):
    """Hide (with a reason: GET shows the form), show again, mark or unmark as
    the trainer's answer."""
    post = _post_or_404(request.user, post_id)
    if not permissions.can_moderate(request.user, post.thread.course):
        raise Http404(NOT_FOUND)
    action = request.POST.get("action", "hide")
    form = ReasonForm(request.POST if action == "hide" else None)
    context = {"post": post, "thread": post.thread, "form": form}
    if request.method == "POST":
        if action == "hide":
            if not form.is_valid():
                return render(request, "discussion/hide.html", context)
            services.hide_post(
                user=request.user,
                post=post,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("Pesan disembunyikan."))
        elif action == "unhide":
            services.unhide_post(user=request.user, post=post, request=request)
            messages.success(request, _("Pesan ditampilkan kembali."))
        elif action in {"answer", "unanswer"}:
            services.mark_answer(
                user=request.user,
                post=post,
                is_answer=action == "answer",
                request=request,
            )
        else:
            raise Http404(NOT_FOUND)
        return redirect(f"{thread_url(post.thread)}#p{post.pk}")
    return render(request, "discussion/hide.html", context)


@staff_area
@require_POST
@login_required
def moderate_thread(request, thread_id: int):
    """Pin or unpin, lock or unlock."""
    thread = _thread_or_404(request.user, thread_id)
    if not permissions.can_moderate(request.user, thread.course):
        raise Http404(NOT_FOUND)
    action = request.POST.get("action")
    if action in {"pin", "unpin"}:
        services.set_pinned(
            user=request.user, thread=thread, pinned=action == "pin", request=request
        )
        messages.success(
            request,
            _("Topik disematkan.") if action == "pin" else _("Sematan dilepas."),
        )
    elif action in {"lock", "unlock"}:
        services.set_locked(
            user=request.user, thread=thread, locked=action == "lock", request=request
        )
        messages.success(
            request,
            _("Topik dikunci.") if action == "lock" else _("Topik dibuka kembali."),
        )
    else:
        raise Http404(NOT_FOUND)
    return redirect("discussion:thread", thread_id=thread.pk)


@staff_area
@login_required
def reports(request, course_id: int):
    """The course's open reports, for its moderators."""
    course = _course_or_404(request.user, course_id)
    if not permissions.can_moderate(request.user, course):
        raise Http404(NOT_FOUND)
    return render(
        request,
        "discussion/reports.html",
        {"course": course, "reports": selectors.open_reports(course=course)},
    )


@staff_area
@require_POST
@login_required
def dismiss_report(request, report_id: int):
    report = (
        PostReport.objects.select_related("post__thread__course")
        .filter(pk=report_id)
        .first()
    )
    if report is None or not permissions.can_moderate(
        request.user, report.post.thread.course
    ):
        raise Http404(NOT_FOUND)
    services.dismiss_report(user=request.user, report=report, request=request)
    messages.success(request, _("Laporan ditandai selesai; pesan tetap tampil."))
    return redirect("discussion:reports", course_id=report.post.thread.course_id)


@require_POST
@login_required
def digest_preference(request):
    """Anyone signed in turns the reply digest on or off."""
    opt_out = request.POST.get("digest") != "on"
    services.set_digest_opt_out(user=request.user, opt_out=opt_out)
    messages.success(
        request,
        _("Ringkasan balasan diskusi tidak dikirim lagi.")
        if opt_out
        else _("Ringkasan balasan diskusi akan dikirim lewat e-mail."),
    )
    back = parse_int(request.POST.get("course"), min_value=1)
    if back is not None:
        return redirect("discussion:course", course_id=back)
    return redirect("courses:my_courses")


@require_http_methods(["GET", "POST"])
def digest_opt_out(request, token: str):
    """The link in the digest e-mail: a confirmation page (GET changes nothing,
    for mail scanners), one button (POST)."""
    user = services.user_from_opt_out_token(token)
    if user is None:
        if refused := refuse_secret_miss(request):
            return refused
        raise Http404(_("Tautan tidak sah."))
    done = False
    if request.method == "POST":
        services.set_digest_opt_out(user=user, opt_out=True)
        done = True
    return render(request, "discussion/digest_opt_out.html", {"done": done})
