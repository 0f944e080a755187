"""Admin hooks of the course tree: a trainer reaches only their own courses' pages.

Every course page model asks ``CoursePagePermissionTester`` (courses.page_permissions).
These hooks are defence in depth for page types that other apps hang under a course
(quiz pages…): even a page model without that tester refuses a trainer who does
not own the course, on every page action the admin offers.
"""

from django.contrib import messages
from wagtail import hooks
from wagtail.admin.auth import permission_denied

from lms.accounts.permissions import is_only_trainer

from .course_time import course_learning_time, jp_warning
from .models.pages import CoursePage, course_of
from .page_permissions import owns_course_page


def _refuse_unless_owner(request, page):
    if (
        is_only_trainer(request.user)
        and course_of(page) is not None
        and not owns_course_page(request.user, page)
    ):
        return permission_denied(request)
    return None


@hooks.register("before_edit_page")
def _guard_edit(request, page):
    return _refuse_unless_owner(request, page)


@hooks.register("before_edit_page")
def _warn_jp_beyond_learning_time(request, page):
    """Whoever opens a course's editor (its trainer, or a reviewer deciding on it
    under moderation) is told at the top when its JP is more than its measured
    learning time supports; the course panel says the same beside the JP."""
    if request.method != "GET" or not isinstance(page, CoursePage):
        return None
    warning = jp_warning(
        course=page, time=course_learning_time(course=page, drafts=True)
    )
    if warning:
        messages.warning(request, warning)
    return None


@hooks.register("before_delete_page")
def _guard_delete(request, page):
    return _refuse_unless_owner(request, page)


@hooks.register("before_copy_page")
def _guard_copy(request, page):
    return _refuse_unless_owner(request, page)


@hooks.register("before_move_page")
def _guard_move(request, page, destination):
    return _refuse_unless_owner(request, page) or _refuse_unless_owner(
        request, destination
    )


@hooks.register("before_create_page")
def _guard_create(request, parent_page, page_class):
    return _refuse_unless_owner(request, parent_page)
