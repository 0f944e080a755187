"""Snippet choosers in the Wagtail admin that offer only what the user may pick."""

from collections.abc import Callable

from django.db.models import QuerySet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)


def scoped_chooser_viewset(
    objects_for: Callable[..., QuerySet],
) -> type[SnippetChooserViewSet]:
    """A chooser viewset whose list, search results and chosen objects are
    ``objects_for(user)`` (e.g. a trainer's own questions or certificate templates):
    asking for another one by its id answers 404."""

    class ScopedListMixin:
        def get_object_list(self):
            return objects_for(self.request.user)

    class ScopedChooseView(ScopedListMixin, ChooseView):
        pass

    class ScopedChooseResultsView(ScopedListMixin, ChooseResultsView):
        pass

    class ScopedChosenView(SnippetChosenView):
        def get_object(self, pk):
            return objects_for(self.request.user).get(pk=pk)

    class ScopedChosenMultipleView(SnippetChosenMultipleView):
        def get_objects(self, pks):
            return objects_for(self.request.user).filter(pk__in=pks)

    class ScopedChooserViewSet(SnippetChooserViewSet):
        choose_view_class = ScopedChooseView
        choose_results_view_class = ScopedChooseResultsView
        chosen_view_class = ScopedChosenView
        chosen_multiple_view_class = ScopedChosenMultipleView

    return ScopedChooserViewSet
