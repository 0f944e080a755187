"""A small per-client rate limit on public views, counted in Django's cache.

With Redis (``REDIS_URL``) the counters are shared by every web process.
"""

import functools
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.shortcuts import render
from django.utils.translation import gettext as _

PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    """'60/m' → (60, 60): requests allowed per period in seconds."""
    count, _sep, period = rate.partition("/")
    return int(count), PERIODS[period.strip() or "m"]


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(key: str, *, limit: int, period: int) -> bool:
    """Count one request under ``key``; False once the limit is passed."""
    window = int(time.time() // period)
    cache_key = f"sigap:rl:{key}:{window}"
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        return _redis_count(backend, cache_key, timeout=period + 1) <= limit
    try:
        count = cache.incr(cache_key)  # one round trip for all but the first request
    except ValueError:  # the window's first request
        if cache.add(cache_key, 1, period + 1):
            return True
        count = cache.incr(cache_key)
    return count <= limit


def _redis_count(backend: RedisCache, cache_key: str, *, timeout: int) -> int:
    """Add one to a counter in Redis and return it, in one round trip.

    Django's ``incr`` asks Redis whether the key exists first (two round trips on
    every request); creating the counter with its expiry only if it is missing and
    incrementing it, pipelined, need one. The counter stays readable by ``cache``.
    """
    key = backend.make_and_validate_key(cache_key)
    client = backend._cache.get_client(key, write=True)
    with client.pipeline() as pipeline:
        _created, count = pipeline.set(key, 0, ex=timeout, nx=True).incr(key).execute()
    return count


def rate_limited(setting: str, *, group: str):
    """Answer 429 to a client calling the view more often than the setting allows."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            limit, period = parse_rate(getattr(settings, setting))
            if not hit(f"{group}:{client_ip(request)}", limit=limit, period=period):
                response = render(
                    request,
                    "certificates/rate_limited.html",
                    {
                        "message": _(
                            "Terlalu banyak permintaan. Coba lagi sebentar lagi."
                        )
                    },
                    status=429,
                )
                response["Retry-After"] = str(period)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
