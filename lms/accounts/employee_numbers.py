"""Employee-number rules (NIP for PNS, NI PPPK): the only place they are written.

A NIP is 18 digits: birth date YYYYMMDD, appointment month YYYYMM (TMT CPNS),
gender digit, 3-digit sequence. An NI PPPK is 18 digits: birth date YYYYMMDD,
appointment year YYYY, the marker ``2``, contract count 1–9, gender, sequence.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


class EmployeeType:
    PNS = "PNS"
    PPPK = "PPPK"
    CHOICES = [(PNS, "PNS"), (PPPK, "PPPK")]


@dataclass(frozen=True)
class EmployeeNumber:
    number: str
    type: str
    birth_date: datetime.date
    gender: str  # "L" (laki-laki) or "P" (perempuan)


def normalise_employee_number(value: str) -> str:
    """Strip the spaces and dots people type; keep everything else for checking."""
    return "".join(ch for ch in str(value or "") if ch not in " .\u00a0\t")


def validate_employee_number(
    value: str, *, today: datetime.date | None = None
) -> EmployeeNumber:
    """Return the normalised 18-digit number and its type, or raise ValidationError.

    The message names the part that is wrong, in Indonesian.
    """
    today = today or timezone.localdate()
    number = normalise_employee_number(value)
    if not number:
        raise ValidationError(_("Nomor pegawai wajib diisi."), code="required")
    if not number.isascii() or not number.isdigit():
        raise ValidationError(
            _(
                "Nomor pegawai hanya boleh berisi angka "
                "(spasi dan titik boleh diketik)."
            ),
            code="non_digits",
        )
    if len(number) != 18:
        raise ValidationError(
            _("Nomor pegawai harus 18 digit; yang diisi %(count)d digit.")
            % {"count": len(number)},
            code="length",
        )

    try:
        birth_date = datetime.date(int(number[0:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        raise ValidationError(
            _(
                "Digit 1–8 harus tanggal lahir yang valid "
                "(TTTTBBHH); %(part)s bukan tanggal."
            )
            % {"part": number[0:8]},
            code="birth_date",
        ) from None
    if birth_date > today:
        raise ValidationError(
            _("Tanggal lahir (digit 1–8) tidak boleh di masa depan."), code="birth_date"
        )

    marker = number[12]
    if marker in "01":
        employee_type = EmployeeType.PNS
        _check_pns_appointment(number, birth_date, today)
    elif marker == "2":
        employee_type = EmployeeType.PPPK
        _check_pppk_appointment(number, birth_date, today)
    else:
        raise ValidationError(
            _(
                "Digit 9–14 harus bulan pengangkatan PNS (TTTTBB) atau, untuk PPPK, "
                "tahun pengangkatan diikuti penanda 2; digit "
                "ke-13 (%(digit)s) tidak sesuai."
            )
            % {"digit": marker},
            code="appointment",
        )

    gender_digit = number[14]
    if gender_digit not in "12":
        raise ValidationError(
            _(
                "Digit ke-15 adalah jenis kelamin: 1 (laki-laki) "
                "atau 2 (perempuan), bukan %(digit)s."
            )
            % {"digit": gender_digit},
            code="gender",
        )
    if number[15:18] == "000":
        raise ValidationError(
            _("Tiga digit terakhir adalah nomor urut 001–999; 000 tidak berlaku."),
            code="sequence",
        )
    return EmployeeNumber(
        number=number,
        type=employee_type,
        birth_date=birth_date,
        gender="L" if gender_digit == "1" else "P",
    )


def _check_pns_appointment(
    number: str, birth_date: datetime.date, today: datetime.date
) -> None:
    year, month = int(number[8:12]), int(number[12:14])
    if not 1 <= month <= 12:
        raise ValidationError(
            _(
                "Digit 13–14 adalah bulan pengangkatan (TMT CPNS) "
                "01–12; %(month)s bukan bulan."
            )
            % {"month": number[12:14]},
            code="appointment_month",
        )
    _check_appointment_year(year, birth_date, today, month=month)


def _check_pppk_appointment(
    number: str, birth_date: datetime.date, today: datetime.date
) -> None:
    year = int(number[8:12])
    if number[13] == "0":
        raise ValidationError(
            _("Untuk NI PPPK, digit ke-14 adalah jumlah kontrak 1–9; 0 tidak berlaku."),
            code="pppk_marker",
        )
    _check_appointment_year(year, birth_date, today, month=None)


def _check_appointment_year(
    year: int, birth_date: datetime.date, today: datetime.date, *, month: int | None
) -> None:
    if year < birth_date.year + 18:
        raise ValidationError(
            _(
                "Tahun pengangkatan (digit 9–12: %(year)d) harus "
                "paling awal tahun ulang tahun "
                "ke-18 (%(min_year)d)."
            )
            % {"year": year, "min_year": birth_date.year + 18},
            code="appointment_year",
        )
    if (year, month or 1) > (today.year, today.month):
        raise ValidationError(
            _("Tanggal pengangkatan (digit 9–%(end)d) tidak boleh di masa depan.")
            % {"end": 14 if month else 12},
            code="appointment_future",
        )
