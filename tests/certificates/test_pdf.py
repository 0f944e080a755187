"""The printed certificate: readable text, one A4 landscape page, every glyph."""

import io
import unicodedata

import pytest
from django.conf import settings
from pypdf import PdfReader

from certificates.services import issue_certificate
from tests.factories import AsnProfileFactory, complete_enrolment_for


def _reader(certificate) -> PdfReader:
    with certificate.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def _text(reader: PdfReader) -> str:
    text = " ".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_pdf_shows_name_nip_and_number_on_one_a4_landscape_page(certificate):
    reader = _reader(certificate)
    text = _text(reader)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (
        round(float(box.width) / 72 * 25.4),
        round(float(box.height) / 72 * 25.4),
    ) == (
        297,
        210,
    )
    assert certificate.holder_name in text
    assert certificate.holder_nip in text
    assert certificate.number in text
    assert certificate.course_title in text


def test_pdf_points_to_the_verification_url_from_site_url(certificate):
    assert certificate.verification_url == (f"{settings.SITE_URL}/v/{certificate.code}")
    assert certificate.verification_url in _text(_reader(certificate)).replace(" ", "")


def test_verification_code_carries_at_least_128_bits(certificate):
    # token_urlsafe: 6 bits per character.
    assert len(certificate.code) * 6 >= 128


# A 90-character name with titles, as printed.
NINETY = (
    "Dr. Ir.",
    "Raden Ayu Siti Nurhaliza Kusumawardani Prawiranegara-Wicaksono",
    "S.H., M.Kn., Ph.D.",
)


@pytest.mark.parametrize(
    ("full_name", "prefix", "suffix"),
    [
        ("Ni Luh Putu Ayu Déwi Sukmawati", "", "S.Kom."),
        ("I Gusti Ngurah Agung O'Neill-Pratama", "Drs.", "M.Si."),
        ("Łukasz Żółć Nguyễn Thị Minh Khai Ñúñez Çelik Ğüneş", "", ""),
        ("Teuku Cut Ma’ruf Al-Ghifari ʼAbdullah", "H.", "Lc."),
        ("Ἀλέξανδρος Жуков", "", ""),
        (NINETY[1], NINETY[0], NINETY[2]),
    ],
)
def test_unicode_names_print_with_embedded_fonts_on_one_page(
    full_name, prefix, suffix, unit, course
):
    profile = AsnProfileFactory(
        unit=unit, full_name=full_name, title_prefix=prefix, title_suffix=suffix
    )
    certificate = issue_certificate(
        enrolment=complete_enrolment_for(profile.user, course)
    )
    reader = _reader(certificate)
    assert len(reader.pages) == 1
    assert unicodedata.normalize("NFC", certificate.holder_name) in _text(reader)
    # Any glyph missing from the shipped Noto fonts would pull in a system font.
    assert _fonts(reader) <= {
        "Sigap-Serif",
        "Sigap-Serif-Bold",
        "Sigap-Sans",
        "Sigap-Sans-Bold",
    }


def test_ninety_character_name_stays_on_one_page(unit, course):
    prefix, full_name, suffix = NINETY
    profile = AsnProfileFactory(
        unit=unit, full_name=full_name, title_prefix=prefix, title_suffix=suffix
    )
    certificate = issue_certificate(
        enrolment=complete_enrolment_for(profile.user, course)
    )
    assert len(certificate.holder_name) == 90
    assert len(_reader(certificate).pages) == 1
