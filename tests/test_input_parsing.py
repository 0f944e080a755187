"""Numbers typed by people and ids in paths: ASCII digits in the database's range; JSON
other programs send: what Sigap can keep, or refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import Resolver404, resolve, reverse

from lms.converters import MAX_ID
from lms.numbers import clean_int, parse_int
from lms.uploads import read_json

UNICODE_DIGITS = ["²", "⑤", "٣", "１２", "߁", "𝟙"]


@pytest.mark.parametrize("text", UNICODE_DIGITS)
def test_unicode_digits_are_not_numbers(text):
    assert text.isdigit()  # what the old checks trusted
    assert parse_int(text) is None


@pytest.mark.parametrize(
    "text",
    ["", " ", "-", "+1", "1.0", "1e3", "0x10", "1_000", "9" * 21, None, 12, "1\x00"],
)
def test_anything_but_plain_ascii_digits_is_refused(text):
    assert parse_int(text) is None


def test_plain_numbers_within_bounds_are_read():
    assert parse_int("42") == 42
    assert parse_int(" 7 ") == 7
    assert parse_int("-3", min_value=-5) == -3
    assert parse_int("-3") is None
    assert parse_int("11", max_value=10) is None
    assert parse_int(str(2**63 - 1)) == 2**63 - 1
    assert parse_int(str(2**63)) is None


def test_clean_int_refuses_with_an_indonesian_message():
    with pytest.raises(ValidationError) as refused:
        clean_int("²", min_value=1, max_value=10)
    assert "bilangan bulat antara 1 dan 10" in refused.value.messages[0]


@pytest.mark.parametrize(
    "path",
    [
        "/kursus/{}/daftar/",
        "/pelajaran/{}/selesai/",
        "/kuis/{}/mulai/",
        "/kuis/percobaan/{}/simpan/",
        "/sertifikat/kursus/{}/zip/",
        "/hr/pegawai/{}/",
        "/kompetensi/klaim/{}/bukti.pdf",
    ],
)
def test_ids_beyond_the_database_range_match_no_view_of_ours(path):
    largest = resolve(path.format(MAX_ID))
    assert largest.kwargs and max(largest.kwargs.values()) == MAX_ID
    for value in (str(MAX_ID + 1), "9" * 25, "٣"):
        try:
            match = resolve(path.format(value))
        except Resolver404:
            continue
        assert match.func != largest.func, value


def test_ids_still_reverse_to_paths():
    assert reverse("courses:enrol", args=[12]) == "/kursus/12/daftar/"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a": "x\\u0000"}',
        b'{"x\\u0000": 1}',
        b'[[["\\u0000"]]]',
        b'{"score": NaN}',
        b"[1, Infinity]",
        b"[" * 50_000 + b"]" * 50_000,
        b'"\xff"',
        b"{",
    ],
)
def test_json_sigap_could_not_keep_is_refused(raw):
    with pytest.raises(ValueError):
        read_json(raw)


def test_json_with_a_backslash_written_before_u0000_is_read():
    """A text holding the six characters \\u0000 is not NUL."""
    assert read_json(b'{"a": "\\\\u0000"}') == {"a": "\\u0000"}
