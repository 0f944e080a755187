"""A code that matches no certificate: a 404 that helps the verifier (what to check,
a form to type the code again), in the demo (DEBUG) too; a code typed with a
trailing slash, spaces or as the whole address still finds its certificate."""

import secrets

import pytest
from django.conf import settings
from django.test import Client

# What the page must tell a verifier, in Indonesian.
ADVICE = (
    "Sertifikat tidak ditemukan",
    "tercetak di samping kode QR",  # where the code is
    "huruf O dan angka 0",  # characters that look alike
    "Pindai ulang kode QR",
    "hubungi instansi penerbit",
    'name="kode"',  # the form to type it again
)


@pytest.fixture
def locmem_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(params=[False, True], ids=["production", "demo-debug"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def _get(path: str, language: str = "id", **params):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(path, params, follow=True)


def _assert_helps(response, typed: str):
    page = response.content.decode()
    assert response.status_code == 404
    for advice in ADVICE:
        assert advice in page
    assert f'value="{typed}"' in page
    assert "Traceback" not in page and "Page not found at" not in page


@pytest.mark.parametrize(
    "how", ["qr-address", "typed-code", "typed-short", "typed-odd", "qr-short"]
)
def test_unknown_code_gets_a_helpful_404(db, locmem_cache, debug, how):
    code = secrets.token_urlsafe(18)
    response, typed = {
        "qr-address": lambda: (_get(f"/v/{code}"), code),
        "typed-code": lambda: (_get("/v/", kode=code), code),
        "typed-short": lambda: (_get("/v/", kode="AB12"), "AB12"),
        "typed-odd": lambda: (_get("/v/", kode="kode#salah!"), "kode#salah!"),
        "qr-short": lambda: (_get("/v/AB12cut"), "AB12cut"),
    }[how]()
    _assert_helps(response, typed)


def test_not_found_page_follows_the_language(db, locmem_cache):
    response = _get(f"/v/{secrets.token_urlsafe(18)}", language="en")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Certificate not found" in page
    assert "Sertifikat tidak ditemukan" not in page


def test_typed_code_is_escaped(db, locmem_cache):
    response = _get("/v/", kode='"><script>alert(1)</script>')
    assert response.status_code == 404
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize(
    "typed",
    [
        "{code}",
        " {code} ",
        "{code}/",
        "https://sigap.example.go.id/v/{code}",
        "{site}/v/{code}/",
    ],
)
def test_a_code_typed_or_pasted_loosely_finds_its_certificate(
    certificate, locmem_cache, typed
):
    text = typed.format(code=certificate.code, site=settings.SITE_URL)
    response = _get("/v/", kode=text)
    assert response.status_code == 200
    assert "Sertifikat sah" in response.content.decode()


def test_a_code_with_a_trailing_slash_finds_its_certificate(certificate, locmem_cache):
    response = _get(f"/v/{certificate.code}/")
    assert response.status_code == 200
    assert certificate.number in response.content.decode()


def test_unknown_codes_are_rate_limited_like_known_ones(db, locmem_cache, settings):
    settings.SIGAP_VERIFY_RATE_LIMIT = "3/m"
    client = Client()
    statuses = [client.get(f"/v/salah{n}").status_code for n in range(5)]
    assert statuses == [404, 404, 404, 429, 429]


@pytest.mark.parametrize(
    "typed",
    [
        "\x00",
        "a\x00b",
        "x" * 5000,
        "１２３４",
        "../../etc/passwd",
        "/v/",
        "%",
        "\u202e",
    ],
)
def test_odd_typed_codes_get_the_not_found_page_never_an_error(db, locmem_cache, typed):
    client = Client()
    client.raise_request_exception = False
    # NUL is refused before any view (lms.middleware): a 400, still never a 500.
    expected = (400,) if "\x00" in typed else (302, 404)
    assert client.get("/v/", {"kode": typed}).status_code in expected
    path = f"/v/{typed.strip(chr(0))}x"
    assert client.get(path).status_code in ((400,) if "\x00" in path else (302, 404))
