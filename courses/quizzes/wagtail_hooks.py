"""Admin screens: the question bank as a snippet viewset, scoped to a trainer's
own courses (plus shared questions)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.page_permissions import _only_trainer, own_course_ids

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
    # Plain ``icontains`` on the text: finds parts of words, and works on every
    # database (the SQLite full-text index has no per-field "text" column).
    search_backend_name = None

    def get_queryset(self, request):
        questions = Question.objects.select_related("course")
        if not _only_trainer(request.user):
            return questions
        # Filter on the indexed ``course`` field, so that searching the bank works.
        return questions.filter(
            Q(course__in=own_course_ids(request.user)) | Q(course__isnull=True)
        )


register_snippet(QuestionViewSet)
