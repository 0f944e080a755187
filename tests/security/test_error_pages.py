"""Refused and failed requests get a page on the site's layout, in the visitor's
language, with the right status: never Django's bare English "Not Found" or its
debug pages, and the 500 page never needs the database."""

import secrets
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from lms.resilience import server_error

# (Indonesian, English) headings, and what Django says by itself.
HEADINGS = {
    400: ("Permintaan tidak valid", "Bad request"),
    403: ("Akses ditolak", "Access denied"),
    "csrf": ("Formulir tidak dapat dikirim", "The form could not be sent"),
    404: ("Halaman tidak ditemukan", "Page not found"),
    500: ("Terjadi kesalahan", "Something went wrong"),
}
DJANGO_DEFAULTS = (
    "Not Found",
    "Bad Request",
    "Forbidden",
    "Server Error",
    "CSRF verification failed",
    "The requested resource",
)
SITE_LAYOUT = ('class="site-header"', 'class="site-footer"', 'href="#main"')


def _visitor(language: str, **kwargs) -> Client:
    client = Client(**kwargs)
    client.cookies["django_language"] = language
    client.raise_request_exception = False
    return client


def _assert_friendly(response, status, kind, language):
    page = response.content.decode()
    indonesian, english = HEADINGS[kind]
    assert response.status_code == status
    assert f'<html lang="{language}">' in page
    for part in SITE_LAYOUT:
        assert part in page
    if language == "id":
        assert indonesian in page
        for english_text in (english, *DJANGO_DEFAULTS):
            assert english_text not in page
    else:
        assert english in page
        assert indonesian not in page
    assert "Traceback" not in page


@pytest.mark.parametrize("language", ["id", "en"])
def test_unknown_page_is_a_friendly_404(db, catalog, language):
    response = _visitor(language).get(f"/tidak-ada-{secrets.token_hex(4)}/")
    _assert_friendly(response, 404, 404, language)


@pytest.mark.parametrize("language", ["id", "en"])
def test_refused_page_is_a_friendly_403(learner, language):
    client = _visitor(language)
    client.force_login(learner)
    response = client.get("/hr/")
    _assert_friendly(response, 403, 403, language)


@pytest.mark.parametrize("language", ["id", "en"])
def test_bad_host_is_a_friendly_400(db, language):
    response = _visitor(language).get("/", HTTP_HOST="penyerang.example")
    _assert_friendly(response, 400, 400, language)


@pytest.mark.parametrize("language", ["id", "en"])
def test_form_without_csrf_token_is_a_friendly_403(db, language):
    client = _visitor(language, enforce_csrf_checks=True)
    response = client.post(
        "/accounts/login/", {"login": "a@contoh.go.id", "password": "x"}
    )
    _assert_friendly(response, 403, "csrf", language)
    assert 'href="/accounts/login/"' in response.content.decode()


@pytest.mark.parametrize("language", ["id", "en"])
def test_500_page_renders_on_the_site_layout_without_the_database(db, language):
    request = RequestFactory().get("/")
    down = mock.patch.object(
        CursorWrapper, "execute", side_effect=OperationalError("server closed")
    )
    with (
        translation.override(language),
        down,
        CaptureQueriesContext(connection) as queries,
    ):
        try:
            raise ValueError("a bug")
        except ValueError:
            response = server_error(request)
    assert len(queries) == 0
    _assert_friendly(response, 500, 500, language)


def test_500_page_is_served_for_an_unexpected_error(db, settings):
    settings.DEBUG = False
    client = _visitor("id")
    with mock.patch("lms.health.HttpResponse", side_effect=ValueError("bug")):
        response = client.get("/health/ping")
    _assert_friendly(response, 500, 500, "id")
