"""Every private (underscore) API of Wagtail, treebeard, Django and redis-py that
Sigap relies on, behind one small function each.

Each one buys a measured saving (queries or round trips on the hottest pages) or
reaches something no public API offers. None is promised to survive an upgrade,
so none is touched anywhere else, and ``tests/test_private_apis.py`` checks that
each still exists with the shape used here: after upgrading Wagtail, treebeard or
Django, a failure there names the function to fix. On upgrade: read the
library's changelog and the source the docstring names, adapt the function (or
replace it with the public API the library may now offer), and keep the test.

A bottom-layer module: it imports no Sigap app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.functional import LazyObject, empty

if TYPE_CHECKING:  # importable before the app registry is ready
    from django.core.cache.backends.redis import RedisCache
    from django.db.models import QuerySet
    from django.http import HttpRequest
    from wagtail.models import Page, Site

# --- Wagtail: the request's site -------------------------------------------


def find_site_uncached(request: HttpRequest) -> Site | None:
    """Wagtail's site for ``request``, looked up in the database every time.

    The public ``Site.find_for_request`` stores its answer on the request, which
    we must not pre-empt when we only want to build the value we cache between
    requests (``courses.published.site_for_request``). Wagtail source:
    ``wagtail/models/sites.py``, ``Site._find_for_request``."""
    # in-function: this module must import before the app registry is ready.
    from wagtail.models import Site

    return Site._find_for_request(request)


def request_hostname(request: HttpRequest) -> str:
    """The host the client asked for, without Django's ``ALLOWED_HOSTS`` check
    (the same value Wagtail's site lookup uses, so cache keys match it).

    Django source: ``django/http/request.py``, ``HttpRequest._get_raw_host``."""
    return request._get_raw_host()


def request_knows_its_site(request: HttpRequest) -> bool:
    """Whether Wagtail already has this request's site (then it asks no query)."""
    return hasattr(request, "_wagtail_site")


def hand_wagtail_the_site(request: HttpRequest, site: Site | None) -> None:
    """Give Wagtail the request's site, found in our cache, so that serving a page
    saves Wagtail's two queries: ``Site.find_for_request`` returns what it finds
    under ``request._wagtail_site`` (``wagtail/models/sites.py``)."""
    request._wagtail_site = site


# --- treebeard (under Wagtail's Page): a page's parent ---------------------


def remember_parent(page: Page, parent: Page) -> None:
    """Leave ``parent`` on ``page`` so that ``page.get_parent()`` asks no query;
    Wagtail's own routing does the same (``Page.route``). treebeard source:
    ``treebeard/mp_tree.py``, ``MP_Node.get_parent`` reads ``_cached_parent_obj``."""
    page._cached_parent_obj = parent


def remembered_parent(page: Page) -> Page | None:
    """The parent routing (Wagtail's or ours) left on ``page``, or ``None``:
    reading it never queries, unlike ``page.get_parent()``."""
    return getattr(page, "_cached_parent_obj", None)


# --- Django ORM: a delete without the per-row machinery --------------------


def delete_rows(queryset: QuerySet) -> int:
    """Delete the rows of ``queryset`` in one SQL ``DELETE``, bypassing the
    queryset's own ``delete()`` (which the audit trail forbids) and without
    loading the rows, sending signals or cascading; returns the rows deleted.

    Django source: ``django/db/models/query.py``, ``QuerySet._raw_delete``."""
    return queryset._raw_delete(queryset.db)


# --- Django's Redis cache: one pipelined round trip ------------------------


def redis_client(backend: RedisCache, key: str):
    """The redis-py client Django's ``RedisCache`` would write ``key`` with, to
    pipeline several commands in one round trip (Django's cache API offers no
    pipeline). Django source: ``django/core/cache/backends/redis.py``,
    ``RedisCache._cache`` (a ``RedisCacheClient``) and its ``get_client``."""
    return backend._cache.get_client(key, write=True)


def redis_loads(backend: RedisCache, raw: bytes):
    """A value read straight from Redis, decoded as Django's cache would
    (``RedisCacheClient._serializer``), so the cache API can read what the
    pipeline wrote and the other way round."""
    return backend._cache._serializer.loads(raw)


# --- Django's LazyObject: forget the wrapped object ------------------------


def reset_lazy_object(lazy: LazyObject) -> None:
    """Make ``lazy`` build its object again on next use, as Django resets
    ``default_storage`` when a test overrides ``STORAGES``
    (``django/test/signals.py``); the reset is ``_wrapped = empty``."""
    lazy._wrapped = empty
