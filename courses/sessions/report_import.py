"""Reading a meeting provider's attendance report (Zoom, Google Meet,
BigBlueButton, or any CSV with a column map) and checking it row by row against
a session: the dry run. Nothing is written here; ``services.apply_report`` writes
a checked report whole, or not at all.

Each row gets one outcome: ``ok`` (a participant's interval), ``unmatched`` (no
participant of the course found by e-mail or NIP: left out, with the reason) or
``error`` (a time that cannot be read, a reversed interval, an interval outside
the session). A report with an error is never imported.
"""

import csv
import datetime
import io
import re
import zoneinfo
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import Enrolment
from lms.accounts.employee_numbers import normalise_employee_number
from lms.accounts.models import AsnProfile, User
from lms.uploads import decode_text, unreadable_as

from .models import SessionPage, SessionRegistration

MAX_ROWS = 5_000
MAX_BYTES = 5 * 1024 * 1024
OK, UNMATCHED, ERROR = "ok", "unmatched", "error"


@dataclass(frozen=True)
class Provider:
    """Where a provider's report keeps each value (header names, any case)."""

    label: str
    person: tuple[str, ...] = ()  # e-mail or NIP
    name: tuple[str, ...] = ()  # joined with a space (Meet: first and last name)
    join: str = ""
    leave: str = ""
    duration: str = ""


PROVIDERS = {
    "zoom": Provider(
        label=gettext_lazy("Zoom (laporan peserta)"),
        person=("User Email",),
        name=("Name (Original Name)",),
        join="Join Time",
        leave="Leave Time",
        duration="Duration (Minutes)",
    ),
    "meet": Provider(
        label=gettext_lazy("Google Meet (laporan kehadiran)"),
        person=("Email",),
        name=("First name", "Last name"),
        join="Time joined",
        leave="Time exited",
        duration="Duration",
    ),
    "bbb": Provider(
        label=gettext_lazy("BigBlueButton (Learning Analytics)"),
        name=("Name",),
        join="Join",
        leave="Left",
        duration="Duration",
    ),
    "manual": Provider(label=gettext_lazy("Lainnya (petakan kolom sendiri)")),
}


def provider_choices() -> list[tuple[str, str]]:
    return [(key, str(provider.label)) for key, provider in PROVIDERS.items()]


def column_map(*, provider: str, manual: dict[str, str]) -> dict:
    """The columns to read: the provider's preset, each column overridden by what
    the trainer typed (``manual``: person, name, join, leave, duration)."""
    preset = PROVIDERS.get(provider, PROVIDERS["manual"])
    columns = {
        "person": list(preset.person),
        "name": list(preset.name),
        "join": preset.join,
        "leave": preset.leave,
        "duration": preset.duration,
    }
    for key in ("person", "name"):
        if manual.get(key):
            columns[key] = [manual[key]]
    for key in ("join", "leave", "duration"):
        if manual.get(key):
            columns[key] = manual[key]
    return columns


class ReportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header)."""


def read_text(data: bytes) -> str:
    """The report's text: UTF-8 (with or without BOM), UTF-16 with its BOM (some
    Zoom exports), else Windows-1252 (Excel on Windows)."""
    if len(data) > MAX_BYTES:
        raise ReportFileError(_("Berkas terlalu besar: paling besar 5 MB."))
    try:
        return decode_text(data, fallback="cp1252")
    except ValidationError as error:
        raise ReportFileError(
            _("Berkas ini bukan CSV teks. Unduh ulang laporan sebagai CSV.")
        ) from error


def _table(text: str) -> list[list[str]]:
    first = re.match(r"[^\r\n]*", text).group()
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    with unreadable_as(
        _("Berkas tidak dapat dibaca sebagai CSV."), error=ReportFileError
    ):
        table = [row for _n, row in zip(range(MAX_ROWS + 50), reader, strict=False)]
    return table


def _key(value: str) -> str:
    return " ".join(value.replace("\ufeff", "").split()).casefold()


@dataclass
class ReportRow:
    """One row of the report and what importing it would do."""

    line: int
    person: str = ""
    name: str = ""
    started_at: datetime.datetime | None = None
    ended_at: datetime.datetime | None = None
    user_id: int | None = None
    shown_name: str = ""
    outcome: str = OK
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        data = asdict(self)
        for key in ("started_at", "ended_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


@dataclass(frozen=True)
class ReportCheck:
    """The dry run of a report: every row with its outcome."""

    rows: list[ReportRow]

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def unmatched(self) -> int:
        return self.count(UNMATCHED)

    @property
    def matched(self) -> int:
        return self.count(OK)

    @property
    def intervals(self) -> list[tuple[int, datetime.datetime, datetime.datetime]]:
        """The matched rows as (person, joined, left): what importing writes."""
        return [
            (row.user_id, row.started_at, row.ended_at)
            for row in self.rows
            if row.outcome == OK
            and row.user_id is not None
            and row.started_at is not None
            and row.ended_at is not None
        ]

    @property
    def people(self) -> int:
        return len({row.user_id for row in self.rows if row.outcome == OK})


TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
)
CLOCK_FORMATS = ("%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%H.%M")


def parse_time(
    value: str, *, zone: zoneinfo.ZoneInfo, day: datetime.date
) -> datetime.datetime | None:
    """A report's time in the file's zone (a clock without a date is on ``day``,
    the session's day there), or None when it cannot be read."""
    text = " ".join(value.replace("\u202f", " ").split())
    if not text:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    for pattern in TIME_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).replace(tzinfo=zone)
        except ValueError:
            continue
    for pattern in CLOCK_FORMATS:
        try:
            clock = datetime.datetime.strptime(text.upper(), pattern).time()
        except ValueError:
            continue
        return datetime.datetime.combine(day, clock, tzinfo=zone)
    return None


def parse_duration(value: str) -> datetime.timedelta | None:
    """A duration: minutes ("55"), a clock ("1:05:00", "55:10") or words
    ("1 hr 5 min", "1 jam 5 menit", "55 min"); None when unreadable."""
    text = value.strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return datetime.timedelta(minutes=float(text))
    if re.fullmatch(r"\d+(:\d{1,2}){1,2}", text):
        parts = [int(part) for part in text.split(":")]
        if len(parts) == 2:
            parts = [0, *parts]
        hours, minutes, seconds = parts
        return datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds)
    found = re.findall(r"(\d+)\s*(hr|hour|jam|h|min|menit|m|sec|s|detik)\w*", text)
    if not found:
        return None
    total = datetime.timedelta()
    for number, unit in found:
        if unit in ("hr", "hour", "jam", "h"):
            total += datetime.timedelta(hours=int(number))
        elif unit in ("min", "menit", "m"):
            total += datetime.timedelta(minutes=int(number))
        else:
            total += datetime.timedelta(seconds=int(number))
    return total


EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
NIP_IN_TEXT = re.compile(r"(?<!\d)\d{18}(?!\d)")


def _find_header(table: list[list[str]], columns: dict) -> tuple[int, dict[str, int]]:
    """The header line (Zoom puts a meeting summary above it: the first line
    naming the join column) and the position of each column named in it."""
    for index, row in enumerate(table[:20]):
        keys = [_key(cell) for cell in row]
        if columns["join"] and _key(columns["join"]) in keys:
            position: dict[str, int] = {}
            for column, key in enumerate(keys):
                position.setdefault(key, column)
            return index, position
    missing = columns["join"] or _("waktu bergabung")
    raise ReportFileError(
        _(
            "Kolom “%(column)s” tidak ditemukan di 20 baris pertama. Pilih penyedia "
            "yang sesuai atau isi nama kolom sendiri."
        )
        % {"column": missing}
    )


def _cell(row: list[str], position: dict[str, int], name: str) -> str:
    index = position.get(_key(name)) if name else None
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def read_report(*, text: str, columns: dict, zone_name: str, session: SessionPage):
    """The report's rows with their times read (``ReportRow``s, not yet matched
    to people)."""
    table = _table(text)
    if not any(any(cell.strip() for cell in row) for row in table):
        raise ReportFileError(_("Berkas kosong."))
    if not columns.get("person") and not columns.get("name"):
        raise ReportFileError(
            _("Isi kolom email atau NIP (atau kolom nama yang memuatnya).")
        )
    header_at, position = _find_header(table, columns)
    body = table[header_at + 1 :]
    if len(body) > MAX_ROWS:
        raise ReportFileError(
            _("Berkas terlalu besar: paling banyak %(max)d baris.") % {"max": MAX_ROWS}
        )
    zone = zoneinfo.ZoneInfo(zone_name)
    day = session.starts_at.astimezone(zone).date()
    rows = []
    for offset, values in enumerate(body):
        if not any(cell.strip() for cell in values):
            continue
        row = ReportRow(line=header_at + 2 + offset)
        row.person = " ".join(
            _cell(values, position, name) for name in columns["person"]
        ).strip()
        row.name = " ".join(
            _cell(values, position, name) for name in columns["name"]
        ).strip()
        joined = _cell(values, position, columns["join"])
        left = _cell(values, position, columns["leave"])
        duration = _cell(values, position, columns["duration"])
        row.started_at = parse_time(joined, zone=zone, day=day)
        if row.started_at is None:
            row.reasons.append(
                _("Waktu bergabung “%(value)s” tidak dapat dibaca.")
                % {"value": joined[:40]}
            )
        if left:
            row.ended_at = parse_time(left, zone=zone, day=day)
            if row.ended_at is None:
                row.reasons.append(
                    _("Waktu keluar “%(value)s” tidak dapat dibaca.")
                    % {"value": left[:40]}
                )
        elif duration and row.started_at is not None:
            length = parse_duration(duration)
            if length is None:
                row.reasons.append(
                    _("Durasi “%(value)s” tidak dapat dibaca.")
                    % {"value": duration[:40]}
                )
            else:
                row.ended_at = row.started_at + length
        elif row.started_at is not None:
            row.reasons.append(_("Baris ini tidak memuat waktu keluar atau durasi."))
        rows.append(row)
    return rows


def _participants(
    session: SessionPage, rows: list[ReportRow]
) -> tuple[dict, dict, set]:
    """People of the rows, by e-mail and by NIP, and the ids of the session's
    participants (registered for it, or enrolled in its course)."""
    emails, nips = set(), set()
    for row in rows:
        for text in (row.person, row.name):
            if match := EMAIL_IN_TEXT.search(text):
                emails.add(match.group().lower())
            number = normalise_employee_number(text)
            if match := NIP_IN_TEXT.search(number):
                nips.add(match.group())
    by_email = (
        {
            user.email.lower(): user
            for user in User.objects.filter(
                Q(email__in=emails) | Q(emailaddress__email__in=emails)
            ).distinct()
        }
        if emails
        else {}
    )
    by_nip = (
        {
            profile.nip: profile.user
            for profile in AsnProfile.objects.filter(nip__in=nips).select_related(
                "user"
            )
        }
        if nips
        else {}
    )
    people = {user.pk for user in [*by_email.values(), *by_nip.values()]}
    participants = set(
        SessionRegistration.objects.filter(
            session=session, user__in=people
        ).values_list("user_id", flat=True)
    ) | set(
        Enrolment.objects.current()
        .filter(course=session.get_course(), user__in=people)
        .values_list("user_id", flat=True)
    )
    return by_email, by_nip, participants


def _match(row: ReportRow, by_email: dict, by_nip: dict):
    for text in (row.person, row.name):
        if match := EMAIL_IN_TEXT.search(text):
            user = by_email.get(match.group().lower())
            if user is not None:
                return user
        if match := NIP_IN_TEXT.search(normalise_employee_number(text)):
            user = by_nip.get(match.group())
            if user is not None:
                return user
    return None


def check_report(*, session: SessionPage, rows: list[ReportRow]) -> ReportCheck:
    """The dry run: each row matched to a participant by e-mail or NIP, and its
    interval checked against the session (outcome and reasons in Indonesian)."""
    by_email, by_nip, participants = _participants(session, rows)
    seen: dict[int, list[ReportRow]] = {}
    for row in rows:
        user = _match(row, by_email, by_nip)
        has_key = EMAIL_IN_TEXT.search(
            row.person + " " + row.name
        ) or NIP_IN_TEXT.search(normalise_employee_number(row.person + " " + row.name))
        if user is None:
            row.outcome = UNMATCHED
            row.reasons.append(
                _("Tidak ada pengguna Sigap dengan email atau NIP ini.")
                if has_key
                else _(
                    "Baris ini tidak memuat email atau NIP; orangnya tidak dikenali."
                )
            )
        elif user.pk not in participants:
            row.outcome = UNMATCHED
            row.reasons.append(
                _(
                    "%(name)s bukan peserta kursus ini (mis. pegawai unit lain yang "
                    "ikut rapat); kehadirannya tidak dicatat."
                )
                % {"name": user.display_name}
            )
        else:
            row.user_id, row.shown_name = user.pk, user.display_name
        if row.reasons and row.outcome == OK:
            row.outcome = ERROR
        if row.started_at is None or row.ended_at is None:
            if row.outcome == OK:
                row.outcome = ERROR
            continue
        if row.ended_at <= row.started_at:
            row.reasons.append(_("Waktu keluar tidak sesudah waktu bergabung."))
            row.outcome = ERROR
            continue
        if row.ended_at <= session.starts_at or row.started_at >= session.ends_at:
            row.reasons.append(
                _(
                    "Waktu baris ini di luar waktu sesi; mungkin laporan rapat lain "
                    "atau zona waktu berkas salah."
                )
            )
            row.outcome = ERROR
            continue
        if row.started_at < session.starts_at or row.ended_at > session.ends_at:
            row.notes.append(_("Dihitung hanya bagian di dalam waktu sesi."))
        if row.user_id is not None and row.outcome == OK:
            for other in seen.get(row.user_id, []):
                if row.started_at < other.ended_at and other.started_at < row.ended_at:
                    row.notes.append(
                        _("Tumpang tindih dengan baris %(line)d; dihitung sekali.")
                        % {"line": other.line}
                    )
            seen.setdefault(row.user_id, []).append(row)
    return ReportCheck(rows=rows)
