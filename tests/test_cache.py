"""The Redis cache backend (lms.cache)."""

from lms.cache import SigapRedisCache


def test_the_redis_cache_builds_one_client_per_connection_pool():
    cache = SigapRedisCache("redis://127.0.0.1:6379/15", {})._cache
    assert cache.get_client() is cache.get_client()
    assert cache.get_client(write=True) is cache.get_client()
