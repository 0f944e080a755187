"""Per-client limits count clients, not the reverse proxy in front of Sigap.

Behind nginx every request comes from 127.0.0.1; the client is the address nginx
appends to X-Forwarded-For. Without ``SIGAP_TRUSTED_PROXY_COUNT`` the header is
never believed; with it, only the addresses our proxies wrote are.
"""

import secrets

import pytest
from django.test import RequestFactory

from lms.audit.models import AuditEvent
from lms.audit.services import record_event
from lms.client_ip import client_ip
from tests.conftest import settings_from_environment
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

PASSWORD = "rahasia-uji-123"
PROXY = "127.0.0.1"
# allauth's limit is "20/5m/ip": the 21st failure from one client is refused.
FAILURES_TO_LOCK_AN_ADDRESS = 21


def _random_email() -> str:
    return f"tidak-ada-{secrets.token_hex(6)}@contoh.go.id"


def _behind_proxy(client_address: str, sent_by_client: str = "") -> dict:
    """The request as nginx passes it on: from the proxy, with the address nginx
    saw appended to whatever the client sent (``$proxy_add_x_forwarded_for``)."""
    chain = f"{sent_by_client}, {client_address}" if sent_by_client else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": chain}


def _fail_sign_ins(client, count: int, headers) -> None:
    for number in range(count):
        client.post(
            "/accounts/login/",
            {"login": _random_email(), "password": "salah-sandi"},
            **headers(number),
        )


def _signs_in(client, user, **meta) -> bool:
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD}, **meta)
    return client.session.get("_auth_user_id") == str(user.pk)


def test_without_trusted_proxies_a_spoofed_forwarded_for_does_not_escape_the_ip_limit(
    client, settings
):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 0
    attacker = "203.0.113.7"
    user = UserFactory()
    _fail_sign_ins(
        client,
        FAILURES_TO_LOCK_AN_ADDRESS,
        lambda n: {"REMOTE_ADDR": attacker, "HTTP_X_FORWARDED_FOR": f"10.9.0.{n}"},
    )
    assert not _signs_in(
        client, user, REMOTE_ADDR=attacker, HTTP_X_FORWARDED_FOR="10.9.9.9"
    )


def test_behind_one_proxy_failed_sign_ins_of_one_client_do_not_lock_out_another(
    client, settings
):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 1
    _fail_sign_ins(
        client, FAILURES_TO_LOCK_AN_ADDRESS, lambda n: _behind_proxy("198.51.100.1")
    )
    colleague = UserFactory()
    assert _signs_in(client, colleague, **_behind_proxy("198.51.100.2"))


def test_behind_one_proxy_the_client_itself_is_still_limited(client, settings):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 1
    attacker = "198.51.100.1"
    _fail_sign_ins(
        client, FAILURES_TO_LOCK_AN_ADDRESS, lambda n: _behind_proxy(attacker)
    )
    assert not _signs_in(client, UserFactory(), **_behind_proxy(attacker))


def test_behind_one_proxy_prepending_addresses_does_not_escape_the_limit(
    client, settings
):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 1
    attacker = "198.51.100.1"
    _fail_sign_ins(
        client,
        FAILURES_TO_LOCK_AN_ADDRESS,
        lambda n: _behind_proxy(attacker, sent_by_client=f"10.9.0.{n}, 10.8.0.{n}"),
    )
    user = UserFactory()
    assert not _signs_in(
        client, user, **_behind_proxy(attacker, sent_by_client="192.0.2.200")
    )


@pytest.fixture
def locmem_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    from django.core.cache import cache

    cache.clear()


def _verification_statuses(client, count: int, meta) -> list[int]:
    return [
        client.get(f"/v/{secrets.token_urlsafe(18)}", **meta(n)).status_code
        for n in range(count)
    ]


def test_without_trusted_proxies_a_spoofed_header_does_not_escape_the_verify_limit(
    client, settings, locmem_cache, db
):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 0
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    statuses = _verification_statuses(
        client,
        5,
        lambda n: {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": f"10.0.0.{n}"},
    )
    assert statuses[3:] == [429, 429]


def test_behind_one_proxy_the_verify_limit_counts_each_client(
    client, settings, locmem_cache, db
):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 1
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    first = _verification_statuses(client, 4, lambda n: _behind_proxy("198.51.100.1"))
    other = _verification_statuses(client, 1, lambda n: _behind_proxy("198.51.100.2"))
    spoofing = _verification_statuses(
        client,
        2,
        lambda n: _behind_proxy("198.51.100.1", sent_by_client=f"10.0.0.{n}"),
    )
    assert first[3] == 429
    assert other == [404]
    assert spoofing == [429, 429]


def test_ipv6_clients_are_counted_per_64_network_for_the_verify_limit(
    client, settings, locmem_cache, db
):
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    statuses = _verification_statuses(
        client, 5, lambda n: {"REMOTE_ADDR": f"2001:db8:1:2::{n + 1:x}"}
    )
    assert statuses[3:] == [429, 429]


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (
            0,
            {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "1.1.1.1"},
            "203.0.113.7",
        ),
        (1, _behind_proxy("198.51.100.1", "1.1.1.1, 2.2.2.2"), "198.51.100.1"),
        (
            2,
            {
                "REMOTE_ADDR": PROXY,
                "HTTP_X_FORWARDED_FOR": "1.1.1.1, 198.51.100.1, 10.0.0.2",
            },
            "198.51.100.1",
        ),
        # Reached the app server directly, past the proxy: its own address.
        (
            2,
            {"REMOTE_ADDR": "203.0.113.7", "HTTP_X_FORWARDED_FOR": "1.1.1.1"},
            "203.0.113.7",
        ),
        (1, {"REMOTE_ADDR": "203.0.113.7"}, "203.0.113.7"),
        (1, {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "bukan-alamat"}, None),
    ],
    ids=["no-proxy", "one-proxy", "two-proxies", "short-header", "no-header", "junk"],
)
def test_client_ip_is_the_nth_address_from_the_right(settings, proxies, meta, expected):
    settings.SIGAP_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **meta)
    assert client_ip(request) == expected


def test_audit_trail_records_the_client_behind_the_proxy(settings, db):
    settings.SIGAP_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", **_behind_proxy("198.51.100.1", "1.1.1.1"))
    record_event(actor=None, action="uji", request=request)
    assert AuditEvent.objects.get(action="uji").ip_address == "198.51.100.1"


def test_one_setting_configures_sigap_and_allauth(monkeypatch):
    configured = settings_from_environment(monkeypatch, SIGAP_TRUSTED_PROXY_COUNT="1")
    assert configured["SIGAP_TRUSTED_PROXY_COUNT"] == 1
    assert configured["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1
    monkeypatch.delenv("SIGAP_TRUSTED_PROXY_COUNT")
    default = settings_from_environment(monkeypatch)
    assert default["SIGAP_TRUSTED_PROXY_COUNT"] == 0
    assert default["ALLAUTH_TRUSTED_PROXY_COUNT"] == 0
