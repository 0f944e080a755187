"""The course dashboard in the admin (``/cms/dasbor-kursus/``): the list of the
courses one may read, and one course's figures with links to its reports."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from courses.models import CoursePage
from courses.parts import COURSE_PARTS

from .dashboard import course_dashboard, dashboard_courses
from .permissions import can_author_course, can_view_course_dashboard


@require_GET
def dashboard_index(request):
    return render(
        request,
        "quizzes/admin/dashboard_index.html",
        {"courses": dashboard_courses(request.user)},
    )


@require_GET
def dashboard_view(request, course_id: int):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_view_course_dashboard(request.user, course):
        # Another trainer's course: not even whether it exists.
        raise Http404
    reports = can_author_course(request.user, course)
    return render(
        request,
        "quizzes/admin/dashboard.html",
        {
            "course": course,
            "dashboard": course_dashboard(course=course),
            # The learner-facing reports are for the trainer and administrators.
            "reports": reports,
            # Other parts' screens (the attendance of each live session, ...).
            "part_links": [
                link
                for part in COURSE_PARTS
                for link in part.trainer_links(course=course)
            ]
            if reports
            else [],
        },
    )
