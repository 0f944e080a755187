"""The public verification page: status, masked facts, one query, 404 for strangers."""

import secrets

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import reissue_certificate, revoke_certificate


@pytest.fixture
def locmem_cache(settings):
    """Rate-limit counters in memory (Redis in production), not the database."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    from django.core.cache import cache

    cache.clear()


def test_valid_certificate_page_shows_the_facts_with_a_masked_nip(
    client, certificate, locmem_cache
):
    response = client.get(f"/v/{certificate.code}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sertifikat sah" in page
    for shown in (
        certificate.holder_name,
        certificate.course_title,
        certificate.number,
        certificate.sha256,
        certificate.signer_name,
        certificate.masked_nip,
    ):
        assert shown in page
    assert certificate.holder_nip not in page
    assert certificate.holder_birth_place not in page


def test_verification_page_costs_one_query_and_is_cacheable(
    client, certificate, locmem_cache
):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/v/{certificate.code}")
    assert response.status_code == 200
    assert len(queries) == 1, [q["sql"] for q in queries.captured_queries]
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "csrftoken" not in response.cookies


def test_revoked_certificate_shows_date_and_reason(
    client, certificate, user_factory, locmem_cache
):
    admin = user_factory(roles=["Admin"])
    revoke_certificate(
        certificate=certificate, by=admin, reason="Data kelulusan ternyata keliru."
    )
    page = client.get(f"/v/{certificate.code}").content.decode()
    assert "Sertifikat dicabut" in page
    assert "Data kelulusan ternyata keliru." in page
    assert timezone.localdate().strftime("%Y") in page


def test_expired_certificate_shows_expired(client, certificate, locmem_cache):
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_until=timezone.localdate() - timezone.timedelta(days=1)
    )
    page = client.get(f"/v/{certificate.code}").content.decode()
    assert "Sertifikat kedaluwarsa" in page
    assert "Sertifikat sah" not in page


def test_superseded_certificate_points_to_its_replacement(
    client, certificate, user_factory, locmem_cache
):
    new = reissue_certificate(
        certificate=certificate, by=user_factory(roles=["Admin"]), reason="Koreksi"
    )
    page = client.get(f"/v/{certificate.code}").content.decode()
    assert "Sertifikat telah diganti" in page
    assert f"/v/{new.code}" in page


@pytest.mark.parametrize(
    "code",
    [secrets.token_urlsafe(18), secrets.token_urlsafe(16), "A" * 24, "0" * 40],
    ids=["random-24", "random-22", "A-24", "zeros-40"],  # same ids in every worker
)
def test_unknown_codes_get_a_plain_404(client, certificate, code, locmem_cache):
    response = client.get(f"/v/{code}")
    assert response.status_code == 404
    assert certificate.holder_name not in response.content.decode()


def test_verification_is_rate_limited_per_client(
    client, certificate, settings, locmem_cache
):
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    statuses = [client.get(f"/v/{certificate.code}").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


@pytest.fixture
def redis_cache(settings):
    """The production cache (Redis), under a key prefix of this test's own."""
    import os

    redis = pytest.importorskip("redis")
    url = os.environ.get("SIGAP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    settings.CACHES = {
        "default": {
            "BACKEND": "lms.cache.SigapRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{secrets.token_hex(8)}",
        }
    }


def test_verification_is_rate_limited_per_client_with_redis(
    client, certificate, settings, redis_cache
):
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    statuses = [client.get(f"/v/{certificate.code}").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_uploading_the_issued_pdf_confirms_its_fingerprint(
    client, certificate, locmem_cache
):
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    matching = client.post(
        "/v/", {"pdf": SimpleUploadedFile("s.pdf", data, "application/pdf")}
    )
    assert "Cocok" in matching.content.decode()
    assert f"/v/{certificate.code}" in matching.content.decode()
    tampered = client.post(
        "/v/", {"pdf": SimpleUploadedFile("s.pdf", data + b"\n", "application/pdf")}
    )
    assert "Tidak cocok" in tampered.content.decode()


def test_check_page_without_a_file_explains_and_returns_400(client, db, locmem_cache):
    response = client.post("/v/", {})
    assert response.status_code == 400
    assert "Pilih berkas PDF sertifikat" in response.content.decode()


def _anonymous_visit(client, certificate):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/v/{certificate.code}")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("cache_fixture", ["locmem_cache", "redis_cache"])
def test_a_repeat_scan_is_served_from_the_cache_and_a_revocation_shows_at_once(
    client, certificate, user_factory, cache_fixture, request
):
    request.getfixturevalue(cache_fixture)
    first, first_queries = _anonymous_visit(client, certificate)
    again, again_queries = _anonymous_visit(client, certificate)
    assert (first_queries, again_queries) == (1, 0)
    assert again == first and "Sertifikat sah" in again

    revoke_certificate(
        certificate=certificate,
        by=user_factory(roles=["Admin"]),
        reason="Peserta tidak hadir.",
    )
    revoked, _queries = _anonymous_visit(client, certificate)
    assert "Sertifikat dicabut" in revoked and "Peserta tidak hadir." in revoked
    assert "Sertifikat sah" not in revoked


def test_a_reissue_marks_the_cached_page_superseded_at_once(
    client, certificate, user_factory, locmem_cache
):
    _anonymous_visit(client, certificate)
    new = reissue_certificate(
        certificate=certificate, by=user_factory(roles=["Admin"]), reason="Koreksi"
    )
    page, queries = _anonymous_visit(client, certificate)
    assert queries == 1
    assert "Sertifikat telah diganti" in page and f"/v/{new.code}" in page


def test_the_cached_page_follows_the_visitors_language(
    client, certificate, locmem_cache
):
    _anonymous_visit(client, certificate)
    client.cookies["django_language"] = "en"
    english, _queries = _anonymous_visit(client, certificate)
    assert "Valid certificate" in english
    assert "Sertifikat sah" not in english


def test_a_signed_in_visitors_page_is_never_shared(
    client, certificate, user_factory, locmem_cache
):
    hr = user_factory(roles=["HR"])
    client.force_login(hr)
    own, _queries = _anonymous_visit(client, certificate)
    assert 'action="/accounts/logout/"' in own
    client.logout()
    shared, queries = _anonymous_visit(client, certificate)
    assert queries == 1  # rendered afresh: the signed-in page was not kept
    assert "logout" not in shared and "csrfmiddlewaretoken" not in shared


def test_a_page_with_an_end_date_is_never_kept_past_midnight(certificate, settings):
    import datetime

    from certificates.verification import seconds_to_keep

    settings.SIGAP_VERIFY_PAGE_SECONDS = 300
    tz = timezone.get_current_timezone()
    late = datetime.datetime(2026, 11, 28, 23, 58, 30, tzinfo=tz)
    noon = datetime.datetime(2026, 11, 28, 12, 0, tzinfo=tz)
    certificate.valid_until = datetime.date(2026, 11, 28)  # last valid day
    assert seconds_to_keep(certificate, late) == 90  # expired from 00:00 on
    assert seconds_to_keep(certificate, noon) == 300
    certificate.valid_until = None  # no end date: only the setting bounds it
    assert seconds_to_keep(certificate, late) == 300
