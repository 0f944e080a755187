"""Generate HR load data: many learners and completions under one test instansi.

    python manage.py generate_load_data --learners 100000 --completions 1000000

Everything lives under the instansi ``LOAD`` (units ``LOAD-xx`` and ``LOAD-xx-yy``),
with learners ``load<n>@load.test`` and the HR officer ``hr-load@load.test``
(attached to ``LOAD``). On PostgreSQL rows are written with COPY and
INSERT … SELECT; elsewhere with ``bulk_create``. ``--clear`` removes it all.
"""

import datetime
import random
import time

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from courses.models import CatalogPage, CoursePage, Enrolment
from lms.accounts.models import AsnProfile, HrOfficer, Jabatan, OrgUnit, User

ROOT_CODE = "LOAD"
EMAIL_DOMAIN = "load.test"
OFFICER_EMAIL = f"hr-load@{EMAIL_DOMAIN}"
UNITS = 30
SUBUNITS = 8
GOLONGAN = ["II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]
FIRST_DAY = datetime.datetime(2022, 1, 1, tzinfo=datetime.UTC)
SPAN_SECONDS = int(
    (datetime.datetime(2026, 11, 20, tzinfo=datetime.UTC) - FIRST_DAY).total_seconds()
)


def load_nip(index: int) -> str:
    """A valid, unique 18-digit NIP for learner ``index`` (birth dates from 1975)."""
    birth = datetime.date(1975, 1, 1) + datetime.timedelta(days=index // 999)
    tmt = f"{birth.year + 25}{(index % 12) + 1:02d}"
    return f"{birth:%Y%m%d}{tmt}{1 + index % 2}{index % 999 + 1:03d}"


class Command(BaseCommand):
    help = "Membuat data beban HR (pegawai dan penyelesaian kursus) untuk benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=1000)
        parser.add_argument("--completions", type=int, default=10000)
        parser.add_argument("--courses", type=int, default=20)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--clear", action="store_true", help="remove load data")

    def handle(self, *args, learners, completions, courses, seed, clear, **options):
        started = time.monotonic()
        if clear:
            self._clear()
            return
        if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
            raise CommandError("Data beban sudah ada; jalankan dengan --clear dulu.")
        per_learner = max(1, -(-completions // max(learners, 1)))
        courses = max(courses, per_learner)
        rng = random.Random(seed)
        root, units = self._units()
        course_list = self._courses(courses)
        jabatan = list(Jabatan.objects.all()) or [
            Jabatan.objects.create(name="Pelaksana Beban", category="pelaksana")
        ]
        self._officer(root)
        self.stdout.write(f"units {len(units)}, courses {len(course_list)}")
        user_ids = self._users(learners)
        self.stdout.write(f"users {len(user_ids)} ({time.monotonic() - started:.0f} s)")
        self._profiles(user_ids, units, jabatan, root, rng)
        self.stdout.write(f"profiles ({time.monotonic() - started:.0f} s)")
        made = self._enrolments(user_ids, course_list, completions, rng)
        self.stdout.write(f"completions {made} ({time.monotonic() - started:.0f} s)")
        self._jp_entries()
        if connection.vendor == "postgresql":
            # What autovacuum does after a bulk load: statistics and the
            # visibility map (index-only scans).
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"selesai dalam {time.monotonic() - started:.0f} s")
        )

    # --- pieces -----------------------------------------------------------------

    def _units(self):
        root = OrgUnit.objects.filter(code=ROOT_CODE).first() or OrgUnit.add_root(
            code=ROOT_CODE, name="Instansi Uji Beban", kind=OrgUnit.Kind.INSTANSI_PUSAT
        )
        units = []
        for i in range(UNITS):
            unit = root.add_child(
                code=f"{ROOT_CODE}-{i:02d}", name=f"Unit Beban {i:02d}", kind="unit"
            )
            root.refresh_from_db()
            units.append(unit)
            for j in range(SUBUNITS):
                units.append(
                    unit.add_child(
                        code=f"{ROOT_CODE}-{i:02d}-{j:02d}",
                        name=f"Subunit Beban {i:02d}.{j:02d}",
                        kind="unit",
                    )
                )
                unit.refresh_from_db()
        return root, units

    def _courses(self, count: int) -> list[CoursePage]:
        catalog = CatalogPage.objects.first()
        if catalog is None:
            raise CommandError("Tidak ada halaman katalog; jalankan seed_demo dulu.")
        made = []
        for i in range(count):
            code = f"BEBAN{i:02d}"
            course = CoursePage.objects.filter(code=code).first()
            if course is None:
                catalog.refresh_from_db()
                course = catalog.add_child(
                    instance=CoursePage(
                        title=f"Kursus Beban {i:02d}",
                        slug=f"kursus-beban-{i:02d}",
                        code=code,
                        summary="Kursus untuk uji beban.",
                        jp=2 + i % 5,
                    )
                )
            made.append(course)
        return made

    def _officer(self, root: OrgUnit) -> None:
        officer = User.objects.create_user(
            email=OFFICER_EMAIL,
            password="sigap-demo-2026",
            name="HR Uji Beban",
            privacy_notice_shown_at=timezone.now(),
        )
        officer.groups.add(*Group.objects.filter(name="HR"))
        HrOfficer.objects.create(user=officer, unit=root)

    def _copy(self, table: str, columns: list[str], rows) -> None:
        with connection.cursor() as cursor:
            raw = cursor.cursor
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with raw.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)

    def _users(self, count: int) -> list[int]:
        now = timezone.now()
        if connection.vendor == "postgresql":
            self._copy(
                "accounts_user",
                [
                    "password",
                    "is_superuser",
                    "is_staff",
                    "is_active",
                    "date_joined",
                    "email",
                    "name",
                    "privacy_notice_shown_at",
                ],
                (
                    (
                        "!",
                        False,
                        False,
                        True,
                        now,
                        f"load{i}@{EMAIL_DOMAIN}",
                        f"Pegawai Beban {i}",
                        now,
                    )
                    for i in range(count)
                ),
            )
        else:
            User.objects.bulk_create(
                [
                    User(
                        email=f"load{i}@{EMAIL_DOMAIN}",
                        name=f"Pegawai Beban {i}",
                        password="!",
                        privacy_notice_shown_at=now,
                    )
                    for i in range(count)
                ],
                batch_size=2000,
            )
        ids = dict(
            User.objects.filter(
                email__startswith="load", email__endswith=f"@{EMAIL_DOMAIN}"
            ).values_list("email", "pk")
        )
        return [ids[f"load{i}@{EMAIL_DOMAIN}"] for i in range(count)]

    def _profiles(self, user_ids, units, jabatan, root, rng) -> None:
        now = timezone.now()

        def rows():
            for index, user_id in enumerate(user_ids):
                nip = load_nip(index)
                pppk = index % 10 == 0
                yield (
                    user_id,
                    f"Pegawai Beban {index}",
                    nip,
                    "PPPK" if pppk else "PNS",
                    datetime.date(1975, 1, 1) + datetime.timedelta(days=index // 999),
                    root.pk,
                    units[index % len(units)].pk,
                    jabatan[index % len(jabatan)].pk,
                    "IX" if pppk else GOLONGAN[index % len(GOLONGAN)],
                    now,
                )

        columns = [
            "user_id",
            "full_name",
            "nip",
            "employee_type",
            "birth_date",
            "instansi_id",
            "unit_id",
            "jabatan_id",
            "golongan",
            "completed_at",
        ]
        if connection.vendor == "postgresql":
            self._copy(
                "accounts_asnprofile",
                [
                    *columns,
                    "title_prefix",
                    "title_suffix",
                    "legacy_nip",
                    "birth_place",
                    "reminders_opt_out",
                    "updated_at",
                    "siasn_id",
                    "supervisor_digest_opt_out",
                ],
                (row + ("", "", "", "", False, now, "", False) for row in rows()),
            )
            return
        AsnProfile.objects.bulk_create(
            [AsnProfile(**dict(zip(columns, row, strict=True))) for row in rows()],
            batch_size=2000,
        )

    def _enrolments(self, user_ids, courses, total: int, rng) -> int:
        per_learner = -(-total // len(user_ids))
        count = len(courses)

        def rows():
            made = 0
            for index, user_id in enumerate(user_ids):
                for j in range(per_learner):
                    if made >= total:
                        return
                    course = courses[(index + j) % count]
                    done = FIRST_DAY + datetime.timedelta(
                        seconds=rng.randrange(SPAN_SECONDS)
                    )
                    start = done - datetime.timedelta(days=rng.randrange(1, 60))
                    made += 1
                    yield (
                        user_id,
                        course.pk,
                        "completed",
                        "self",
                        start,
                        done,
                        None,
                        1,
                        True,
                    )

        columns = [
            "user_id",
            "course_id",
            "status",
            "source",
            "enrolled_at",
            "completed_at",
            "deadline",
            "cycle",
            "is_current",
        ]
        if connection.vendor == "postgresql":
            self._copy("courses_enrolment", columns, rows())
        else:
            with transaction.atomic():
                Enrolment.objects.bulk_create(
                    [
                        Enrolment(**dict(zip(columns, row, strict=True)))
                        for row in rows()
                    ],
                    batch_size=2000,
                )
        return Enrolment.objects.filter(
            user__email__endswith=f"@{EMAIL_DOMAIN}"
        ).count()

    def _jp_entries(self) -> None:
        """Credit JP for every generated completion, as the completion service does."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                year = (
                    "EXTRACT(YEAR FROM e.completed_at AT TIME ZONE 'Asia/Jakarta')::int"
                )
                day = "(e.completed_at AT TIME ZONE 'Asia/Jakarta')::date"
                now = "NOW()"
            else:
                year = "CAST(strftime('%Y', e.completed_at, '+7 hours') AS INTEGER)"
                day = "date(e.completed_at, '+7 hours')"
                now = "CURRENT_TIMESTAMP"
            cursor.execute(
                f"""
                INSERT INTO competencies_jpentry
                    (user_id, year, jp, earned_on, title, jenis_diklat, source,
                     enrolment_id, created_at)
                SELECT e.user_id, {year}, c.jp, {day}, p.title, c.jenis_diklat,
                       'course', e.id, {now}
                FROM courses_enrolment e
                JOIN courses_coursepage c ON c.page_ptr_id = e.course_id
                JOIN wagtailcore_page p ON p.id = c.page_ptr_id
                JOIN accounts_user u ON u.id = e.user_id
                WHERE u.email LIKE %s AND e.status = 'completed' AND c.jp > 0
                """,
                [f"%@{EMAIL_DOMAIN}"],
            )

    def _clear(self) -> None:
        users = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}")
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM competencies_jpentry WHERE user_id IN "
                "(SELECT id FROM accounts_user WHERE email LIKE %s)",
                [f"%@{EMAIL_DOMAIN}"],
            )
        Enrolment.objects.filter(user__in=users).delete()
        AsnProfile.objects.filter(user__in=users).delete()
        HrOfficer.objects.filter(user__in=users).delete()
        users.delete()
        root = OrgUnit.objects.filter(code=ROOT_CODE).first()
        if root is not None:
            root.delete()
        self.stdout.write("data beban dihapus")
