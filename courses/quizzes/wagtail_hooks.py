"""Admin screens: the question bank as a snippet viewset, scoped to a trainer's
own courses (plus shared questions), in its listing and in its chooser, and on
every per-question route by ``CourseOwnedSnippetPolicy``."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from courses.page_permissions import CourseOwnedSnippetPolicy
from lms.admin_choosers import scoped_chooser_viewset
from lms.admin_policies import PolicyGuardedSnippetViewSet

from .models import Question
from .permissions import questions_for

# Before any view asks for it: Wagtail would otherwise make a model-wide one.
register_permission_policy(Question, CourseOwnedSnippetPolicy(Question))


class QuestionViewSet(PolicyGuardedSnippetViewSet):
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
    # Picking a question for a quiz offers only the questions one may list.
    chooser_viewset_class = scoped_chooser_viewset(questions_for)

    def get_queryset(self, request):
        return questions_for(request.user)


register_snippet(QuestionViewSet)
