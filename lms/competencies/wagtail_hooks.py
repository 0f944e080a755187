"""Admin screens: the competency framework and position standards (snippets)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Competency, PositionStandard


class CompetencyViewSet(SnippetViewSet):
    model = Competency
    icon = "tasks"
    menu_label = _("Kerangka kompetensi")
    list_display = ["code", "name", "group", "instansi"]
    list_filter = ["group", "instansi"]
    search_fields = ["code", "name"]
    ordering = ["sort_order", "code"]


class PositionStandardViewSet(SnippetViewSet):
    model = PositionStandard
    icon = "user"
    menu_label = _("Standar kompetensi jabatan")
    list_display = ["jabatan", "competency", "required_level"]
    list_filter = ["jabatan", "competency"]
    ordering = ["jabatan__name", "competency__sort_order"]


class CompetencyGroupViewSet(SnippetViewSetGroup):
    items = (CompetencyViewSet, PositionStandardViewSet)
    menu_icon = "tasks"
    menu_label = pgettext_lazy("plural", "Kompetensi")
    menu_name = "kompetensi"


register_snippet(CompetencyGroupViewSet)
