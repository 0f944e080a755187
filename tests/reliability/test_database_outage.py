"""PostgreSQL goes away under a running Sigap, then comes back.

gunicorn reaches PostgreSQL through a TCP proxy that the test cuts: every page that
needs the database answers the Indonesian 503 page (no stack trace), the process
stays up, and pages come back by themselves once the database is reachable again.
"""

import time
from urllib.parse import urlsplit

import pytest

from tests.reliability.live import Gunicorn, get
from tests.reliability.tcp_proxy import TcpProxy

pytestmark = pytest.mark.reliability

LEAKS = ("Traceback", "OperationalError", "InterfaceError", "psycopg", 'File "')


def test_database_outage_gives_503_and_service_resumes(live_database):
    if not live_database.is_postgres:
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://…): SQLite cannot go away"
        )
    target = urlsplit(live_database.url)
    proxy = TcpProxy((target.hostname, target.port or 5432))
    proxy.up()
    proxied = target._replace(netloc=f"{target.username}@127.0.0.1:{proxy.port}")
    env = {**live_database.env, "DATABASE_URL": proxied.geturl()}
    try:
        with Gunicorn(env, "outage") as server:
            pages = ["/", "/katalog/", "/health/db"]
            for page in pages:
                assert get(server.url + page)[0] == 200, page

            proxy.down()
            for page in pages:
                status, body = get(server.url + page)
                assert status == 503, page
                assert "Layanan sementara tidak tersedia" in body
                assert not [leak for leak in LEAKS if leak in body], body[:500]
            assert get(server.url + "/health/ping")[0] == 200  # the process lives on

            proxy.up()
            deadline = time.monotonic() + 30
            statuses = {}
            while time.monotonic() < deadline:
                statuses = {page: get(server.url + page)[0] for page in pages}
                if set(statuses.values()) == {200}:
                    break
                time.sleep(0.5)
            assert set(statuses.values()) == {200}, statuses
    finally:
        proxy.down()
