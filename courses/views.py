"""Learner actions on courses: enrol, mark a lesson done, "Kursus saya"."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.ics import calendar
from lms.ratelimit import refuse_secret_miss

from . import agenda
from .dashboard import dashboard_sections
from .learning_time import MarkedDoneTooEarly
from .models import CoursePage, Enrolment, LessonPage
from .permissions import (
    NOT_PUBLISHED,
    RESTRICTED,
    can_enrol,
    may_learn,
    may_open_course,
)
from .selectors import my_courses
from .services import enrol, mark_lesson_complete, record_heartbeat


def _refused(request, course, decision):
    """Back to the course page, which asks for the password or says what to do
    first; a course the person may not see at all is not found."""
    if decision.reason in (NOT_PUBLISHED, RESTRICTED):
        raise Http404
    messages.info(request, decision.message)
    return redirect(course.url)


@login_required
@require_POST
def enrol_view(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    decision = may_open_course(request.user, course, request=request)
    if not decision:
        return _refused(request, course, decision)
    if not can_enrol(request.user):
        messages.info(
            request, _("Lengkapi profil ASN Anda (NIP, unit kerja) sebelum mendaftar.")
        )
        return redirect(f"{reverse('accounts:profile')}?next={course.url}")
    enrolment, created = enrol(user=request.user, course=course)
    if created:
        messages.success(
            request,
            _("Anda terdaftar di kursus “%(title)s”.") % {"title": course.title},
        )
    first_lesson = course.lessons().first()
    return redirect(first_lesson.url if first_lesson else course.url)


@login_required
@require_POST
def complete_lesson_view(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_course()
    enrolment = get_object_or_404(Enrolment, user=request.user, course=course)
    decision = may_learn(
        request.user, course, request=request, page=lesson, enrolment=enrolment
    )
    if not decision:
        return _refused(request, course, decision)
    try:
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    except MarkedDoneTooEarly as early:
        messages.warning(request, early.message)
        return redirect(lesson.url)
    enrolment.refresh_from_db()
    if enrolment.is_completed:
        messages.success(request, _("Selamat! Anda telah menyelesaikan kursus ini."))
        return redirect("courses:my_courses")
    next_lesson = lesson.get_next_siblings().live().type(LessonPage).first()
    messages.success(request, _("Pelajaran ditandai selesai."))
    return redirect(next_lesson.url if next_lesson else course.url)


@login_required
@require_POST
def lesson_heartbeat_view(request, lesson_id: int):
    """The open lesson page's heartbeat (``static/js/lesson.js``): counts active
    time on the learner's own visit by the server's clock; the request carries
    nothing but its CSRF token, and anything else it carries is ignored."""
    if not record_heartbeat(user=request.user, lesson_id=lesson_id):
        raise Http404
    return HttpResponse(status=204)


@login_required
def my_courses_view(request):
    """The learner's dashboard: where to continue, what is due, every course."""
    items = agenda.agenda(user=request.user)
    today = timezone.localdate()
    return render(
        request,
        "courses/my_courses.html",
        {
            "rows": my_courses(user=request.user),
            "sections": dashboard_sections(user=request.user),
            "resume": agenda.resume(user=request.user),
            "due": agenda.upcoming(items, today=today)[:6],
            "today": today,
            "feed_url": request.build_absolute_uri(
                reverse("courses:agenda_feed", args=[agenda.feed_key(request.user)])
            ),
        },
    )


def _month(request) -> tuple[int, int]:
    """``?bulan=2026-12``; this month when absent or unreadable."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET["bulan"].split("-"))
        datetime.date(year, month, 1)
    except (KeyError, ValueError):
        return today.year, today.month
    if not 2000 <= year <= 2100:
        return today.year, today.month
    return year, month


@login_required
def agenda_calendar_view(request):
    """A month of the learner's deadlines and live sessions."""
    year, month = _month(request)
    first = datetime.date(year, month, 1)
    previous = first - datetime.timedelta(days=1)
    following = first + datetime.timedelta(days=32)
    items = agenda.agenda(user=request.user)
    return render(
        request,
        "courses/agenda_calendar.html",
        {
            "month": first,
            "weeks": agenda.month_grid(items, year=year, month=month),
            "month_items": [item for item in items if item.day.replace(day=1) == first],
            "previous": f"{previous:%Y-%m}",
            "following": f"{following:%Y-%m}",
            "today": timezone.localdate(),
        },
    )


def agenda_feed_view(request, key: str):
    """The learner's agenda as an iCalendar feed. No sign-in (a calendar app has
    none): the key in the address is the person's own (``agenda.feed_key``)."""
    user = agenda.user_from_feed_key(key)
    if user is None:
        if refused := refuse_secret_miss(request):
            return refused
        raise Http404
    body = calendar(
        agenda.feed_events(agenda.agenda(user=user)),
        product=agenda.PRODUCT,
        now=timezone.now(),
        name=_("Sigap: agenda belajar"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
