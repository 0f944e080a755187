"""Rendering PDFs (certificates, the HR transcript): the only WeasyPrint import.

The certificate is A4 landscape, with the Noto fonts shipped in ``static/fonts``
embedded, so every Indonesian (and almost any Latin, Greek or Cyrillic) name
prints the same on every machine. Long names and course titles get a smaller size
so the certificate always stays on one page.

Speed: the stylesheet and its fonts are loaded once per process, images and the
QR code are handed to WeasyPrint as bytes (never base64 inside the HTML), and
nothing is fetched except local files.
"""

import datetime
import functools
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

STATIC_DIR = Path(settings.BASE_DIR) / "static"
FONT_DIR = STATIC_DIR / "fonts"
ASSET_SCHEME = "sigap-asset:"


@functools.cache
def _weasyprint():
    """Import WeasyPrint once, with one font configuration reused by every render."""
    # in-function: WeasyPrint takes ~0.8 s to import; only PDF rendering needs it.
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    return weasyprint, FontConfiguration()


@functools.cache
def _certificate_stylesheet():
    weasyprint, font_config = _weasyprint()
    css_path = get_template("certificates/certificate_pdf.css").origin.name
    return weasyprint.CSS(
        string=Path(css_path).read_text(),
        base_url=FONT_DIR.as_uri() + "/",
        font_config=font_config,
    )


def _fetcher(assets: dict[str, tuple[bytes, str]]):
    """A URL fetcher that serves ``sigap-asset:<name>`` and local files only."""
    weasyprint, _font_config = _weasyprint()
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # see _weasyprint()

    class AssetFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith(ASSET_SCHEME):
                data, mime_type = assets[url.removeprefix(ASSET_SCHEME)]
                return URLFetcherResponse(
                    url, body=data, headers={"Content-Type": mime_type}
                )
            return super().fetch(url, headers)

    return AssetFetcher(allowed_protocols=("file",))


# Longest text (characters) for each size class; the classes are in
# templates/certificates/certificate_pdf.css (n0…n5, t0…t3, d0…d2).
NAME_LIMITS = [30, 45, 60, 80, 110]
TITLE_LIMITS = [50, 80, 120]
DENSITY_LIMITS = [260, 380]


def _size_class(prefix: str, length: int, limits: list[int]) -> str:
    """``prefix`` + the index of the first limit that ``length`` fits under."""
    index = next((i for i, limit in enumerate(limits) if length <= limit), len(limits))
    return f"{prefix}{index}"


def density_class(certificate) -> str:
    """Smaller detail and body text when long jabatan, unit and course names add up."""
    length = sum(
        len(text)
        for text in (
            certificate.holder_jabatan,
            certificate.holder_unit_name,
            certificate.holder_instansi,
            certificate.course_title,
            certificate.holder_name,
        )
    )
    return _size_class("d", length, DENSITY_LIMITS)


def qr_svg(url: str) -> bytes:
    """The QR code (SVG, via segno) that leads to the verification page."""
    return (
        segno.make(url, error="m")
        .svg_inline(scale=4, border=0, dark="#1d2b28", omitsize=False)
        .encode()
    )


def _mime(data: bytes) -> str:
    return "image/png" if data[:8] == b"\x89PNG\r\n\x1a\n" else "image/jpeg"


def _date(value) -> str:
    """A date as printed; a moment prints as its day in Jakarta, never in UTC
    (06:00 WIB is 23:00 UTC the day before)."""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return date_format(value, "j F Y") if value else ""


def certificate_html(certificate, *, logo: bool, signature: bool) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "certificates/certificate_pdf.html",
            {
                "c": certificate,
                "texts": certificate.texts,
                "logo": logo,
                "signature": signature,
                "name_class": _size_class(
                    "n", len(certificate.holder_name), NAME_LIMITS
                ),
                "title_class": _size_class(
                    "t", len(certificate.course_title), TITLE_LIMITS
                ),
                "density_class": density_class(certificate),
                "birth_date": _date(certificate.holder_birth_date),
                "started_on": _date(certificate.started_on),
                "completed_on": _date(certificate.completed_on),
                "issued_on": _date(certificate.issued_at),
                "valid_until": _date(certificate.valid_until),
            },
        )


def render_certificate_pdf(
    certificate, *, logo: bytes | None = None, signature: bytes | None = None
) -> bytes:
    """The certificate as an unsigned PDF (bytes)."""
    weasyprint, font_config = _weasyprint()
    assets = {"qr": (qr_svg(certificate.verification_url), "image/svg+xml")}
    if logo:
        assets["logo"] = (logo, _mime(logo))
    if signature:
        assets["signature"] = (signature, _mime(signature))
    html = certificate_html(certificate, logo=bool(logo), signature=bool(signature))
    return weasyprint.HTML(
        string=html,
        base_url=FONT_DIR.as_uri() + "/",
        url_fetcher=_fetcher(assets),
    ).write_pdf(stylesheets=[_certificate_stylesheet()], font_config=font_config)


def html_to_pdf(html: str) -> bytes:
    """A PDF of ``html`` (also the HR transcript); relative URLs resolve in static/."""
    weasyprint, font_config = _weasyprint()
    return weasyprint.HTML(
        string=html,
        base_url=STATIC_DIR.as_uri() + "/",
        url_fetcher=_fetcher({}),
    ).write_pdf(font_config=font_config)


def render_minimal_pdf() -> bytes:
    """A one-line page, the benchmark's baseline for WeasyPrint's own cost."""
    weasyprint, font_config = _weasyprint()
    return weasyprint.HTML(
        string="<!DOCTYPE html><html><body><p>Sigap</p></body></html>"
    ).write_pdf(font_config=font_config)
