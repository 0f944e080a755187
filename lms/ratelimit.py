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
# token) is checked without a sign-in. Only the wrong ones are counted, and only
# they are refused past the limit: calendar services fetch thousands of people's
# feeds from a few shared addresses, and someone subscribing bogus feed addresses
# there must not cost everyone else their feed. The secrets are 160 bits or more:
# the limit bounds the noise, guessing was never the way in.


def refuse_secret_miss(request) -> HttpResponse | None:
    """Count one wrong secret from this client: the 429 answer once it is past
    ``SIGAP_SECRET_LINK_MISS_RATE``, else None (answer the miss as usual)."""
    limit, period = parse_rate(settings.SIGAP_SECRET_LINK_MISS_RATE)
    allowed, _value = hit(
        f"secret-miss:{rate_limit_source(request)}", limit=limit, period=period
    )
    return None if allowed else too_many(request, period=period)
