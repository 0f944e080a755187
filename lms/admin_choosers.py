"""Snippet choosers in the Wagtail admin that offer only what the user may pick."""

from collections.abc import Callable

from django.db.models import QuerySet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)


def scoped_chooser_viewset(
    objects_for: Callable[..., QuerySet],
) -> type[SnippetChooserViewSet]:
    """A chooser viewset whose list and search results are ``objects_for(user)``
    (e.g. a trainer's own questions or certificate templates)."""

    class ScopedListMixin:
        def get_object_list(self):
            return objects_for(self.request.user)

    class ScopedChooseView(ScopedListMixin, ChooseView):
        pass

    class ScopedChooseResultsView(ScopedListMixin, ChooseResultsView):
        pass

    class ScopedChooserViewSet(SnippetChooserViewSet):
        choose_view_class = ScopedChooseView
        choose_results_view_class = ScopedChooseResultsView

    return ScopedChooserViewSet
