"""What is the same for every learner, cached between requests under one version.

Lesson pages are the hottest read: the site, the page a URL leads to, a course's
lessons and quizzes and a lesson's rendered body are the same for every learner
until an editor changes the page tree. One cache key (shared by every web
process) holds the *published version*; every entry's key contains it. Saving,
publishing, unpublishing, moving or deleting a page, saving or deleting a site, a
page's view restriction (or changing its groups), an image or a document replaces
the version, so a change
shows at once: the old entries are never read again and expire. The version is
replaced once more when the transaction commits, so an entry rebuilt in between
from the data as it was before the commit cannot outlive it. Timeouts bound what
a change behind the ORM's back (raw SQL) could leave stale.

Only what every learner may see goes here: never a rendered CSRF token, never a
learner's progress, never a draft.
"""

import functools
import pickle
from collections.abc import Callable
from typing import Any
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move

from lms.cache import memoised_version, read_with_every_request, request_memo
from lms.private_apis import (
    find_site_uncached,
    hand_wagtail_the_site,
    request_hostname,
    request_knows_its_site,
)

VERSION_KEY = "sigap:published-version"
# Raise when the shape of a cached value changes or its class moves to another
# module, so that a deployment never unpickles what the previous code kept
# (4: the outline's classes moved to the selectors; 5: the lesson links carry
# their minutes and the learner's standing when each lesson was opened; 6: the
# course evaluation's part, whose form a cached outline would not show; 7: the
# live sessions part; 8: the assignments part).
ENTRY_FORMAT = 9
TIMEOUT_SECONDS = 600


read_with_every_request("published", VERSION_KEY, TIMEOUT_SECONDS)


def published_version() -> str:
    """The current version of the published content (read once a request)."""
    return memoised_version("published", VERSION_KEY, TIMEOUT_SECONDS)


# Entries of the current version this process has already read, pickled so
# that every request unpickles its own copy (threads never share a page object).
_LOCAL_ENTRIES_MAX = 2000
_local_entries: dict[str, bytes] = {}
_local_version: list[str] = [""]


def remembered(name: str, build: Callable[[], Any]) -> Any:
    """``build()``, kept under ``name`` until the published content changes.

    Read from this process's copy when it has one (the version, read from the
    shared cache, says whether it is current), else from the shared cache, else
    built. ``None`` is never kept (a missing page must not be remembered).
    """
    version = published_version()
    if _local_version[0] != version or len(_local_entries) > _LOCAL_ENTRIES_MAX:
        _local_entries.clear()
        _local_version[0] = version
    key = f"sigap:published:{ENTRY_FORMAT}:{version}:{name}"
    pickled = _local_entries.get(key)
    if pickled is not None:
        return pickle.loads(pickled)
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:
            return None
        cache.set(key, value, TIMEOUT_SECONDS)
    _local_entries[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return value


def bump_published_version() -> None:
    """Start a new version now, and again when the current transaction commits."""
    memo = request_memo()
    if memo is not None:
        memo.pop("published", None)
    cache.set(VERSION_KEY, uuid4().hex, TIMEOUT_SECONDS)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid4().hex, TIMEOUT_SECONDS))


@functools.cache
def _published_models() -> tuple[type, ...]:
    """Models whose rows show in cached published content: pages, sites, view
    restrictions, and the images and documents that lesson bodies show. A replaced
    image file deletes the old renditions a cached body points at; a replaced
    document file changes its address. (Renditions themselves are not here: one is
    made on the first render of a body, which must not start a new version.)"""
    # in-function: the image and document models are known once apps are ready.
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return (Page, Site, PageViewRestriction, get_image_model(), get_document_model())


def published_content_changed(*, sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: something that published content shows changed."""
    if instance is None or isinstance(instance, _published_models()):
        bump_published_version()


def restriction_groups_changed(*, action: str, **kwargs) -> None:
    """Signal receiver: the groups a view restriction admits changed (the
    restriction itself is not saved again when only its groups change)."""
    if action in ("post_add", "post_remove", "post_clear"):
        bump_published_version()


def connect_published_signals() -> None:
    """Hook into Wagtail's and Django's signals (Wagtail offers no other hook)."""
    post_save.connect(published_content_changed, dispatch_uid="sigap-published-save")
    post_delete.connect(
        published_content_changed, dispatch_uid="sigap-published-delete"
    )
    post_page_move.connect(
        published_content_changed, dispatch_uid="sigap-published-move"
    )
    page_unpublished.connect(
        published_content_changed, dispatch_uid="sigap-published-unpublish"
    )
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="sigap-published-restriction-groups",
    )


def site_for_request(request) -> Site | None:
    """Wagtail's site for this request, with its root page already specific."""

    def build():
        site = find_site_uncached(request)
        if site is not None:
            site.root_page = site.root_page.specific
        return site

    hostname = split_domain_port(request_hostname(request))[0]
    return remembered(f"site:{hostname}:{request.get_port()}", build)


class RestrictionsFromRoute:
    """Serve with the view restrictions that routing found (and cached) with the
    page, instead of two queries per request; elsewhere, Wagtail's own."""

    def get_view_restrictions(self):
        restrictions = getattr(self, "_sigap_view_restrictions", None)
        if restrictions is None:
            return super().get_view_restrictions()
        return restrictions


class PublishedContentMiddleware:
    """Hand Wagtail the request's site from the cache before it serves a page.

    Wagtail looks the site up (two queries) on every page request unless it was
    handed the site; only page requests pay for the lookup here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # in-function: wagtail.views needs the models loaded; the page models
        # import this module.
        from wagtail.views import serve

        if view_func is serve and not request_knows_its_site(request):
            hand_wagtail_the_site(request, site_for_request(request))
        return None
