"""Demo people and organisation tree for ``seed_demo``."""

import datetime
import functools

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from lms.accounts.employee_numbers import validate_employee_number
from lms.accounts.models import AsnProfile, Jabatan, OrgUnit, User
from lms.accounts.permissions import (
    ROLE_ADMIN,
    ROLE_HR,
    ROLE_LEARNER,
    ROLE_REVIEWER,
    ROLE_TRAINER,
)

DEMO_PASSWORD = "sigap-demo-2026"


@functools.cache
def demo_password_hash() -> str:
    """The demo password hashed once for every demo account: each account hashed on
    its own cost a third of a second (PBKDF2) for the same published password."""
    return make_password(DEMO_PASSWORD)


ORG_TREE = [
    (
        "PEMKAB-SR",
        "Pemerintah Kabupaten Sukamaju Raya",
        OrgUnit.Kind.INSTANSI_DAERAH,
        [
            ("SR-BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", []),
            (
                "SR-DINKES",
                "Dinas Kesehatan",
                [
                    ("SR-PKM-UTARA", "Puskesmas Sukamaju Utara", []),
                    ("SR-PKM-PESISIR", "Puskesmas Pesisir", []),
                ],
            ),
            ("SR-DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", []),
            ("SR-BPBD", "Badan Penanggulangan Bencana Daerah", []),
        ],
    ),
    (
        "PEMKOT-HJ",
        "Pemerintah Kota Harapan Jaya",
        OrgUnit.Kind.INSTANSI_DAERAH,
        [
            (
                "HJ-BKPSDM",
                "Badan Kepegawaian dan Pengembangan SDM Kota Harapan Jaya",
                [],
            ),
            ("HJ-DINSOS", "Dinas Sosial", []),
        ],
    ),
]

JABATAN = [
    ("Kepala Dinas", Jabatan.Category.JPT_PRATAMA, ""),
    ("Kepala Bidang Pelayanan", Jabatan.Category.ADMINISTRATOR, ""),
    ("Kepala Seksi Pelayanan", Jabatan.Category.PENGAWAS, ""),
    ("Analis Kebijakan Ahli Muda", Jabatan.Category.FUNGSIONAL, "Ahli Muda"),
    ("Perawat Ahli Pertama", Jabatan.Category.FUNGSIONAL, "Ahli Pertama"),
    ("Pengadministrasi Layanan", Jabatan.Category.PELAKSANA, ""),
]

# email, name, roles, profile (nip, unit code, jabatan, golongan, birth place) or None
ACCOUNTS = [
    (
        "peserta@sigap.test",
        "Siti Rahmawati",
        [ROLE_LEARNER],
        (
            "199003152015032001",
            "SR-PKM-UTARA",
            "Perawat Ahli Pertama",
            "III/b",
            "Palembang",
            "",
            "S.Kep., Ners",
        ),
    ),
    (
        "pengajar@sigap.test",
        "Budi Santoso",
        [ROLE_TRAINER],
        (
            "198107222006041003",
            "SR-BKPSDM",
            "Analis Kebijakan Ahli Muda",
            "III/d",
            "Yogyakarta",
            "Dr.",
            "M.A.P.",
        ),
    ),
    ("peninjau@sigap.test", "Maria Ulfa", [ROLE_REVIEWER], None),
    (
        "hr@sigap.test",
        "Agus Wibowo",
        [ROLE_HR],
        (
            "198511302010011002",
            "SR-BKPSDM",
            "Kepala Seksi Pelayanan",
            "III/c",
            "Sukamaju",
            "",
            "S.E.",
        ),
    ),
    ("admin@sigap.test", "Admin Sigap", [ROLE_ADMIN], None),
    # A supervisor (atasan langsung): a learner whose team is set in demo/steps/team.py.
    (
        "atasan@sigap.test",
        "Wayan Sudarma",
        [ROLE_LEARNER],
        (
            "198007172005011003",
            "SR-PKM-UTARA",
            "Kepala Seksi Pelayanan",
            "III/d",
            "Denpasar",
            "",
            "S.K.M.",
        ),
    ),
]


def _create_tree(parent, children) -> None:
    for code, name, grandchildren in children:
        node = OrgUnit.objects.filter(code=code).first()
        if node is None:
            node = parent.add_child(code=code, name=name, kind=OrgUnit.Kind.UNIT)
        _create_tree(node, grandchildren)


def seed() -> None:
    for code, name, kind, children in ORG_TREE:
        root = OrgUnit.objects.filter(code=code).first()
        if root is None:
            root = OrgUnit.add_root(code=code, name=name, kind=kind)
        _create_tree(root, children)
    for name, category, jenjang in JABATAN:
        Jabatan.objects.get_or_create(
            name=name, defaults={"category": category, "jenjang": jenjang}
        )

    for email, name, roles, profile in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=None,
                name=name,
                is_staff=ROLE_LEARNER not in roles,
                is_superuser=ROLE_ADMIN in roles,
                privacy_notice_shown_at=datetime.datetime(
                    2026, 1, 5, 8, 0, tzinfo=datetime.UTC
                ),
            )
            user.password = demo_password_hash()
            user.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        user.groups.add(*Group.objects.filter(name__in=roles))
        if profile is not None and not AsnProfile.objects.filter(user=user).exists():
            nip, unit_code, jabatan, golongan, birth_place, prefix, suffix = profile
            number = validate_employee_number(nip)
            unit = OrgUnit.objects.get(code=unit_code)
            AsnProfile.objects.create(
                user=user,
                full_name=name,
                title_prefix=prefix,
                title_suffix=suffix,
                nip=number.number,
                employee_type=number.type,
                birth_place=birth_place,
                birth_date=number.birth_date,
                instansi=unit.instansi,
                unit=unit,
                jabatan=Jabatan.objects.get(name=jabatan),
                golongan=golongan,
                completed_at=datetime.datetime(2026, 1, 5, 8, 5, tzinfo=datetime.UTC),
            )
