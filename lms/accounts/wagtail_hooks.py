"""Account screens in the Wagtail admin: data requests (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_carry_out_erasure, is_only_trainer


@hooks.register("register_admin_urls")
def data_request_urls():
    return [
        path(
            "data-pribadi/",
            admin_views.data_request_list,
            name="sigap_data_requests",
        ),
        path(
            "data-pribadi/<int:request_id>/hapus/",
            admin_views.data_request_erase,
            name="sigap_data_request_erase",
        ),
        path(
            "data-pribadi/<int:request_id>/tolak/",
            admin_views.data_request_reject,
            name="sigap_data_request_reject",
        ),
    ]


class AdminOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return can_carry_out_erasure(request.user)


@hooks.register("register_admin_menu_item")
def data_request_menu_item():
    return AdminOnlyMenuItem(
        _("Permintaan data pribadi"),
        reverse("sigap_data_requests"),
        icon_name="user",
        order=910,
    )


# Defence in depth for page types that other apps hang under a course (quiz pages…):
# even a page model without courses.page_permissions' tester refuses a trainer who
# does not own the course.
def _refuse_unless_owner(request, page):
    from wagtail.admin.auth import permission_denied

    from courses.models.pages import course_of
    from courses.page_permissions import owns_course_page

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
