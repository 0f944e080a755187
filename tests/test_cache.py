"""The Redis cache backend (lms.cache)."""

from lms.cache import SigapRedisCache


def test_the_redis_cache_builds_one_client_per_connection_pool():
    cache = SigapRedisCache("redis://127.0.0.1:6379/15", {})._cache
    assert cache.get_client() is cache.get_client()
    assert cache.get_client(write=True) is cache.get_client()


def test_a_persons_every_page_entries_come_with_their_first_read(
    shared_memory_cache, learner, monkeypatch
):
    """The header's unread count rides along with the first read of the person in
    a request (one round trip to Redis instead of two), and is never used once
    the person's version is renewed in the same request."""
    from django.core.cache import caches

    from lms.cache import _request_memo, remembered_for_person
    from lms.notifications.selectors import unread_count
    from lms.notifications.services import record_email

    record_email(
        to=learner, kind="test", title="Tugas Anda dinilai.", link="/kursus-saya/"
    )
    reads = []
    cache = caches["default"]
    get_many = cache.get_many
    monkeypatch.setattr(
        cache, "get_many", lambda keys: reads.append(keys) or get_many(keys)
    )

    def request(fn):
        token = _request_memo.set({})
        try:
            return fn()
        finally:
            _request_memo.reset(token)

    def page():
        remembered_for_person(learner.pk, "user", lambda: learner)
        return unread_count(user=learner)

    assert request(page) == 1  # builds and keeps both
    reads.clear()
    assert request(page) == 1
    assert len(reads) == 1  # the count came with the person's first read

    def renewed_in_between():
        remembered_for_person(learner.pk, "user", lambda: learner)
        record_email(to=learner, kind="test", title="Sesi besok.", link="/kursus-saya/")
        return unread_count(user=learner)

    assert request(renewed_in_between) == 2
