"""Demo HR data for ``seed_demo``: the HR officer's scope and ~30 staff with records.

Idempotent: people are created once (by email); enrolments once per course.
"""

import datetime

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from courses.models import CoursePage, Enrolment
from courses.services import complete_enrolment, enrol
from lms.accounts.employee_numbers import validate_employee_number
from lms.accounts.models import AsnProfile, HrOfficer, Jabatan, OrgUnit, User
from lms.accounts.permissions import ROLE_LEARNER
from lms.competencies.models import ExternalLearningClaim
from lms.competencies.services import decide_claim, submit_claim

from .accounts import demo_password_hash

HR_OFFICER_EMAIL = "hr@sigap.test"
HR_OFFICER_UNIT = "PEMKAB-SR"

# name, unit code, jabatan, golongan, NIP (birth + TMT + gender + seq),
# how far along the four demo modules (0 = not enrolled, 1 = enrolled, 2 = completed)
STAFF = [
    (
        "Dewi Lestari",
        "SR-PKM-UTARA",
        "Perawat Ahli Pertama",
        "III/a",
        "199204112018032001",
        "2210",
    ),
    (
        "Rudi Hartono",
        "SR-PKM-UTARA",
        "Pengadministrasi Layanan",
        "II/c",
        "198806052012121001",
        "2200",
    ),
    (
        "Nur Aisyah",
        "SR-PKM-UTARA",
        "Perawat Ahli Pertama",
        "III/b",
        "199107202017012002",
        "2222",
    ),
    (
        "Yohanes Kambu",
        "SR-PKM-UTARA",
        "Pengadministrasi Layanan",
        "II/a",
        "199512302020121001",
        "1000",
    ),
    (
        "Sri Wahyuni",
        "SR-PKM-PESISIR",
        "Perawat Ahli Pertama",
        "III/a",
        "199309182019032002",
        "2100",
    ),
    (
        "Made Suarsana",
        "SR-PKM-PESISIR",
        "Kepala Seksi Pelayanan",
        "III/d",
        "198202142006041001",
        "2221",
    ),
    (
        "Fitriani Rahman",
        "SR-PKM-PESISIR",
        "Pengadministrasi Layanan",
        "II/b",
        "199701082022012002",
        "0000",
    ),
    (
        "Andi Pratama",
        "SR-PKM-PESISIR",
        "Perawat Ahli Pertama",
        "III/a",
        "199410252019031002",
        "1100",
    ),
    (
        "Ratna Sari",
        "SR-DINKES",
        "Kepala Bidang Pelayanan",
        "IV/a",
        "197905032003122001",
        "2222",
    ),
    (
        "Hendra Gunawan",
        "SR-DINKES",
        "Analis Kebijakan Ahli Muda",
        "III/c",
        "198511122010011001",
        "2120",
    ),
    (
        "Lina Marlina",
        "SR-DINKES",
        "Pengadministrasi Layanan",
        "II/d",
        "199002272014032002",
        "2000",
    ),
    (
        "Bambang Sutrisno",
        "SR-DINKES",
        "Kepala Dinas",
        "IV/c",
        "197108191995031001",
        "2202",
    ),
    (
        "Yulia Puspita",
        "SR-DUKCAPIL",
        "Pengadministrasi Layanan",
        "II/c",
        "199306142016022001",
        "2110",
    ),
    (
        "Agung Nugroho",
        "SR-DUKCAPIL",
        "Kepala Seksi Pelayanan",
        "III/d",
        "198304092008011002",
        "2221",
    ),
    (
        "Maya Anggraini",
        "SR-DUKCAPIL",
        "Analis Kebijakan Ahli Muda",
        "III/c",
        "198710212011012001",
        "1210",
    ),
    (
        "Fajar Ramadhan",
        "SR-DUKCAPIL",
        "Pengadministrasi Layanan",
        "II/a",
        "199803302021121001",
        "0100",
    ),
    (
        "Intan Permata",
        "SR-DUKCAPIL",
        "Pengadministrasi Layanan",
        "II/b",
        "199611112020122002",
        "2000",
    ),
    (
        "Slamet Riyadi",
        "SR-BPBD",
        "Kepala Bidang Pelayanan",
        "IV/a",
        "197712012002121001",
        "2222",
    ),
    (
        "Wulan Dari",
        "SR-BPBD",
        "Analis Kebijakan Ahli Muda",
        "III/b",
        "199008082015032001",
        "2212",
    ),
    (
        "Teguh Santoso",
        "SR-BPBD",
        "Pengadministrasi Layanan",
        "II/c",
        "199202022016021001",
        "1200",
    ),
    (
        "Ketut Ariani",
        "SR-BPBD",
        "Pengadministrasi Layanan",
        "II/b",
        "199504172019022001",
        "0000",
    ),
    (
        "Rizky Maulana",
        "SR-BPBD",
        "Kepala Seksi Pelayanan",
        "III/c",
        "198609262011011002",
        "2022",
    ),
    (
        "Nova Simanjuntak",
        "SR-BKPSDM",
        "Analis Kebijakan Ahli Muda",
        "III/b",
        "198912102014032001",
        "2220",
    ),
    (
        "Dimas Saputra",
        "SR-BKPSDM",
        "Pengadministrasi Layanan",
        "II/d",
        "199407072018011001",
        "2100",
    ),
    (
        "Ayu Kartika",
        "SR-BKPSDM",
        "Pengadministrasi Layanan",
        "II/c",
        "199601252020122002",
        "1000",
    ),
    (
        "Eko Prasetyo",
        "PEMKAB-SR",
        "Kepala Bidang Pelayanan",
        "IV/b",
        "197403151999031001",
        "2200",
    ),
    (
        "Siska Amelia",
        "PEMKAB-SR",
        "Pengadministrasi Layanan",
        "II/b",
        "199709302022012001",
        "0010",
    ),
    # Another instansi: outside hr@sigap.test's scope, so the demo shows isolation.
    (
        "Larasati Putri",
        "HJ-DINSOS",
        "Pengadministrasi Layanan",
        "II/c",
        "199105152015032002",
        "2200",
    ),
    (
        "Yusuf Habibi",
        "HJ-DINSOS",
        "Analis Kebijakan Ahli Muda",
        "III/c",
        "198712192012011001",
        "2210",
    ),
    (
        "Marlina Tampubolon",
        "HJ-BKPSDM",
        "Kepala Seksi Pelayanan",
        "III/d",
        "198301042007012001",
        "2222",
    ),
]

DEMO_COURSE_CODES = ["BCP", "KIL", "KKO", "PPK"]


def _staff_email(index: int) -> str:
    return f"staf{index + 1:02d}@sigap.test"


def _attach_hr_officer() -> None:
    user = User.objects.filter(email=HR_OFFICER_EMAIL).first()
    unit = OrgUnit.objects.filter(code=HR_OFFICER_UNIT).first()
    if user is not None and unit is not None:
        HrOfficer.objects.get_or_create(user=user, defaults={"unit": unit})


def _create_staff(index: int, row) -> User:
    name, unit_code, jabatan, golongan, nip, _progress = row
    email = _staff_email(index)
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user
    number = validate_employee_number(nip)
    unit = OrgUnit.objects.get(code=unit_code)
    user = User.objects.create_user(email=email, password=None, name=name)
    user.password = demo_password_hash()
    user.save(update_fields=["password"])
    user.groups.add(*Group.objects.filter(name=ROLE_LEARNER))
    AsnProfile.objects.create(
        user=user,
        full_name=name,
        nip=number.number,
        employee_type=number.type,
        birth_date=number.birth_date,
        birth_place="Sukamaju",
        instansi=unit.instansi,
        unit=unit,
        jabatan=Jabatan.objects.filter(name=jabatan).first(),
        golongan=golongan,
    )
    return user


def _course_codes() -> list[str]:
    existing = dict(CoursePage.objects.values_list("code", "pk"))
    codes = [code for code in DEMO_COURSE_CODES if code in existing]
    if not codes:
        codes = sorted(existing)[:4]
    return codes


def _record_learning(user: User, progress: str, codes: list[str]) -> None:
    for code, step in zip(codes, progress, strict=False):
        if step == "0":
            continue
        course = CoursePage.objects.filter(code=code).first()
        if course is None:
            continue
        enrolment, _created = enrol(
            user=user, course=course, source=Enrolment.Source.BULK
        )
        # A renewal cycle (the programme step's expiring certificate) is the
        # demo's "to do again": a second seed leaves it as it is.
        if step == "2" and enrolment.cycle == 1 and not enrolment.is_completed:
            complete_enrolment(enrolment=enrolment)


# Staff (by index) who also attended an external seminar, approved by HR: their
# JP then reaches the yearly target, so the dashboard shows both sides.
SEMINAR_ATTENDEES = {0, 2, 5, 8, 13, 17, 18, 22, 27}
SEMINAR = {
    "title": "Seminar Nasional Pelayanan Publik Adaptif",
    "organiser": "Lembaga Administrasi Negara",
    "jenis_diklat": 9,
    "jp": 16,
}


def _approved_seminar(user: User) -> None:
    if ExternalLearningClaim.objects.filter(user=user).exists():
        return
    officer = User.objects.filter(email=HR_OFFICER_EMAIL).first()
    evidence = ContentFile(
        b"%PDF-1.4\n% Sertifikat seminar (demo)\n%%EOF\n", name="sertifikat.pdf"
    )
    claim = submit_claim(
        user=user,
        data={
            **SEMINAR,
            "start_date": datetime.date(2026, 5, 12),
            "end_date": datetime.date(2026, 5, 13),
        },
        evidence=evidence,
    )
    if officer is not None:
        decide_claim(claim=claim, reviewer=officer, approve=True, reason="Sesuai.")


def seed() -> None:
    _attach_hr_officer()
    codes = _course_codes()
    for index, row in enumerate(STAFF):
        user = _create_staff(index, row)
        _record_learning(user, row[5], codes)
        if index in SEMINAR_ATTENDEES:
            _approved_seminar(user)
