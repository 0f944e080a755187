"""HR exports: the national *riwayat kursus* report and the JP recap.

Riwayat kursus (SIASN, BKN) columns, exactly and in this order; how each is filled:

======================== ====================================================
instansiId               code of the learner's instansi (root ``OrgUnit.code``;
                         set it to the SIASN instansi ID)
institusiPenyelenggara   ``SIGAP_INSTITUSI_PENYELENGGARA`` (the organiser)
jenisDiklatId            the course's national activity-type code (16 E-Learning)
jenisKursus              that code's name, e.g. "E-Learning"
jenisKursusSertipikat    "S" (sertifikat) when a valid certificate exists, else ""
jumlahJam                the course's JP
lokasiId                 ``SIGAP_LOKASI_ID`` (empty: online)
namaKursus               the course title
nomorSertipikat          the valid certificate's number (empty until issued)
pnsOrangId               the learner's NIP / NI PPPK (18 digits)
tahunKursus              year of completion (Asia/Jakarta)
tanggalKursus            enrolment date, dd-mm-yyyy (Asia/Jakarta)
tanggalSelesaiKursus     completion date, dd-mm-yyyy (Asia/Jakarta)
======================== ====================================================

Rows are read with ``values_list`` and ``iterator`` (no model instances), so a
million rows stream in constant memory.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import CharField, OuterRef, Subquery, Value
from django.utils import timezone

from lms.competencies.jenis_diklat import JenisDiklat

from . import reports
from .filters import HrFilters
from .jp import jp_per_user, jp_target

RIWAYAT_KURSUS_COLUMNS = [
    "instansiId",
    "institusiPenyelenggara",
    "jenisDiklatId",
    "jenisKursus",
    "jenisKursusSertipikat",
    "jumlahJam",
    "lokasiId",
    "namaKursus",
    "nomorSertipikat",
    "pnsOrangId",
    "tahunKursus",
    "tanggalKursus",
    "tanggalSelesaiKursus",
]

JP_RECAP_COLUMNS = [
    "NIP",
    "Nama",
    "Jenis pegawai",
    "Unit kerja",
    "Tahun",
    "JP",
    "Target JP",
    "Status",
]

CHUNK_SIZE = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Make a cell safe for spreadsheets: text starting like a formula gets a '."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def dmy(moment) -> str:
    """A date or datetime as dd-mm-yyyy in Asia/Jakarta."""
    if moment is None:
        return ""
    if hasattr(moment, "tzinfo") and moment.tzinfo is not None:
        moment = timezone.localtime(moment)
    return moment.strftime("%d-%m-%Y")


def _certificate_number():
    """The enrolment's valid certificate number, as a subquery ("" before issue)."""
    try:
        from certificates.models import Certificate
    except ImportError:
        return Value("", output_field=CharField())
    return Subquery(
        Certificate.objects.filter(enrolment=OuterRef("pk"), status="valid")
        .order_by("-pk")
        .values("number")[:1]
    )


def riwayat_kursus_queryset(*, user, filters: HrFilters):
    """Completions in ``user``'s scope, as plain tuples, oldest first."""
    return (
        reports.completions(user, filters)
        .annotate(certificate_number=_certificate_number())
        .order_by("completed_at", "pk")
        .values_list(
            "user__asn_profile__instansi__code",
            "course__jenis_diklat",
            "course__jp",
            "course__title",
            "certificate_number",
            "user__asn_profile__nip",
            "enrolled_at",
            "completed_at",
        )
    )


def riwayat_kursus_rows(*, user, filters: HrFilters) -> Iterator[list]:
    """One list per completion, in ``RIWAYAT_KURSUS_COLUMNS`` order, neutralised."""
    organiser = settings.SIGAP_INSTITUSI_PENYELENGGARA
    lokasi = settings.SIGAP_LOKASI_ID
    names = dict(JenisDiklat.choices)
    rows = riwayat_kursus_queryset(user=user, filters=filters).iterator(
        chunk_size=CHUNK_SIZE
    )
    for instansi, jenis, jp, title, number, nip, enrolled, completed in rows:
        completed_local = timezone.localtime(completed)
        yield [
            neutralise(instansi or ""),
            neutralise(organiser),
            jenis,
            names.get(jenis, ""),
            "S" if number else "",
            jp,
            neutralise(lokasi),
            neutralise(title),
            neutralise(number or ""),
            nip or "",
            completed_local.year,
            dmy(enrolled),
            completed_local.strftime("%d-%m-%Y"),
        ]


def jp_recap_rows(*, user, filters: HrFilters) -> Iterator[list]:
    """Every person in scope with their JP in the year, zero included."""
    totals = dict(
        jp_per_user(year=filters.year)
        .filter(user__in=reports.people(user, filters).values("user"))
        .values_list("user", "jp")
    )
    target = jp_target()
    people = (
        reports.people(user, filters)
        .order_by("unit__path", "full_name", "pk")
        .values_list("user", "nip", "full_name", "employee_type", "unit__name")
        .iterator(chunk_size=CHUNK_SIZE)
    )
    for person, nip, name, employee_type, unit_name in people:
        jp = totals.get(person, 0)
        yield [
            nip or "",
            neutralise(name),
            employee_type,
            neutralise(unit_name or ""),
            filters.year,
            jp,
            target,
            "Tercapai" if jp >= target else "Belum tercapai",
        ]


def csv_chunks(header: list[str], rows: Iterable[list], *, every: int = 500):
    """CSV text in chunks: the header at once, then every ``every`` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for index, row in enumerate(rows, start=1):
        writer.writerow(row)
        if index % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def write_xlsx(target, header: list[str], rows: Iterable[list], *, progress=None):
    """Write rows to an XLSX file with openpyxl's write-only mode (constant memory).

    ``progress(n)`` is called every ``CHUNK_SIZE`` rows.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("riwayat")
    sheet.append(header)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.append(row)
        if progress is not None and count % CHUNK_SIZE == 0:
            progress(count)
    workbook.save(target)
    return count
