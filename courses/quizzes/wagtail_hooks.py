"""Admin screens: the question bank as a snippet viewset, scoped to a trainer's
own courses (plus shared questions), in its listing and in its chooser, and on
every per-question route by ``CourseOwnedSnippetPolicy``; beside it the bank's
import, export and move screens (``bank_views``)."""

from functools import cached_property

from django.db.models import prefetch_related_objects
from django.urls import path, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView

import lms.converters  # noqa: F401  (registers <id:…>)
from courses.models import CoursePage
from courses.page_permissions import CourseOwnedSnippetPolicy
from lms.admin_choosers import scoped_chooser_viewset
from lms.admin_policies import PolicyGuardedSnippetViewSet

from . import bank_views, dashboard_views
from .bank_filters import QuestionBankFilterSet
from .dashboard import dashboard_courses
from .models import Question
from .permissions import can_view_course_dashboard, questions_for
from .reports import BankItemStats, bank_item_stats

# Before any view asks for it: Wagtail would otherwise make a model-wide one.
register_permission_policy(Question, CourseOwnedSnippetPolicy(Question))


def _figure(value: float | None) -> str:
    return "–" if value is None else number_format(value, 2)


class StatCells:
    """What the listing shows of a question's ``BankItemStats``."""

    def __init__(self, stats: BankItemStats):
        self.facility = (
            f"{_figure(stats.facility)} (n={stats.responses})"
            if stats.responses
            else "–"
        )
        self.discrimination = _figure(stats.discrimination)
        self.flags = "; ".join(str(flag) for flag in stats.flags) or "–"


class QuestionIndexView(IndexView):
    """The bank's listing, with a button to the import, export and move screen,
    and each listed question's statistics (for the page shown only: one query for
    the choices, one for the statistics, whatever the page size)."""

    def get_table(self, object_list):
        questions = list(object_list)
        prefetch_related_objects(questions, "choices")
        stats = bank_item_stats(questions=questions)
        for question in questions:
            question.bank_stats = StatCells(stats[question.pk])
        return super().get_table(questions)

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("quizzes.add_question"):
            buttons.append(
                HeaderButton(
                    _("Impor / ekspor soal"),
                    url=reverse("sigap_question_bank"),
                    icon_name="upload",
                )
            )
        return buttons


class QuestionViewSet(PolicyGuardedSnippetViewSet):
    """Bank soal: list, filter by course (the user's own), type, difficulty, tag
    and use; each question's statistics beside it; with revisions."""

    model = Question
    icon = "help"
    menu_label = _("Bank soal")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    list_display = [
        "__str__",
        "type",
        "course",
        "difficulty",
        Column(
            "facility",
            label=_("Tingkat kemudahan (p)"),
            accessor=lambda question: question.bank_stats.facility,
        ),
        Column(
            "discrimination",
            label=_("Daya beda"),
            accessor=lambda question: question.bank_stats.discrimination,
        ),
        Column(
            "key_flags",
            label=_("Peringatan kunci"),
            accessor=lambda question: question.bank_stats.flags,
        ),
    ]
    filterset_class = QuestionBankFilterSet
    search_fields = ["text"]
    # Plain ``icontains`` on the text: finds parts of words, and works on every
    # database (the SQLite full-text index has no per-field "text" column).
    search_backend_name = None
    # Picking a question for a quiz offers only the questions one may list.
    chooser_viewset_class = scoped_chooser_viewset(questions_for)

    def get_queryset(self, request):
        return questions_for(request.user)


register_snippet(QuestionViewSet)


@hooks.register("register_admin_urls")
def question_bank_urls():
    return [
        path("bank-soal/", bank_views.bank_index, name="sigap_question_bank"),
        path(
            "bank-soal/templat.xlsx",
            bank_views.xlsx_template,
            name="sigap_question_template",
        ),
        path(
            "bank-soal/<id:course_id>/impor/",
            bank_views.import_upload,
            name="sigap_question_import",
        ),
        path(
            "bank-soal/impor/<id:import_id>/",
            bank_views.import_review,
            name="sigap_question_import_review",
        ),
        path(
            "bank-soal/<id:course_id>/ekspor/",
            bank_views.export,
            name="sigap_question_export",
        ),
        path(
            "bank-soal/<id:course_id>/pindahkan/",
            bank_views.transfer,
            name="sigap_question_transfer",
        ),
        path(
            "dasbor-kursus/",
            dashboard_views.dashboard_index,
            name="sigap_course_dashboards",
        ),
        path(
            "dasbor-kursus/<id:course_id>/",
            dashboard_views.dashboard_view,
            name="sigap_course_dashboard",
        ),
    ]


class BankMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("quizzes.add_question")


@hooks.register("register_admin_menu_item")
def question_bank_menu_item():
    return BankMenuItem(
        _("Impor & ekspor soal"),
        reverse("sigap_question_bank"),
        icon_name="upload",
        order=211,
    )


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return dashboard_courses(request.user).exists()


@hooks.register("register_admin_menu_item")
def course_dashboard_menu_item():
    return DashboardMenuItem(
        _("Dasbor kursus"),
        reverse("sigap_course_dashboards"),
        icon_name="view",
        order=205,
    )


@hooks.register("register_page_header_buttons")
def course_dashboard_button(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, CoursePage):
        return
    course = page.specific_deferred
    if can_view_course_dashboard(user, course):
        yield Button(
            _("Dasbor kursus"),
            reverse("sigap_course_dashboard", args=(course.pk,)),
            icon_name="view",
            priority=20,
        )
