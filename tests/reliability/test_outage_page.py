"""A lost database gives a calm Indonesian 503 page, never a stack trace (in-process).

The live version (a real gunicorn whose PostgreSQL goes away and comes back) is in
``test_database_outage.py`` and runs with ``make reliability``.
"""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_client(client, settings):
    settings.DEBUG = False
    client.raise_request_exception = False
    return client


def _database_down(error):
    return mock.patch.object(CursorWrapper, "execute", side_effect=error)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("could not connect to server: Connection refused"),
        InterfaceError("connection already closed"),
    ],
)
@pytest.mark.parametrize("signed_in", [False, True])
def test_database_outage_shows_indonesian_503_without_a_trace(
    production_client, learner, course, error, signed_in
):
    if signed_in:
        production_client.force_login(learner)
    urls = ["/health/db", course.url, "/"] + (["/kursus-saya/"] if signed_in else [])
    with _database_down(error):
        for url in urls:
            response = production_client.get(url)
            page = response.content.decode()
            assert response.status_code == 503, url
            assert "Layanan sementara tidak tersedia" in page
            assert response["Retry-After"] == "30"
            for leak in ("Traceback", "OperationalError", "InterfaceError", "psycopg"):
                assert leak not in page


def test_service_resumes_when_the_database_returns(production_client, learner, course):
    production_client.force_login(learner)
    url = course.url
    with _database_down(OperationalError("server closed the connection")):
        assert production_client.get(url).status_code == 503
    assert production_client.get(url).status_code == 200


def test_other_errors_still_give_the_plain_500_page(production_client):
    with mock.patch("lms.health.HttpResponse", side_effect=ValueError("bug")):
        response = production_client.get("/health/ping")
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()
    assert "ValueError" not in response.content.decode()
