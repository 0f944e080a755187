"""Django's Redis cache, with one redis-py client per connection pool.

Django builds a new redis-py client (with its table of some 170 response
callbacks) for every cache call; a lesson page makes a few calls, and building
the clients cost about as much as the round trips. A redis-py client is
thread-safe and holds no connection itself (the pool does), so one per pool is
kept and reused.
"""

from django.core.cache.backends import redis


class ReusedClientRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
