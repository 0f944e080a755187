"""Admin hooks of the course tree: a trainer reaches only their own courses' pages;
a course is submitted, reviewed and copied whole.

Every course page model asks ``CoursePagePermissionTester`` (courses.page_permissions).
These hooks are defence in depth for page types that other apps hang under a course
(quiz pages…): even a page model without that tester refuses a trainer who does
not own the course, on every page action the admin offers.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets import Button

import lms.converters  # noqa: F401  (registers <id:…>)
from lms.accounts.permissions import is_only_trainer

from . import admin_views
from .course_time import course_learning_time, jp_warning
from .models import CatalogPage, CoursePage
from .models.pages import course_of
from .page_permissions import owns_course_page
from .permissions import may_copy_course, may_submit_course


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


# --- the whole course at once: submit, review, copy ---------------------------


@hooks.register("register_admin_urls")
def _course_admin_urls():
    return [
        path(
            "kursus/<id:course_id>/tinjauan/",
            require_http_methods(["GET", "POST"])(admin_views.course_review_view),
            name="sigap_course_review",
        ),
        path(
            "kursus/<id:course_id>/salin/",
            require_http_methods(["GET", "POST"])(admin_views.copy_course_view),
            name="sigap_course_copy",
        ),
    ]


class SubmitWholeCourseMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit, on a course page: it carries every page below the course
    (the review task notes them, ``courses.models.review``)."""

    label = _("Ajukan seluruh kursus")

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = self.label
        return context


@hooks.register("construct_page_action_menu")
def _submit_whole_courses_only(menu_items, request, context):
    page = context.get("page")
    parent = context.get("parent_page")
    for index, item in reversed(list(enumerate(menu_items))):
        if item.name != "action-submit":
            continue
        if isinstance(page, CoursePage) or (
            context.get("view") == "create" and isinstance(parent, CatalogPage)
        ):
            menu_items[index] = SubmitWholeCourseMenuItem(order=item.order)
        elif parent is not None and course_of(parent) is not None:
            # A new lesson or quiz is submitted with its course, not alone.
            del menu_items[index]


@hooks.register("before_create_page")
def _no_submission_of_a_page_inside_a_course(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-submit"):
        course = course_of(parent_page)
        if course is not None:
            messages.error(
                request,
                _(
                    "Pelajaran dan kuis diajukan bersama kursusnya: simpan sebagai "
                    "draf, lalu pilih “Ajukan seluruh kursus”."
                ),
            )
            return redirect("wagtailadmin_pages:edit", course.pk)
    return None


@hooks.register("register_page_header_buttons")
def _whole_course_buttons(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, CoursePage):
        return
    course = page.specific_deferred
    if may_submit_course(user, course):
        yield Button(
            _("Tinjauan seluruh kursus"),
            reverse("sigap_course_review", args=(course.pk,)),
            icon_name="clipboard-list",
            priority=25,
        )
    if may_copy_course(user, course):
        yield Button(
            _("Salin sebagai angkatan baru"),
            reverse("sigap_course_copy", args=(course.pk,)),
            icon_name="copy",
            priority=31,
        )


@hooks.register("before_copy_page")
def _copy_courses_as_new_runs(request, page):
    # Wagtail's own copy would leave the copy's quizzes on the original's
    # questions: a course is copied with its bank, by ``courses.copying``.
    if isinstance(page.specific_deferred, CoursePage):
        return redirect("sigap_course_copy", page.pk)
    return None
