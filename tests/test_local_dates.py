"""Every date a person reads is the Asia/Jakarta date, never the UTC one.

00:30 WIB is 17:30 UTC the day before: a certificate, an export row or a JP entry
made then belongs to the Jakarta day (and, at New Year, the Jakarta year).
"""

import csv
import datetime
import io
import re
import unicodedata
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from certificates.services import issue_certificate
from lms.competencies.models import JpEntry
from tests.factories import complete_enrolment_for, make_hr_officer

pytestmark = pytest.mark.django_db

# 00:30 WIB on 15 June 2026 and on 1 January 2027.
MID_YEAR = datetime.datetime(2026, 6, 14, 17, 30, tzinfo=datetime.UTC)
NEW_YEAR = datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.UTC)


def _pdf_text(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _export_record(client, *, year: int, nip: str) -> dict:
    response = client.get(reverse("hr:export_riwayat_csv"), {"year": year})
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    (record,) = [r for r in records if r["pnsOrangId"] == nip]
    return record


@pytest.fixture
def issued_after_midnight(learner, course):
    """Completed and issued at 00:30 WIB on 15 June 2026."""
    with time_machine.travel(MID_YEAR, tick=False):
        return issue_certificate(enrolment=complete_enrolment_for(learner, course))


def test_certificate_pdf_prints_the_jakarta_day_it_was_issued(issued_after_midnight):
    text = _pdf_text(issued_after_midnight)
    assert "15 Juni 2026" in text
    assert "14 Juni 2026" not in text


def test_verification_page_shows_the_jakarta_day_it_was_issued(
    client, issued_after_midnight
):
    response = client.get(
        reverse("certificates:verify", args=[issued_after_midnight.code])
    )
    assert response.status_code == 200
    assert "15 Juni 2026" in response.text
    assert "14 Juni 2026" not in response.text


def test_national_export_dates_a_completion_by_its_jakarta_day(
    client, unit, learner, issued_after_midnight
):
    client.force_login(make_hr_officer(unit, email="hr-tanggal@sigap.test"))
    record = _export_record(client, year=2026, nip=learner.asn_profile.nip)
    assert record["tanggalKursus"] == "15-06-2026"
    assert record["tanggalSelesaiKursus"] == "15-06-2026"
    assert record["nomorSertipikat"] == issued_after_midnight.number


def test_completion_at_0030_wib_on_new_year_counts_for_the_new_year_everywhere(
    client, unit, learner, course
):
    with time_machine.travel(NEW_YEAR, tick=False):
        certificate = issue_certificate(
            enrolment=complete_enrolment_for(learner, course)
        )

    assert JpEntry.objects.get(user=learner).year == 2027
    assert certificate.number.endswith("/2027")
    assert "1 Januari 2027" in _pdf_text(certificate)
    with time_machine.travel(NEW_YEAR + datetime.timedelta(days=5)):
        client.force_login(make_hr_officer(unit, email="hr-tahun@sigap.test"))
        record = _export_record(client, year=2027, nip=learner.asn_profile.nip)
    assert record["tahunKursus"] == "2027"
    assert record["tanggalSelesaiKursus"] == "01-01-2027"


# A moment's UTC calendar fields read straight off an aware datetime (our
# ``*_at`` fields, ``timezone.now()``) or the machine's local date: each one is a
# date in the wrong zone. ``timezone.localdate`` / ``localtime`` are the way.
UTC_DATE_PATTERNS = [
    re.compile(r"\w+_at\.(date\(\)|year\b|month\b|day\b)"),
    re.compile(r"\bnow\(\)\.(date\(\)|year\b|month\b|day\b)"),
    re.compile(r"\bdate\.today\(\)"),
    re.compile(r"\bdatetime\.now\(\)"),
]
TEMPLATE_UTC_DATE = re.compile(r"\w+_at\.(date|year|month|day)\b")


def _source_files():
    base = Path(settings.BASE_DIR)
    for package in ("lms", "courses", "certificates"):
        for path in (base / package).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_no_code_reads_a_calendar_date_off_a_utc_moment():
    offenders = [
        f"{path}:{number}: {line.strip()}"
        for path in _source_files()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if any(pattern.search(line) for pattern in UTC_DATE_PATTERNS)
    ]
    assert offenders == []


def test_no_template_reads_a_calendar_date_off_a_utc_moment():
    base = Path(settings.BASE_DIR) / "templates"
    offenders = [
        f"{path}:{number}: {line.strip()}"
        for path in base.rglob("*")
        if path.suffix in {".html", ".txt"}
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if TEMPLATE_UTC_DATE.search(line)
    ]
    assert offenders == []


def test_the_admin_offers_indonesias_three_time_zones():
    """Wagtail's account page lists WAGTAIL_USER_TIME_ZONES: the zones Sigap's units
    use, not Python's ~600 (with Debian's "localtime", which browsers refuse)."""
    from wagtail.admin.localization import get_available_admin_time_zones

    from lms.accounts.models import TimeZone

    assert sorted(get_available_admin_time_zones()) == sorted(TimeZone.values)
