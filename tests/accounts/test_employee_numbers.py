import datetime

import pytest
from django.core.exceptions import ValidationError

from lms.accounts.employee_numbers import EmployeeType, validate_employee_number

TODAY = datetime.date(2026, 11, 28)


@pytest.mark.parametrize(
    ("typed", "number", "employee_type"),
    [
        ("199003152015032001", "199003152015032001", EmployeeType.PNS),
        ("19900315 201503 2 001", "199003152015032001", EmployeeType.PNS),
        ("19900315.201503.2.001", "199003152015032001", EmployeeType.PNS),
        ("198107222006041003", "198107222006041003", EmployeeType.PNS),
        ("200002292020121999", "200002292020121999", EmployeeType.PNS),  # leap day
        ("199508172021211005", "199508172021211005", EmployeeType.PPPK),
        ("1995 0817 2021 2 3 2 010", "199508172021232010", EmployeeType.PPPK),
        ("198001012023291001", "198001012023291001", EmployeeType.PPPK),
    ],
)
def test_valid_numbers_are_normalised_and_typed(typed, number, employee_type):
    result = validate_employee_number(typed, today=TODAY)
    assert result.number == number
    assert result.type == employee_type


def test_birth_date_and_gender_are_read_from_the_number():
    result = validate_employee_number("199003152015032001", today=TODAY)
    assert result.birth_date == datetime.date(1990, 3, 15)
    assert result.gender == "P"


@pytest.mark.parametrize(
    ("typed", "code", "mentions"),
    [
        ("", "required", "wajib"),
        ("19900315201503200", "length", "18 digit"),
        ("1990031520150320011", "length", "18 digit"),
        ("19900315-201503-2-001", "non_digits", "angka"),
        ("19900315,201503,2,001", "non_digits", "angka"),
        ("１９９００３１５２０１５０３２００１", "non_digits", "angka"),
        ("19901315201503 2001", "birth_date", "tanggal lahir"),
        ("19900230201503 2001", "birth_date", "tanggal lahir"),
        ("20300101201503 2001", "birth_date", "tanggal lahir"),
        ("19900315201513 2001", "appointment_month", "bulan pengangkatan"),
        ("19900315201500 2001", "appointment_month", "bulan pengangkatan"),
        ("19900315200503 2001", "appointment_year", "ke-18"),
        ("19900315202712 2001", "appointment_future", "masa depan"),
        ("19900315201553 2001", "appointment", "digit ke-13"),
        ("19900315201503 3001", "gender", "jenis kelamin"),
        ("19900315201503 0001", "gender", "jenis kelamin"),
        ("19900315201503 2000", "sequence", "nomor urut"),
        ("19950817202120 1005", "pppk_marker", "jumlah kontrak"),
        ("19950817203021 1005", "appointment_future", "masa depan"),
        ("19950817201021 1005", "appointment_year", "ke-18"),
    ],
)
def test_invalid_numbers_name_the_wrong_part(typed, code, mentions):
    with pytest.raises(ValidationError) as caught:
        validate_employee_number(typed, today=TODAY)
    error = caught.value
    assert error.code == code
    assert mentions.lower() in error.messages[0].lower()
