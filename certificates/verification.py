"""The verification page's rendered HTML, kept in Django's cache for anonymous visitors.

A QR code opens ``/v/<code>``; at the end of a reporting period thousands of HR
officers and employers scan certificates at once, and the page is the same for all of
them. Its HTML is kept per certificate and language so that a repeat visit costs one
cache read instead of a query and a template render.

What keeps it true:
- saving or deleting a certificate (revoke, supersede, PDF attached, signature)
  forgets its pages at once (``post_save``/``post_delete``);
- a certificate with an end date is never kept past local midnight, so an expired
  certificate never shows as valid;
- only pages rendered for anonymous visitors without pending messages are kept or
  served (those hold no CSRF token and nothing personal);
- an in-database cache (the SQLite default) would cost a query per read like the
  page itself: there nothing is kept.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.db import DatabaseCache
from django.utils import timezone, translation

KEY_PREFIX = "sigap:verify-page"


def _cache():
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, DatabaseCache) or not settings.SIGAP_VERIFY_PAGE_SECONDS:
        return None
    return backend


def page_key(code: str, language: str) -> str:
    return f"{KEY_PREFIX}:{code}:{language}"


def shareable(request) -> bool:
    """Whether the page this request sees is the one every anonymous visitor sees."""
    return not request.user.is_authenticated and not len(messages.get_messages(request))


def cached_page_key(request, code: str) -> str | None:
    """The key of the page this request may be served from the cache, if any."""
    if _cache() is None or not shareable(request):
        return None
    return page_key(code, translation.get_language())


def cached_page(request, code: str) -> bytes | None:
    key = cached_page_key(request, code)
    if key is None:
        return None
    prefetched = getattr(request, "sigap_prefetched", {})
    if key in prefetched:  # read with the rate limit's count (``lms.ratelimit.hit``)
        return prefetched[key]
    return _cache().get(key)


def seconds_to_keep(certificate, now: datetime.datetime | None = None) -> int:
    """How long the page may be served from the cache: never past the local
    midnight after which a certificate with an end date could be expired."""
    seconds = settings.SIGAP_VERIFY_PAGE_SECONDS
    if certificate.valid_until is None:
        return seconds
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(0, min(seconds, int((midnight - now).total_seconds())))


def keep_page(request, certificate, content: bytes) -> None:
    cache = _cache()
    if cache is None or not shareable(request):
        return
    seconds = seconds_to_keep(certificate)
    if seconds:
        cache.set(
            page_key(certificate.code, translation.get_language()), content, seconds
        )


def forget_pages(*, sender=None, instance=None, **kwargs) -> None:
    """Signal receiver: a certificate changed; its pages in every language go."""
    cache = _cache()
    if cache is None or instance is None:
        return
    cache.delete_many(
        [page_key(instance.code, language) for language, _name in settings.LANGUAGES]
    )
