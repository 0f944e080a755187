"""Sigap's cache: the Redis backend, a per-request memo, and per-person entries.

Django's Redis cache, with one ``redis.Redis`` client per connection pool:

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache
call, and each one copies redis-py's table of some 170 response callbacks: measured
here, about a fifth of the cost of a page served from the cache, paid again on every
session read. A ``redis.Redis`` is safe to share between threads (each command takes
a connection from the pool), so one per pool is kept and reused. Everything else,
connection pools included, is Django's.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any
from uuid import uuid4

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client


class SigapRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with reused clients."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


# Within a request (``RequestMemoMiddleware``) each cache version is read once.
_request_memo: ContextVar[dict | None] = ContextVar("sigap_request_memo", default=None)


def request_memo() -> dict | None:
    """This request's memo of cache versions; ``None`` outside a request."""
    return _request_memo.get()


class RequestMemoMiddleware:
    """Give every request a fresh memo (and take it away afterwards)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


# Versions every request of a signed-in person is likely to need; whichever of
# them the request has not read yet come along with the first read, in the same
# round trip (``courses.published`` registers the published version).
_REQUEST_VERSIONS: dict[str, tuple[str, int]] = {}


def read_with_every_request(memo_key: str, cache_key: str, timeout: int) -> None:
    """Fetch this version with the first cached read a request makes."""
    _REQUEST_VERSIONS[memo_key] = (cache_key, timeout)


def read_versions(
    versions: dict[str, tuple[str, int]], entry_keys: list[str] = ()
) -> tuple[dict[str, str], dict[str, Any]]:
    """The versions (memo key: (cache key, timeout)), read once a request and
    started when missing, and the entries under ``entry_keys``: one round trip."""
    memo = _request_memo.get()
    known = {name: memo[name] for name in versions if name in memo} if memo else {}
    wanted = {name: spec for name, spec in versions.items() if name not in known}
    if wanted and memo is not None:
        wanted |= {
            name: spec
            for name, spec in _REQUEST_VERSIONS.items()
            if name not in memo and name not in wanted
        }
    keys = [cache_key for cache_key, _ in wanted.values()] + list(entry_keys)
    found = cache.get_many(keys) if keys else {}
    for name, (cache_key, timeout) in wanted.items():
        version = found.get(cache_key)
        if version is None:
            version = uuid4().hex
            if not cache.add(cache_key, version, timeout):
                version = cache.get(cache_key) or version
        known[name] = version
        if memo is not None:
            memo[name] = version
    return {name: known[name] for name in versions}, found


def memoised_version(memo_key: str, cache_key: str, timeout: int) -> str:
    """The version under ``cache_key``, started when missing, read once a request."""
    return read_versions({memo_key: (cache_key, timeout)})[0][memo_key]


# What a person sees of their own (who they are, their roles, their standing in a
# course) is read on every page they open and changes only when they act or are
# acted on. Each person has a version in the shared cache and every entry is kept
# with the version it was built under; ``forget_person`` replaces the version, so
# the old entries are never used again. It is replaced once more when the
# transaction commits, so an entry rebuilt in between from the data as it was
# before the commit cannot outlive it. The version and the entry are read in one
# round trip. The timeout bounds what a write behind the ORM's back could leave.
PERSON_SECONDS = 600
PERSON_ENTRY_FORMAT = 1


def caches_people() -> bool:
    """Whether per-person entries are kept: not when the cache is the database
    (a cache read would cost what it saves) or a dummy."""
    return not isinstance(caches["default"], DatabaseCache | DummyCache)


def _person_key(user_id) -> str:
    return f"sigap:person-version:{user_id}"


def _person_entry_key(user_id, name: str) -> str:
    return f"sigap:person:{PERSON_ENTRY_FORMAT}:{user_id}:{name}"


# Entries nearly every page a person opens reads (the header's count of unread
# notifications): fetched with the first read of the person's version in a
# request, in the same round trip, instead of one more each.
_EVERY_PAGE_ENTRIES: list[str] = []


def read_with_every_person_request(name: str) -> None:
    """Fetch the person's entry ``name`` along with their first cached read of a
    request (``remembered_for_person`` then finds it in the request's memo)."""
    if name not in _EVERY_PAGE_ENTRIES:
        _EVERY_PAGE_ENTRIES.append(name)


def remembered_for_person(user_id, name: str, build: Callable[[], Any]) -> Any:
    """``build()``, kept under ``name`` for this person until ``forget_person``.

    ``None`` is never kept (someone who cannot sign in must be asked again).
    """
    if not caches_people():
        return build()
    memo_key = f"person:{user_id}"
    key = _person_entry_key(user_id, name)
    memo = _request_memo.get()
    if memo is None:
        versions, found = read_versions(
            {memo_key: (_person_key(user_id), PERSON_SECONDS)}, [key]
        )
    else:
        if key not in memo.get("person-entries", {}):
            # With the person's first read of a request come the entries nearly
            # every page reads (``read_with_every_person_request``).
            along = (
                []
                if memo_key in memo
                else [other for other in _EVERY_PAGE_ENTRIES if other != name]
            )
            prefetch_for_person(user_id, [name, *along])
        # An entry fetched before a version read since is rebuilt below.
        found = {key: memo["person-entries"].pop(key)}
        versions, _found = read_versions(
            {memo_key: (_person_key(user_id), PERSON_SECONDS)}
        )
    version = versions[memo_key]
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = build()
    if value is not None:
        cache.set(key, (version, value), PERSON_SECONDS)
    return value


def prefetch_for_person(user_id, names: list[str]) -> None:
    """Fetch the person's entries ``names`` now, in one round trip (with their
    version if this request has not read it yet): a page that will read several
    of them (the learner's standing in a course, the lesson's fragment) asks once
    instead of once each; ``remembered_for_person`` then finds them in the
    request's memo."""
    memo = _request_memo.get()
    if memo is None or not caches_people():
        return
    keys = [_person_entry_key(user_id, name) for name in names]
    _versions, found = read_versions(
        {f"person:{user_id}": (_person_key(user_id), PERSON_SECONDS)}, keys
    )
    memo.setdefault("person-entries", {}).update({key: found.get(key) for key in keys})


def fragment_name(name: str, *vary_on) -> str:
    """The name a person's rendered fragment (``{% person_fragment %}``) is kept
    under, such as ``fragment:lesson:12``: a step that must drop what a person's
    pages show at once (an erasure) drops it by this name."""
    return ":".join(["fragment", name, *(str(value) for value in vary_on)])


def replace_for_person(user_id, name: str, value: Any) -> None:
    """Keep ``value`` under ``name`` for this person in place of what
    ``remembered_for_person`` built, under the version this request read (a
    version replaced since makes it unread, as it should)."""
    if not caches_people() or value is None:
        return
    memo_key = f"person:{user_id}"
    versions, _found = read_versions({memo_key: (_person_key(user_id), PERSON_SECONDS)})
    cache.set(
        _person_entry_key(user_id, name), (versions[memo_key], value), PERSON_SECONDS
    )


def forget_person(user_ids, *, drop: tuple[str, ...] = ()) -> None:
    """What these people see of their own changed (now, and again once committed).

    The entries named in ``drop`` are deleted at once as well (personal data that
    must not linger in the cache until it expires, such as an erased account).
    """
    user_ids = {str(user_id) for user_id in user_ids if user_id is not None}
    memo = _request_memo.get()
    if memo is not None:
        for user_id in user_ids:
            memo.pop(f"person:{user_id}", None)
    if not user_ids or not caches_people():
        return

    def renew():
        cache.set_many(
            {_person_key(user_id): uuid4().hex for user_id in user_ids},
            PERSON_SECONDS,
        )

    renew()
    transaction.on_commit(renew)
    if drop:
        cache.delete_many(
            [_person_entry_key(user_id, name) for user_id in user_ids for name in drop]
        )
