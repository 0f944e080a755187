"""Files HR staff really upload, and files crafted to break the reader: each is
read, or refused with a message in Indonesian, never a 500 or a runaway read."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.hr.imports import MAX_COLUMNS, ImportFileError, _xlsx_table, read_rows
from lms.hr.models import HrJob

from .test_imports import GOOD, HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(unit, sub_unit, other_unit):
    return unit


def _csv(text: str, encoding="utf-8", name="pegawai.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding))


def test_csv_from_excel_for_mac_with_cr_line_endings_is_read():
    rows = read_rows(_csv((HEADER + "\n".join(GOOD) + "\n").replace("\n", "\r")))
    assert [row["name"] for row in rows] == ["Ani Lestari", "Budi Hartono"]


def test_csv_saved_as_excel_unicode_text_is_read():
    text = (HEADER + "\n".join(GOOD) + "\n").replace(",", "\t").replace("\t", ";")
    rows = read_rows(_csv("\ufeff" + text, encoding="utf-16-le"))
    assert [row["email"] for row in rows] == ["ani@contoh.go.id", "budi@contoh.go.id"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER + GOOD[0] + "," + "x" * 200_000 + "\n", "128 KB"),
        (HEADER + GOOD[0].replace("Ani", "A\x00ni") + "\n", "data biner"),
        (HEADER + "\x00\x01\x02\xff" * 100, "data biner"),
    ],
)
def test_unreadable_csv_is_refused_with_its_reason(content, message):
    with pytest.raises(ImportFileError) as refused:
        read_rows(_csv(content))
    assert message in str(refused.value)


def test_import_page_answers_a_cr_only_csv_with_its_dry_run(officer_client, units):
    upload = _csv((HEADER + "\n".join(GOOD) + "\n").replace("\n", "\r"))
    response = officer_client.post(reverse("hr:imports"), {"file": upload})
    assert response.status_code == 302
    assert HrJob.objects.get().total == 2


def test_import_page_refuses_an_oversized_cell_with_a_form_error(officer_client, units):
    upload = _csv(HEADER + GOOD[0].replace("Ani", "A" * 200_000) + "\n")
    response = officer_client.post(reverse("hr:imports"), {"file": upload})
    assert response.status_code == 400
    assert "128 KB" in response.text
    assert not HrJob.objects.exists()


def _xlsx(*, dimension=None, extra=None) -> bytes:
    """A two-row staff list; ``dimension`` rewrites the sheet's declared size and
    ``extra`` adds (name, bytes) members to the zip."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NIP", "Nama", "Email", "Kode unit"])
    sheet.append(["199003152015032101", "Ani", "ani@contoh.go.id", "DINKES-UJI"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if dimension and info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'ref="A1:D2"', f'ref="{dimension}"'.encode())
                assert dimension.encode() in data
            target.writestr(info.filename, data)
        for name, data in extra or []:
            target.writestr(name, data)
    return out.getvalue()


def test_xlsx_declaring_a_huge_sheet_is_read_for_its_real_cells_only():
    # Formatting whole rows makes Excel declare columns up to XFD (16,384): read
    # as declared, 50,000 such rows would be 800 million cells.
    data = _xlsx(dimension="A1:XFD60000")
    table = _xlsx_table(data)
    assert all(len(row) <= MAX_COLUMNS for row in table)
    rows = read_rows(SimpleUploadedFile("pegawai.xlsx", data))
    assert [row["name"] for row in rows] == ["Ani"]


def test_xlsx_that_inflates_far_beyond_its_size_is_refused_before_reading():
    bomb = ("xl/media/image1.png", b"\x00" * (60 * 1024 * 1024))
    upload = SimpleUploadedFile("pegawai.xlsx", _xlsx(extra=[bomb]))
    assert upload.size < 1024 * 1024
    with pytest.raises(ImportFileError) as refused:
        read_rows(upload)
    assert "terlalu besar setelah diekstrak" in str(refused.value)


def test_bulk_enrol_refuses_a_binary_nip_file_with_a_form_error(
    officer_client, units, course
):
    response = officer_client.post(
        reverse("hr:bulk_enrol"),
        {
            "course": course.pk,
            "nip_file": SimpleUploadedFile("nip.csv", b"1990\x00\x01\xff\n" * 20),
        },
    )
    assert response.status_code == 400
    assert "bukan teks" in response.text
