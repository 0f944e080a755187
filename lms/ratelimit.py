"""A small per-client rate limit on public views, counted in Django's cache.

With Redis (``REDIS_URL``) the counters are shared by every web process.
"""

import functools
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lms.client_ip import rate_limit_source
from lms.private_apis import redis_client, redis_loads

PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    """'60/m' → (60, 60): requests allowed per period in seconds."""
    count, _sep, period = rate.partition("/")
    return int(count), PERIODS[period.strip() or "m"]


def hit(key: str, *, limit: int, period: int, read: str | None = None):
    """Count one request under ``key``: ``(allowed, value)``, where ``value`` is
    what the cache holds under ``read`` (fetched in the same round trip with Redis)."""
    window = int(time.time() // period)
    cache_key = f"sigap:rl:{key}:{window}"
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        count, value = _redis_count(backend, cache_key, timeout=period + 1, read=read)
        return count <= limit, value
    try:
        count = cache.incr(cache_key)  # one round trip for all but the first request
    except ValueError:  # the window's first request
        count = 1 if cache.add(cache_key, 1, period + 1) else cache.incr(cache_key)
    return count <= limit, (cache.get(read) if read else None)


def _redis_count(
    backend: RedisCache, cache_key: str, *, timeout: int, read: str | None
) -> tuple[int, object]:
    """Add one to a counter in Redis and return it (and the value under ``read``),
    in one round trip.

    Django's ``incr`` asks Redis whether the key exists first (two round trips on
    every request); creating the counter with its expiry only if it is missing and
    incrementing it, pipelined, need one. The counter stays readable by ``cache``.
    """
    key = backend.make_and_validate_key(cache_key)
    client = redis_client(backend, key)
    with client.pipeline(transaction=False) as pipeline:
        pipeline.set(key, 0, ex=timeout, nx=True).incr(key)
        if read:
            pipeline.get(backend.make_and_validate_key(read))
        results = pipeline.execute()
    raw = results[2] if read else None
    return results[1], (None if raw is None else redis_loads(backend, raw))


def too_many(request, *, period: int) -> HttpResponse:
    """The 429 page, with when to try again."""
    response = render(
        request,
        "rate_limited.html",
        {"message": _("Terlalu banyak permintaan. Coba lagi sebentar lagi.")},
        status=429,
    )
    response["Retry-After"] = str(period)
    return response


def _source(request, per_user: bool) -> str:
    user = getattr(request, "user", None)
    if per_user and user is not None and user.is_authenticated:
        return f"u{user.pk}"
    return rate_limit_source(request)


def rate_limited(setting: str, *, group: str, read=None, per_user: bool = False):
    """Answer 429 to a client calling the view more often than the setting allows.

    ``per_user``: count per signed-in person instead of per client address (a
    button that sends e-mail, where a whole office shares one address).
    ``read(request, *args, **kwargs)`` may name a cache key the view will want:
    it is fetched with the count and handed over as ``request.sigap_prefetched``.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limit, period = parse_rate(getattr(settings, setting))
            key = read(request, *args, **kwargs) if read else None
            allowed, value = hit(
                f"{group}:{_source(request, per_user)}",
                limit=limit,
                period=period,
                read=key,
            )
            if key:
                request.sigap_prefetched = {key: value}
            if not allowed:
                return too_many(request, period=period)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# --- secrets in links ---------------------------------------------------------------
# A link that carries its own secret (the calendar feed key, an e-mail's opt-out
# token) is checked without a sign-in. Only the wrong ones are counted: calendar
# services fetch thousands of good feeds from a few addresses, a guesser's
# addresses fetch wrong ones. Past the limit the client gets 429 for every
# secret, right ones too, so the answer tells a guesser nothing.


def _miss_key(request) -> tuple[str, int, int]:
    limit, period = parse_rate(settings.SIGAP_SECRET_LINK_MISS_RATE)
    window = int(time.time() // period)
    return f"sigap:rl:secret-miss:{rate_limit_source(request)}:{window}", limit, period


def secret_misses_exceeded(request) -> HttpResponse | None:
    """The 429 answer when this client guessed wrong too often; else None."""
    cache_key, limit, period = _miss_key(request)
    count = cache.get(cache_key) or 0
    return too_many(request, period=period) if int(count) >= limit else None


def count_secret_miss(request) -> None:
    """One wrong secret from this client."""
    _cache_key, limit, period = _miss_key(request)
    hit("secret-miss:" + rate_limit_source(request), limit=limit, period=period)
