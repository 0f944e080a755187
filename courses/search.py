"""Catalogue search: pages are indexed when they go live, and a query finds a
course by its own text or by the text of one of its published lessons."""

import re
from collections.abc import Iterable

from wagtail.models import Page
from wagtail.search import index

# The catalogue lists at most this many courses for one query; a national
# catalogue has hundreds of courses, and nobody reads past the first screens.
MAX_RESULTS = 100


def index_now(objects: Iterable) -> None:
    """Put ``objects`` into the search index now, in the caller's transaction.

    Saving a page only queues an indexing task for the worker; on a fresh install
    (the demo seed) or while the worker lags, the catalogue would not find what
    was just published.
    """
    for obj in objects:
        index.insert_or_update_object(obj)


def index_published_page(sender, instance, **kwargs) -> None:
    """``page_published`` receiver: a page is findable as soon as it goes live
    (Wagtail's own indexing is a background task)."""
    index_now([instance])


# A hyphen or dash inside a word ("e-KTP", "COVID-19"): PostgreSQL's parser keeps
# the whole word in a query but indexes its parts ("covid", and "-19" as a signed
# number), so the query found nothing. Searched as its parts, letters only after
# the dash before a number ("COVID"), it finds the page on every backend.
_NUMBER_AFTER_DASH = re.compile(r"(?<=[^\W\d])[-\u2010-\u2013]\d+\b")
_JOINED = re.compile(r"(?<=\w)[-\u2010-\u2013](?=\w)")


def search_terms(query: str) -> str:
    """The learner's query as the search backends read it alike."""
    return _JOINED.sub(" ", _NUMBER_AFTER_DASH.sub("", query))


def search_courses(courses, query: str, *, catalog: Page) -> list:
    """The courses of ``courses`` (a ``CoursePage`` queryset) that match ``query``:
    first those whose own text matches (best first), then those where only a
    published, public lesson's text does (in catalogue order)."""
    # in-function: courses.models imports this module (the catalogue searches).
    from .models import LessonPage

    query = search_terms(query)
    direct = [
        course.pk for course in courses.search(query, operator="and")[:MAX_RESULTS]
    ]
    lesson_paths = [
        lesson.path
        for lesson in LessonPage.objects.live()
        .public()
        .descendant_of(catalog)
        .only("path", "depth")
        .search(query, operator="and")[:MAX_RESULTS]
    ]
    by_lesson = list(
        courses.filter(path__in={path[: -Page.steplen] for path in lesson_paths})
        .exclude(pk__in=direct)
        .order_by("path")
        .values_list("pk", flat=True)
    )
    order = {pk: position for position, pk in enumerate(direct + by_lesson)}
    found = courses.filter(pk__in=order.keys())
    return sorted(found, key=lambda course: order[course.pk])[:MAX_RESULTS]
