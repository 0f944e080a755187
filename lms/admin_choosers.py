"""Snippet choosers in the Wagtail admin that offer only what the user may pick."""

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import Http404
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)

from lms.numbers import parse_int


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
            # Wagtail passes the path's text on; a non-number would be a 500.
            if (number := parse_int(pk, min_value=1)) is None:
                raise Http404
            return objects_for(self.request.user).get(pk=number)

    class ScopedChosenMultipleView(SnippetChosenMultipleView):
        def get_objects(self, pks):
            numbers = [parse_int(pk, min_value=1) for pk in pks]
            return objects_for(self.request.user).filter(
                pk__in=[number for number in numbers if number is not None]
            )

    class ScopedChooserViewSet(SnippetChooserViewSet):
        choose_view_class = ScopedChooseView
        choose_results_view_class = ScopedChooseResultsView
        chosen_view_class = ScopedChosenView
        chosen_multiple_view_class = ScopedChosenMultipleView

    return ScopedChooserViewSet
