"""Admin screens: the standard evaluation form (a snippet, administrators only by
role rights) and the evaluation results of the courses one may read."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import lms.converters  # noqa: F401  (registers <id:…>)
from courses.models import CoursePage

from . import views
from .models import StandardQuestion
from .permissions import can_view_evaluation_results, evaluation_courses_q


class StandardQuestionViewSet(SnippetViewSet):
    model = StandardQuestion
    icon = "form"
    menu_label = _("Formulir evaluasi standar")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["text", "section", "kind", "sort_order", "active"]
    list_filter = ["section", "active"]
    ordering = ["sort_order", "pk"]


register_snippet(StandardQuestionViewSet)


@hooks.register("register_admin_urls")
def evaluation_urls():
    return [
        path("evaluasi/", views.admin_index, name="sigap_evaluation_index"),
        path(
            "evaluasi/<id:course_id>/",
            views.admin_results,
            name="sigap_evaluation_results",
        ),
        path(
            "evaluasi/<id:course_id>/hasil.csv",
            views.admin_download,
            {"fmt": "csv"},
            name="sigap_evaluation_csv",
        ),
        path(
            "evaluasi/<id:course_id>/hasil.xlsx",
            views.admin_download,
            {"fmt": "xlsx"},
            name="sigap_evaluation_xlsx",
        ),
    ]


class EvaluationMenuItem(MenuItem):
    def is_shown(self, request):
        return CoursePage.objects.filter(evaluation_courses_q(request.user)).exists()


@hooks.register("register_admin_menu_item")
def evaluation_menu_item():
    return EvaluationMenuItem(
        _("Evaluasi kursus"),
        reverse("sigap_evaluation_index"),
        icon_name="list-ul",
        order=206,
    )


@hooks.register("register_page_header_buttons")
def evaluation_button(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, CoursePage):
        return
    course = page.specific_deferred
    if can_view_evaluation_results(user, course):
        yield Button(
            _("Hasil evaluasi"),
            reverse("sigap_evaluation_results", args=(course.pk,)),
            icon_name="list-ul",
            priority=21,
        )
