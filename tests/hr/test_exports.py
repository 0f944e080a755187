"""National riwayat kursus and JP recap exports: columns, dates, scope, safety."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from courses.models import Enrolment
from courses.services import complete_enrolment, enrol
from lms.audit.models import AuditEvent
from lms.hr.exports import RIWAYAT_KURSUS_COLUMNS, neutralise
from lms.hr.models import HrJob

EXPECTED_HEADER = (
    "instansiId,institusiPenyelenggara,jenisDiklatId,jenisKursus,"
    "jenisKursusSertipikat,jumlahJam,lokasiId,namaKursus,nomorSertipikat,"
    "pnsOrangId,tahunKursus,tanggalKursus,tanggalSelesaiKursus"
)


@pytest.fixture
def completions(course, learner, insider, outsider):
    """Completed on 31 Dec 2026 23:30 Jakarta (16:30 UTC): still 2026 there."""
    for person in (learner, insider, outsider):
        enrolment, _ = enrol(user=person, course=course)
        complete_enrolment(enrolment=enrolment)
    Enrolment.objects.update(
        enrolled_at=datetime.datetime(2026, 3, 1, 18, 0, tzinfo=datetime.UTC),
        completed_at=datetime.datetime(2026, 12, 31, 16, 30, tzinfo=datetime.UTC),
    )
    return course


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_riwayat_kursus_csv_has_exactly_the_national_columns_in_order(
    officer_client, completions, learner
):
    response = officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2026})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert ",".join(rows[0]) == EXPECTED_HEADER
    assert rows[0] == RIWAYAT_KURSUS_COLUMNS
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    (record,) = [r for r in records if r["pnsOrangId"] == learner.asn_profile.nip]
    # 1 March 18:00 UTC is 2 March in Jakarta; 31 Dec 16:30 UTC is 23:30 Jakarta.
    assert record["tanggalKursus"] == "02-03-2026"
    assert record["tanggalSelesaiKursus"] == "31-12-2026"
    assert record["tahunKursus"] == "2026"
    assert record["jenisDiklatId"] == "16"
    assert record["jenisKursus"] == "E-Learning"
    assert record["jumlahJam"] == str(completions.jp)
    assert record["namaKursus"] == completions.title
    assert record["instansiId"] == "PEMKAB-UJI"


def test_riwayat_kursus_csv_contains_only_the_officers_scope(
    officer_client, completions, learner, insider, outsider
):
    rows = _csv(officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2026}))
    nips = {row[RIWAYAT_KURSUS_COLUMNS.index("pnsOrangId")] for row in rows[1:]}
    assert nips == {learner.asn_profile.nip, insider.asn_profile.nip}
    assert outsider.asn_profile.nip not in nips


def test_export_is_recorded_in_the_audit_trail(officer_client, officer, completions):
    _csv(officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2026}))
    event = AuditEvent.objects.get(action="hr.export")
    assert event.actor == officer
    assert event.data["report"] == "riwayat_kursus"
    assert event.data["format"] == "csv"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 811", "'+62 811"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Kursus biasa", "Kursus biasa"),
        (16, 16),
    ],
)
def test_cells_that_look_like_formulas_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_formula_in_a_course_title_is_neutralised_in_the_csv(
    officer_client, completions
):
    completions.title = "=cmd|' /C calc'!A0"
    completions.save()
    rows = _csv(officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2026}))
    assert rows[1][RIWAYAT_KURSUS_COLUMNS.index("namaKursus")].startswith("'=")


def test_small_xlsx_export_comes_back_with_the_same_columns(
    officer_client, completions
):
    from openpyxl import load_workbook

    response = officer_client.post(reverse("hr:export_riwayat_xlsx"), {"year": 2026})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == RIWAYAT_KURSUS_COLUMNS
    assert len(rows) == 3  # header + the two people in scope
    assert rows[1][RIWAYAT_KURSUS_COLUMNS.index("tanggalSelesaiKursus")] == "31-12-2026"


def test_large_xlsx_export_runs_as_a_job_downloadable_only_by_its_creator(
    officer_client, completions, settings, client, admin_user
):
    from openpyxl import load_workbook

    settings.SIGAP_HR_XLSX_SYNC_ROWS = 1
    response = officer_client.post(reverse("hr:export_riwayat_xlsx"), {"year": 2026})
    job = HrJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("hr:job", args=[job.pk])
    assert job.status == HrJob.Status.DONE and job.total == 2
    page = officer_client.get(reverse("hr:job", args=[job.pk]))
    assert reverse("hr:job_download", args=[job.pk]) in page.content.decode()
    download = officer_client.get(reverse("hr:job_download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert len(rows) == 3
    client.force_login(admin_user)
    assert client.get(reverse("hr:job_download", args=[job.pk])).status_code == 404
    assert client.get(reverse("hr:job", args=[job.pk])).status_code == 404


def test_jp_recap_lists_everyone_in_scope_with_their_jp(
    officer_client, completions, learner, insider, outsider, unit
):
    from tests.factories import AsnProfileFactory

    idle = AsnProfileFactory(unit=unit, full_name="Belum Belajar")
    response = officer_client.get(reverse("hr:export_jp_recap"), {"year": 2026})
    rows = _csv(response)
    assert rows[0][:2] == ["NIP", "Nama"]
    by_nip = {row[0]: row for row in rows[1:]}
    assert set(by_nip) == {
        learner.asn_profile.nip,
        insider.asn_profile.nip,
        idle.nip,
    }
    assert by_nip[idle.nip][5] == "0"
    assert by_nip[insider.asn_profile.nip][5] == str(completions.jp)


def test_completion_in_another_year_is_not_exported(officer_client, completions):
    rows = _csv(officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2025}))
    assert rows[1:] == []


def test_export_pages_are_refused_to_learners(learner_client, db):
    for name in ("hr:exports", "hr:export_riwayat_csv", "hr:export_jp_recap"):
        assert learner_client.get(reverse(name)).status_code == 403


def test_exports_page_shows_count_in_scope(officer_client, completions):
    response = officer_client.get(reverse("hr:exports"), {"year": 2026})
    assert response.context["count"] == 2
