"""Admin hooks of the course tree: a trainer reaches only their own courses' pages.

Every course page model asks ``CoursePagePermissionTester`` (courses.page_permissions).
These hooks are defence in depth for page types that other apps hang under a course
(quiz pages…): even a page model without that tester refuses a trainer who does
not own the course, on every page action the admin offers.
"""

from wagtail import hooks
from wagtail.admin.auth import permission_denied

from lms.accounts.permissions import is_only_trainer

from .models.pages import course_of
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
