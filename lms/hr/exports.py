"""HR exports: the national *riwayat kursus* report, the JP recap and the
learning time per learner and course (*waktu belajar*).

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
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django.db.models import CharField, Func, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from certificates.models import Certificate
from courses.jenis_diklat import JenisDiklat
from courses.models import Enrolment

from . import erasure, reports
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

# The JP recap is read by people (unlike the national columns above, which are
# field names): headers and statuses in the requester's language.
JP_RECAP_COLUMNS = [
    gettext_lazy("NIP"),
    gettext_lazy("Nama"),
    gettext_lazy("Jenis pegawai"),
    gettext_lazy("Unit kerja"),
    gettext_lazy("Tahun"),
    gettext_lazy("JP"),
    gettext_lazy("Target JP"),
    gettext_lazy("Status"),
]

# The learning time per learner and course: one row per enrolment active in the
# year. Not part of the national file (its columns are fixed by SIASN).
TIME_SPENT_COLUMNS = [
    gettext_lazy("NIP"),
    gettext_lazy("Nama"),
    gettext_lazy("Unit kerja"),
    gettext_lazy("Kursus"),
    gettext_lazy("JP"),
    gettext_lazy("Status"),
    gettext_lazy("Terdaftar"),
    gettext_lazy("Pertama dibuka"),
    gettext_lazy("Selesai"),
    gettext_lazy("Waktu belajar aktif (menit)"),
]

# Plain strings (not translated): the national names of the codes.
JENIS_DIKLAT_NAMES = {code: str(name) for code, name in JenisDiklat.choices}

CHUNK_SIZE = 5000
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
    if getattr(moment, "tzinfo", None) is not None:
        moment = timezone.localtime(moment)
    return f"{moment.day:02d}-{moment.month:02d}-{moment.year:04d}"


class LocalDmy(Func):
    """A timestamp as dd-mm-yyyy text in the site's time zone, made by the database.

    Formatting a million dates in Python costs seconds; PostgreSQL does it in the
    scan; SQLite formats Django's local date.
    """

    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return (
            f"to_char(({sql} AT TIME ZONE %s), 'DD-MM-YYYY')",
            [*params, settings.TIME_ZONE],
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        local = TruncDate(
            self.source_expressions[0], tzinfo=timezone.get_default_timezone()
        )
        sql, params = compiler.compile(local)
        return f"strftime(%s, {sql})", ["%d-%m-%Y", *params]


def _certificate_number():
    """The enrolment's valid certificate number, as a subquery ("" before issue)."""
    return Subquery(
        Certificate.objects.filter(enrolment=OuterRef("pk"), status="valid")
        .order_by("-pk")
        .values("number")[:1]
    )


# What a riwayat kursus row is read from, in ``riwayat_kursus_record``'s order
# (the queryset must come through ``with_riwayat_values``).
RIWAYAT_VALUES = (
    "user__asn_profile__instansi__code",
    "course__jenis_diklat",
    "course__jp",
    "course__title",
    "certificate_number",
    "user__asn_profile__nip",
    "enrolled_on",
    "completed_on",
)


def with_riwayat_values(queryset):
    """Enrolments annotated with what ``RIWAYAT_VALUES`` reads beyond columns."""
    return queryset.annotate(
        certificate_number=_certificate_number(),
        enrolled_on=LocalDmy("enrolled_at"),
        completed_on=LocalDmy("completed_at"),
    )


def riwayat_kursus_queryset(*, user, filters: HrFilters):
    """Completions in ``user``'s scope, as plain tuples (in no particular order)."""
    return (
        with_riwayat_values(reports.completions(user, filters))
        .order_by()  # the report has no order; sorting a million rows costs seconds
        .values_list(*RIWAYAT_VALUES)
    )


def riwayat_kursus_tuples(rows: Iterable) -> Iterator[tuple]:
    """The national *riwayat kursus* mapping: each ``RIWAYAT_VALUES`` row as a
    tuple in ``RIWAYAT_KURSUS_COLUMNS`` order, values as they are (dates dd-mm-yyyy
    in Asia/Jakarta).

    The one mapping behind both the exported file (which neutralises the text
    cells) and the SIASN sync's payload (``riwayat_kursus_record``; the sync passes
    the SIASN id where the export passes the NIP). A generator, so that a million
    rows cost one tuple each.
    """
    organiser = settings.SIGAP_INSTITUSI_PENYELENGGARA
    lokasi = settings.SIGAP_LOKASI_ID
    names = JENIS_DIKLAT_NAMES
    for instansi, jenis, jp, title, number, person, enrolled, completed in rows:
        yield (
            instansi or "",
            organiser,
            jenis,
            names.get(jenis, ""),
            "S" if number else "",
            jp,
            lokasi,
            title,
            number or "",
            person or "",
            completed[-4:],
            enrolled,
            completed,
        )


def riwayat_kursus_record(values) -> dict:
    """One ``RIWAYAT_VALUES`` row as the national fields by name."""
    (row,) = riwayat_kursus_tuples([values])
    return dict(zip(RIWAYAT_KURSUS_COLUMNS, row, strict=True))


@contextmanager
def whole_result_plan():
    """Stream every row of a PostgreSQL cursor, planned for the whole result.

    Outside a transaction Django declares the cursor WITH HOLD, and PostgreSQL
    then computes and stores the entire result before the first row; inside one
    rows stream as they are found. ``cursor_tuple_fraction = 1`` plans for
    reading everything (hash joins) rather than for a fast first 10 %.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        yield


def riwayat_kursus_rows(*, user, filters: HrFilters) -> Iterator[list]:
    """One row per completion, in ``RIWAYAT_KURSUS_COLUMNS`` order, neutralised."""
    queryset = riwayat_kursus_queryset(user=user, filters=filters)
    with whole_result_plan():
        yield from _riwayat_rows(queryset.iterator(chunk_size=CHUNK_SIZE))
    # Completions of erased people that the reporting duty keeps (lms.hr.erasure).
    yield from _riwayat_rows(
        (*row[:6], dmy(row[6]), dmy(row[7]))
        for row in erasure.kept_national_rows(user, filters)
    )


# Cells that can hold text someone typed (or configured): a spreadsheet would
# read one starting with "=" as a formula.
RIWAYAT_TEXT_CELLS = (0, 1, 6, 7, 8)


def _riwayat_rows(rows) -> Iterator[list]:
    for row in riwayat_kursus_tuples(rows):
        cells = list(row)
        for index in RIWAYAT_TEXT_CELLS:
            cells[index] = neutralise(cells[index])
        yield cells


def jp_recap_header() -> list[str]:
    """The JP recap's header, translated now (a streamed body is written after
    the view has returned, when the request's language may no longer be active)."""
    return [str(column) for column in JP_RECAP_COLUMNS]


def jp_recap_rows(*, user, filters: HrFilters) -> Iterator[list]:
    """Every person in scope with their JP in the year, zero included; the
    status in the language active when this is called."""
    statuses = (gettext("Tercapai"), gettext("Belum tercapai"))
    return _jp_recap_stream(user=user, filters=filters, statuses=statuses)


def _jp_recap_stream(*, user, filters: HrFilters, statuses) -> Iterator[list]:
    totals = dict(
        jp_per_user(year=filters.jp_year)
        .filter(user__in=reports.people(user, filters).values("user"))
        .values_list("user", "jp")
    )
    people = (
        reports.people(user, filters)
        .order_by("unit__path", "full_name", "pk")
        .values_list("user", "nip", "full_name", "employee_type", "unit__name")
    )
    with whole_result_plan():
        yield from _recap_rows(
            people.iterator(chunk_size=CHUNK_SIZE), totals, filters, statuses
        )


def _recap_rows(people, totals: dict, filters: HrFilters, statuses) -> Iterator[list]:
    reached, not_reached = statuses
    target = jp_target()
    for person, nip, name, employee_type, unit_name in people:
        jp = totals.get(person, 0)
        yield [
            nip or "",
            neutralise(name),
            employee_type,
            neutralise(unit_name or ""),
            filters.jp_year,
            jp,
            target,
            reached if jp >= target else not_reached,
        ]


def _neutralised(row) -> list:
    return [neutralise(cell) for cell in row]


def csv_chunks(header: list[str], rows: Iterable[list], *, every: int = 500):
    """CSV text in chunks: the header at once, then every ``every`` rows.

    Every text cell is neutralised here, whatever the export: a row builder that
    forgets one (the programme report did) cannot open a formula in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(_neutralised(header))
    yield buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for index, row in enumerate(rows, start=1):
        writer.writerow(_neutralised(row))
        if index % every == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def write_xlsx(
    target,
    header: list[str],
    rows: Iterable[list],
    *,
    progress=None,
    sheet_name: str = "riwayat",
):
    """Write rows to an XLSX file with openpyxl's write-only mode (constant memory).

    ``progress(n)`` is called every ``CHUNK_SIZE`` rows.
    """
    # in-function: openpyxl takes ~0.1 s to import; only XLSX exports need it.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.append(_neutralised(header))
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.append(_neutralised(row))  # every text cell, as in ``csv_chunks``
        if progress is not None and count % CHUNK_SIZE == 0:
            progress(count)
    workbook.save(target)
    return count


# --- learning time per learner and course ------------------------------------


def time_spent_header() -> list[str]:
    """The header, translated now (see ``jp_recap_header``)."""
    return [str(column) for column in TIME_SPENT_COLUMNS]


def time_spent_queryset(*, user, filters: HrFilters):
    """Enrolments in ``user``'s scope active in the year, with the active seconds
    and the first lesson opening computed in the same query."""
    return (
        reports.enrolments(user, filters)
        .annotate(
            active_seconds=reports.enrolment_active_seconds(),
            first_opened_at=reports.enrolment_first_opened(),
        )
        .order_by(
            "user__asn_profile__unit__path",
            "user__asn_profile__full_name",
            "course__title",
            "pk",
        )
        .values_list(
            "user__asn_profile__nip",
            "user__asn_profile__full_name",
            "user__asn_profile__unit__name",
            "course__title",
            "course__jp",
            "status",
            "enrolled_at",
            "first_opened_at",
            "completed_at",
            "active_seconds",
        )
    )


def time_spent_rows(*, user, filters: HrFilters) -> Iterator[list]:
    """One row per enrolment, in ``TIME_SPENT_COLUMNS`` order, neutralised; the
    status in the language active when this is called."""
    statuses = {value: str(label) for value, label in Enrolment.Status.choices}
    return _time_spent_stream(time_spent_queryset(user=user, filters=filters), statuses)


def _time_spent_stream(queryset, statuses: dict) -> Iterator[list]:
    with whole_result_plan():
        for (
            nip,
            name,
            unit_name,
            title,
            jp,
            status,
            enrolled,
            first_opened,
            completed,
            seconds,
        ) in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield [
                nip or "",
                neutralise(name or ""),
                neutralise(unit_name or ""),
                neutralise(title),
                jp,
                statuses.get(status, status),
                dmy(enrolled),
                dmy(first_opened),
                dmy(completed),
                (seconds or 0) // 60,
            ]
