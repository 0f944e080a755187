"""Staff-list import: CSV or XLSX with NIP, name, email, unit code, jabatan, golongan.

``dry_run`` says, row by row, what would be created or updated and why a row is
refused. ``apply_import`` re-checks everything inside one transaction and writes
all rows or none; importing the same file again changes nothing. New people get
an invitation email with a link to set their password.
"""

import csv
import io
import re
from dataclasses import asdict, dataclass, field

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.employee_numbers import (
    normalise_employee_number,
    validate_employee_number,
)
from lms.accounts.models import AsnProfile, Golongan, Jabatan, OrgUnit, User
from lms.accounts.permissions import ROLE_LEARNER
from lms.accounts.scope import unit_in_hr_scope
from lms.audit.services import record_event
from lms.cache import forget_person
from lms.emails import absolute_url, send_email
from lms.steps import run_steps
from lms.uploads import decode_text, read_xlsx_rows, unreadable_as

from .models import HrJob

MAX_ROWS = 50_000
MAX_COLUMNS = 50  # columns read per row; ours are six, wherever they stand
MAX_XLSX_PART_BYTES = 50 * 1024 * 1024  # uncompressed; 50,000 rows take ~15 MB
ROWS_SHOWN = 500
HEADER_ALIASES = {
    "nip": "nip",
    "ni pppk": "nip",
    "nomor pegawai": "nip",
    "nama": "name",
    "nama lengkap": "name",
    "name": "name",
    "email": "email",
    "surel": "email",
    "unit": "unit",
    "kode unit": "unit",
    "unit kerja": "unit",
    "unit_code": "unit",
    "jabatan": "jabatan",
    "golongan": "golongan",
    # Optional: the person's SIASN id, for the national sync (lms.hr.siasn_sync).
    "id siasn": "siasn_id",
    "siasn_id": "siasn_id",
    "pnsorangid": "siasn_id",
    # Optional: the direct supervisor (atasan langsung), by NIP or by e-mail; a
    # person of the officer's scope or of the same file.
    "nip atasan": "supervisor_nip",
    "email atasan": "supervisor_email",
}
SIASN_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")
REQUIRED_COLUMNS = ("nip", "name", "email", "unit")
TEMPLATE_HEADER = ["nip", "nama", "email", "kode unit", "jabatan", "golongan"]


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, header, size)."""


UNREADABLE = gettext_lazy(
    "Berkas tidak dapat dibaca. Simpan ulang dari Excel sebagai CSV UTF-8 atau "
    ".xlsx, lalu unggah lagi."
)
XLSX_UNREADABLE = gettext_lazy(
    "Berkas XLSX tidak dapat dibaca. Simpan ulang sebagai .xlsx atau CSV."
)


@dataclass
class RowResult:
    """What one row of the file would do (or why it cannot)."""

    line: int
    nip: str = ""
    name: str = ""
    email: str = ""
    unit: str = ""
    jabatan: str = ""
    golongan: str = ""
    siasn_id: str = ""
    supervisor: str = ""
    action: str = ""  # create | update | unchanged | error
    errors: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def read_rows(uploaded) -> list[dict]:
    """Rows of a CSV or XLSX upload as dicts keyed by our column names.

    Raises :class:`ImportFileError` (Indonesian) for a file that cannot be read,
    whatever the parsing library raised.
    """
    name = (getattr(uploaded, "name", "") or "").lower()
    with unreadable_as(UNREADABLE, error=ImportFileError):
        data = uploaded.read()
        if name.endswith(".xlsx") or data[:2] == b"PK":
            table = _xlsx_table(data)
        else:
            table = _csv_table(data)
    while table and not any(_cell(v) for v in table[-1]):
        table.pop()  # a sheet's declared size may count formatted, empty rows
    if not table:
        raise ImportFileError(_("Berkas kosong."))
    header = [HEADER_ALIASES.get(_cell(h).lower(), "") for h in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _(
                "Baris judul harus memuat kolom: nip, nama, email, kode unit "
                "(opsional: jabatan, golongan). Tidak ditemukan: %(missing)s."
            )
            % {"missing": ", ".join(missing)}
        )
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("Berkas terlalu besar: paling banyak %(max)d baris.") % {"max": MAX_ROWS}
        )
    rows = []
    for line, values in enumerate(table[1:], start=2):
        if not any(_cell(v) for v in values):
            continue
        row = {"line": line}
        for column, value in zip(header, values, strict=False):
            if column:
                row[column] = _cell(value)
        rows.append(row)
    return rows


def _csv_table(data: bytes) -> list[list[str]]:
    try:
        text = decode_text(data, fallback="cp1252")
    except ValidationError as error:
        raise ImportFileError(
            _(
                "Berkas ini bukan CSV teks (berisi data biner). Simpan ulang dari "
                "Excel sebagai CSV UTF-8 atau XLSX."
            )
        ) from error
    first_line = re.match(r"[^\r\n]*", text).group()
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # newline="" lets csv see every line ending: CRLF, LF, and Excel for Mac's CR.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as error:
        raise ImportFileError(
            _(
                "Baris %(line)d tidak dapat dibaca sebagai CSV (mis. sel lebih dari "
                "128 KB atau tanda kutip tidak ditutup)."
            )
            % {"line": reader.line_num}
        ) from error


def _xlsx_table(data: bytes) -> list[list]:
    """The first sheet, read in bounded time and memory (``read_xlsx_rows``)."""
    try:
        return read_xlsx_rows(
            data,
            max_rows=MAX_ROWS + 2,
            max_columns=MAX_COLUMNS,
            max_part_bytes=MAX_XLSX_PART_BYTES,
            unreadable=XLSX_UNREADABLE,
        )
    except ValidationError as error:
        raise ImportFileError(" ".join(error.messages)) from error


class _Context:
    """Reference data loaded once per import (units, jabatan, existing people)."""

    def __init__(self, rows: list[dict]):
        codes = {row.get("unit", "").upper() for row in rows}
        self.units = {
            unit.code.upper(): unit
            for unit in OrgUnit.objects.filter(code__in=[c for c in codes if c])
        }
        if len(self.units) < len(codes):
            for unit in OrgUnit.objects.all():
                self.units.setdefault(unit.code.upper(), unit)
        self.jabatan = {j.name.lower(): j for j in Jabatan.objects.all()}
        self.golongan = {value.lower(): value for value in Golongan.values}
        emails = {row.get("email", "").lower() for row in rows}
        nips = {normalise_employee_number(row.get("nip", "")) for row in rows}
        self.profiles = {
            profile.nip: profile
            for profile in AsnProfile.objects.select_related(
                "user", "unit", "jabatan"
            ).filter(nip__in=[n for n in nips if n])
        }
        self.users_by_email = {
            user.email.lower(): user
            for user in User.objects.filter(email__in=[e for e in emails if e])
        }
        # Supervisors named in the file: the people of the file itself, and the
        # existing profiles they point at (checked against the scope per row).
        self.supervisor_keys = {
            profile.pk: (
                (profile.supervisor.asn_profile.nip or "")
                if hasattr(profile.supervisor, "asn_profile")
                else "",
                profile.supervisor.email.lower(),
            )
            for profile in AsnProfile.objects.select_related(
                "supervisor__asn_profile"
            ).filter(pk__in=[p.pk for p in self.profiles.values()])
            if profile.supervisor is not None
        }
        self.file_nips = {n for n in nips if n}
        self.file_emails = {e for e in emails if e}
        sup_nips = {
            normalise_employee_number(row.get("supervisor_nip", "")) for row in rows
        } - {""}
        sup_emails = {row.get("supervisor_email", "").lower() for row in rows} - {""}
        self.supervisors_by_nip = {
            profile.nip: profile
            for profile in AsnProfile.objects.select_related("unit", "user").filter(
                nip__in=sup_nips
            )
        }
        self.supervisors_by_email = {
            profile.user.email.lower(): profile
            for profile in AsnProfile.objects.select_related("unit", "user").filter(
                user__email__in=sup_emails
            )
        }


def _supervisor_ref(row: dict) -> tuple[str, str]:
    """("nip", value) or ("email", value) of the row's supervisor, or ("", "")."""
    nip = normalise_employee_number(row.get("supervisor_nip", ""))
    if nip:
        return "nip", nip
    email = row.get("supervisor_email", "").strip().lower()
    return ("email", email) if email else ("", "")


def _check_supervisor(row: dict, result: "RowResult", *, officer, ctx) -> None:
    kind, value = _supervisor_ref(row)
    if not kind:
        return
    result.supervisor = value
    if value in (result.nip, result.email):
        result.errors.append(_("Pegawai tidak dapat menjadi atasannya sendiri."))
        return
    in_file = value in (ctx.file_nips if kind == "nip" else ctx.file_emails)
    found = (ctx.supervisors_by_nip if kind == "nip" else ctx.supervisors_by_email).get(
        value
    )
    if found is not None and not unit_in_hr_scope(officer, found.unit):
        result.errors.append(
            _("Atasan “%(value)s” di luar lingkup Anda.") % {"value": value[:80]}
        )
    elif found is None and not in_file:
        result.errors.append(
            _(
                "Atasan “%(value)s” tidak ditemukan: isi NIP atau e-mail pegawai "
                "yang sudah terdaftar atau ada di berkas ini."
            )
            % {"value": value[:80]}
        )


def _check_row(row: dict, *, officer, ctx: _Context, seen: dict) -> RowResult:
    result = RowResult(
        line=row["line"],
        nip=row.get("nip", ""),
        name=row.get("name", ""),
        email=row.get("email", "").lower(),
        unit=row.get("unit", ""),
        jabatan=row.get("jabatan", ""),
        golongan=row.get("golongan", ""),
        siasn_id=row.get("siasn_id", ""),
    )
    errors = result.errors
    number = None
    try:
        number = validate_employee_number(result.nip)
        result.nip = number.number
    except ValidationError as error:
        errors.append(_("NIP tidak valid: %(why)s") % {"why": " ".join(error.messages)})
    if not result.name:
        errors.append(_("Nama wajib diisi."))
    try:
        validate_email(result.email)
    except ValidationError:
        errors.append(_("Email “%(email)s” tidak valid.") % {"email": result.email})
    unit = ctx.units.get(result.unit.upper())
    if unit is None:
        errors.append(
            _("Unit dengan kode “%(code)s” tidak dikenal.") % {"code": result.unit}
        )
    elif not unit_in_hr_scope(officer, unit):
        errors.append(
            _("Unit “%(code)s” di luar lingkup Anda.") % {"code": result.unit}
        )
    jabatan = None
    if result.jabatan:
        jabatan = ctx.jabatan.get(result.jabatan.lower())
        if jabatan is None:
            errors.append(
                _("Jabatan “%(name)s” tidak dikenal.") % {"name": result.jabatan}
            )
    golongan = ""
    if result.golongan:
        golongan = ctx.golongan.get(result.golongan.lower().replace(" ", ""), "")
        if not golongan:
            errors.append(
                _("Golongan “%(value)s” tidak dikenal (contoh: III/a).")
                % {"value": result.golongan}
            )
    if result.siasn_id and not SIASN_ID.match(result.siasn_id):
        errors.append(
            _("ID SIASN “%(value)s” tidak valid (huruf, angka dan tanda hubung).")
            % {"value": result.siasn_id[:80]}
        )
    _check_supervisor(row, result, officer=officer, ctx=ctx)
    for key, label in (("nip", _("NIP")), ("email", _("Email"))):
        value = getattr(result, key)
        if value and value in seen[key]:
            errors.append(
                _("%(what)s sama dengan baris %(line)d dalam berkas ini.")
                % {"what": label, "line": seen[key][value]}
            )
        elif value:
            seen[key][value] = result.line

    profile = ctx.profiles.get(result.nip) if number is not None else None
    email_owner = ctx.users_by_email.get(result.email)
    if profile is None:
        if email_owner is not None:
            errors.append(
                _("Email “%(email)s” sudah dipakai orang lain.")
                % {"email": result.email}
            )
        result.action = "create"
    else:
        if not unit_in_hr_scope(officer, profile.unit):
            errors.append(_("NIP ini terdaftar di unit di luar lingkup Anda."))
        if email_owner is not None and email_owner.pk != profile.user_id:
            errors.append(
                _("Email “%(email)s” sudah dipakai orang lain.")
                % {"email": result.email}
            )
        changes = []
        if profile.full_name != result.name:
            changes.append(_("nama"))
        if unit is not None and profile.unit_id != unit.pk:
            changes.append(_("unit"))
        if jabatan is not None and profile.jabatan_id != jabatan.pk:
            changes.append(_("jabatan"))
        if golongan and profile.golongan != golongan:
            changes.append(_("golongan"))
        if result.siasn_id and profile.siasn_id != result.siasn_id:
            changes.append(_("ID SIASN"))
        # The current supervisor's NIP and e-mail: the row may name either.
        if result.supervisor and result.supervisor not in ctx.supervisor_keys.get(
            profile.pk, ()
        ):
            changes.append(_("atasan"))
        result.changes = changes
        result.action = "update" if changes else "unchanged"
    if errors:
        result.action = "error"
    result._refs = (number, unit, jabatan, golongan, profile)  # for apply_import
    return result


def dry_run(*, officer, rows: list[dict], progress=None) -> list[RowResult]:
    """Check every row; nothing is written."""
    ctx = _Context(rows)
    seen: dict = {"nip": {}, "email": {}}
    results = []
    for index, row in enumerate(rows, start=1):
        results.append(_check_row(row, officer=officer, ctx=ctx, seen=seen))
        if progress is not None and index % 100 == 0:
            progress(index)
    return results


def summarise(results: list[RowResult]) -> dict:
    counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
    for result in results:
        counts[result.action] += 1
    # Every refused row, and the first few hundred others, are listed.
    shown = [r for r in results if r.action == "error"]
    shown += [r for r in results if r.action != "error"][:ROWS_SHOWN]
    shown.sort(key=lambda r: r.line)
    return {"counts": counts, "rows": [asdict(r) for r in shown], "total": len(results)}


@dataclass
class ImportOutcome:
    created: list[User]
    updated: int
    unchanged: int
    errors: list[RowResult]
    # Jobs the change set off in the layers above (the programmes' rule
    # evaluation), for the import's page to link to.
    follow_up_jobs: list[int] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return not self.errors


@transaction.atomic
def apply_import(*, officer, rows: list[dict], request=None) -> ImportOutcome:
    """Write every row, or none when any row has an error. Invites new people."""
    results = dry_run(officer=officer, rows=rows)
    errors = [r for r in results if r.action == "error"]
    if errors:
        return ImportOutcome(created=[], updated=0, unchanged=0, errors=errors)
    created, updated, unchanged = [], 0, 0
    for result in results:
        number, unit, jabatan, golongan, profile = result._refs
        if result.action == "create":
            user = User.objects.create_user(email=result.email, name=result.name)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            _add_email_address(user)
            AsnProfile.objects.create(
                user=user,
                full_name=result.name,
                nip=number.number,
                employee_type=number.type,
                birth_date=number.birth_date,
                instansi=unit.instansi,
                unit=unit,
                jabatan=jabatan,
                golongan=golongan,
                siasn_id=result.siasn_id,
            )
            created.append(user)
        elif result.action == "update":
            profile.full_name = result.name
            profile.unit = unit
            profile.instansi = unit.instansi
            if jabatan is not None:
                profile.jabatan = jabatan
            if golongan:
                profile.golongan = golongan
            if result.siasn_id:
                profile.siasn_id = result.siasn_id
            profile.save()
            updated += 1
        else:
            unchanged += 1
    _apply_supervisors(results)
    _add_learner_role(created)
    changed = [u.pk for u in created] + [
        r._refs[4].user_id for r in results if r.action == "update"
    ]
    follow_up = [
        result.pk
        for result in run_steps(
            "SIGAP_PEOPLE_CHANGED_STEPS", user_ids=changed, by=officer
        )
        if isinstance(result, HrJob)
    ]
    record_event(
        actor=officer,
        action="hr.import",
        request=request,
        created=len(created),
        updated=updated,
        unchanged=unchanged,
    )
    transaction.on_commit(lambda: send_invitations(users=created))
    return ImportOutcome(
        created=created,
        updated=updated,
        unchanged=unchanged,
        errors=[],
        follow_up_jobs=follow_up,
    )


def _apply_supervisors(results: list[RowResult]) -> None:
    """Second pass, once every row's person exists: set the supervisors named."""
    for result in results:
        if not result.supervisor:
            continue
        if "@" in result.supervisor:
            supervisor = User.objects.filter(email__iexact=result.supervisor).first()
        else:
            supervisor = User.objects.filter(asn_profile__nip=result.supervisor).first()
        if supervisor is not None:
            profiles = AsnProfile.objects.filter(nip=result.nip).exclude(
                user=supervisor
            )
            previous = list(profiles.values_list("supervisor", flat=True))
            profiles.update(supervisor=supervisor)
            forget_person([*previous, supervisor.pk])


def _add_email_address(user: User) -> None:
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": False}
    )


def _add_learner_role(users: list[User]) -> None:
    group = Group.objects.filter(name=ROLE_LEARNER).first()
    if group is not None:
        for user in users:
            user.groups.add(group)


def invitation_link(user: User) -> str:
    """An allauth password-reset link: the new person sets their own password."""
    return absolute_url(
        "account_reset_password_from_key",
        uidb36=user_pk_to_url_str(user),
        key=default_token_generator.make_token(user),
    )


def send_invitations(*, users: list[User]) -> int:
    """Email each new person an invitation to set a password and sign in."""
    for user in users:
        send_email(
            kind="invitation",
            to=user,
            context={"name": user.name, "link": invitation_link(user)},
        )
    return len(users)


# --- as a background job ----------------------------------------------------------


def _job_rows(job) -> list[dict]:
    with job.source.open("rb") as handle:
        return read_rows(handle)


def dry_run_job(*, job) -> None:
    rows = _job_rows(job)
    job.total = len(rows)
    HrJob.objects.filter(pk=job.pk).update(total=job.total)

    def progress(done: int) -> None:
        HrJob.objects.filter(pk=job.pk).update(done=done)

    job.result = {
        "dry_run": summarise(
            dry_run(officer=job.created_by, rows=rows, progress=progress)
        )
    }
    job.done = job.total


def apply_import_job(*, job) -> None:
    if job.params.get("phase") != "apply":
        dry_run_job(job=job)
        return
    outcome = apply_import(officer=job.created_by, rows=_job_rows(job))
    job.result = {
        **job.result,
        "applied": {
            "ok": outcome.applied,
            "created": len(outcome.created),
            "updated": outcome.updated,
            "unchanged": outcome.unchanged,
            "errors": len(outcome.errors),
            "follow_up_jobs": outcome.follow_up_jobs,
        },
    }
