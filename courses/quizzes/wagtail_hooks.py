"""Admin screens: the question bank as a snippet viewset, scoped to a trainer's
own courses (plus shared questions)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.accounts.permissions import is_admin

from .models import Question


class QuestionViewSet(SnippetViewSet):
    """Bank soal: list, filter by type/difficulty/competency, with revisions."""

    model = Question
    icon = "help"
    menu_label = _("Bank soal")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "type", "course", "competency", "difficulty"]
    list_filter = ["type", "difficulty", "competency"]
    search_fields = ["text"]

    def get_queryset(self, request):
        questions = Question.objects.select_related("course")
        if is_admin(request.user):
            return questions
        return questions.filter(
            Q(course__trainer=request.user) | Q(course__isnull=True)
        )


register_snippet(QuestionViewSet)
