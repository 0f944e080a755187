"""Demo competency data for ``seed_demo``: the four modules' competency mapping,
standards for the demo positions, and some JP history for the demo learner."""

import datetime
import io

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from courses.models import CoursePage, Enrolment
from demo.loader import load_modules, load_webinars
from lms.accounts.models import Jabatan, OrgUnit, User
from lms.competencies.models import (
    Competency,
    CompetencyLevel,
    CourseCompetency,
    ExternalLearningClaim,
    JpEntry,
    PositionStandard,
)
from lms.competencies.services import record_evidence, refresh_growth

from . import quizzes

_ALL = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]


def _levels(*levels: int) -> dict[str, int]:
    return dict(zip(_ALL, levels, strict=True))


# Required levels per demo jabatan (M.1 … M.8, SK.1), shaped like PermenPANRB
# 38/2017's tables: higher positions require higher levels.
STANDARDS = {
    "Kepala Dinas": _levels(4, 4, 4, 4, 4, 4, 4, 4, 4),
    "Kepala Bidang Pelayanan": _levels(3, 3, 3, 3, 4, 3, 3, 3, 3),
    "Kepala Seksi Pelayanan": _levels(3, 3, 3, 3, 3, 3, 2, 3, 2),
    "Analis Kebijakan Ahli Muda": _levels(3, 3, 3, 3, 3, 3, 3, 3, 2),
    "Perawat Ahli Pertama": _levels(2, 3, 2, 2, 3, 2, 2, 3, 2),
    "Pengadministrasi Layanan": _levels(2, 2, 2, 2, 2, 1, 1, 1, 1),
}

# A teknis competency of the demo regency (teknis competencies are per instansi).
TEKNIS = (
    "T.SR.1",
    "Penanganan Kegawatdaruratan di Fasilitas Kesehatan Primer",
    "PEMKAB-SR",
    "Kemampuan mengenali, memilah, dan menangani kasus gawat darurat di puskesmas "
    "serta merujuknya dengan aman, termasuk saat layanan terganggu oleh bencana "
    "atau wabah.",
    [
        "Menjalankan prosedur triase dan pertolongan pertama sesuai standar.",
        "Menangani kasus gawat darurat umum dan membimbing rekan saat bertugas.",
        "Mengatur alur layanan gawat darurat dan rujukan di puskesmasnya.",
        "Menyusun rencana kesiapsiagaan darurat puskesmas se-kabupaten.",
        "Menjadi rujukan nasional dan merumuskan kebijakan layanan gawat darurat "
        "primer.",
    ],
    {"Perawat Ahli Pertama": 2},
)

LEARNER = "peserta@sigap.test"
HR = "hr@sigap.test"


def _module_mapping() -> dict[str, list[tuple[str, int]]]:
    """Each module's target competencies, as declared in its ``module.yaml``
    (docs/domain.md: quick thinking → M.8; creativity and innovation → M.7;
    collaborative leadership → M.2 and M.3; crisis service delivery → M.5, M.4)."""
    modules = [*load_modules(), *load_webinars()]
    return {module["code"]: module["competencies"] for module in modules}


def _map_courses() -> None:
    competencies = {c.code: c for c in Competency.objects.all()}
    for code, targets in _module_mapping().items():
        course = CoursePage.objects.filter(code=code).first()
        if course is None:
            continue
        for order, (competency_code, level) in enumerate(targets):
            CourseCompetency.objects.get_or_create(
                course=course,
                competency=competencies[competency_code],
                defaults={"target_level": level, "sort_order": order},
            )


def _set_standards() -> None:
    competencies = {c.code: c for c in Competency.objects.national()}
    for name, levels in STANDARDS.items():
        jabatan = Jabatan.objects.filter(name=name).first()
        if jabatan is None:
            continue
        for code, level in levels.items():
            PositionStandard.objects.get_or_create(
                jabatan=jabatan,
                competency=competencies[code],
                defaults={"required_level": level},
            )


def _teknis_competency() -> None:
    code, name, instansi_code, definition, levels, standards = TEKNIS
    instansi = OrgUnit.objects.filter(code=instansi_code).first()
    if instansi is None:
        return
    competency, created = Competency.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "group": "teknis",
            "instansi": instansi,
            "definition": definition,
            "sort_order": 200,
        },
    )
    if created:
        for level, description in enumerate(levels, start=1):
            CompetencyLevel.objects.create(
                competency=competency, level=level, description=description
            )
    for jabatan_name, level in standards.items():
        jabatan = Jabatan.objects.filter(name=jabatan_name).first()
        if jabatan is not None:
            PositionStandard.objects.get_or_create(
                jabatan=jabatan,
                competency=competency,
                defaults={"required_level": level},
            )


def _demo_pdf(title: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# title, organiser, jenis diklat, start, end, JP, status, reason
CLAIMS = [
    (
        "Seminar Nasional Keperawatan Komunitas",
        "Persatuan Perawat Nasional Indonesia",
        9,
        datetime.date(2025, 10, 14),
        datetime.date(2025, 10, 14),
        6,
        ExternalLearningClaim.Status.APPROVED,
        "Sertifikat sah; JP sesuai jadwal seminar.",
    ),
    (
        "Workshop Penanganan Kegawatdaruratan di Puskesmas",
        "Dinas Kesehatan Kabupaten Sukamaju Raya",
        4,
        datetime.date(2026, 2, 9),
        datetime.date(2026, 2, 10),
        8,
        ExternalLearningClaim.Status.APPROVED,
        "Surat tugas dan sertifikat lengkap.",
    ),
    (
        "Bimtek Aplikasi Rekam Medis Elektronik",
        "Kementerian Kesehatan",
        8,
        datetime.date(2026, 4, 21),
        datetime.date(2026, 4, 22),
        4,
        ExternalLearningClaim.Status.SUBMITTED,
        "",
    ),
]


def _seed_claims() -> None:
    learner = User.objects.filter(email=LEARNER).first()
    reviewer = User.objects.filter(email=HR).first()
    if learner is None:
        return
    for title, organiser, jenis, start, end, jp, status, reason in CLAIMS:
        if ExternalLearningClaim.objects.filter(user=learner, title=title).exists():
            continue
        claim = ExternalLearningClaim(
            user=learner,
            title=title,
            organiser=organiser,
            jenis_diklat=jenis,
            start_date=start,
            end_date=end,
            jp=jp,
            status=status,
        )
        claim.evidence.save(
            f"bukti-{start:%Y%m%d}.pdf", ContentFile(_demo_pdf(title)), save=False
        )
        if status != ExternalLearningClaim.Status.SUBMITTED:
            claim.reviewed_by = reviewer
            claim.reviewed_at = datetime.datetime.combine(
                end + datetime.timedelta(days=3), datetime.time(2, 0), datetime.UTC
            )
            claim.review_reason = reason
        claim.save()
        if status == ExternalLearningClaim.Status.APPROVED:
            JpEntry.objects.create(
                user=learner,
                year=end.year,
                jp=jp,
                earned_on=end,
                title=title,
                jenis_diklat=jenis,
                source=JpEntry.Source.CLAIM,
                claim=claim,
            )


def _record_demo_growth() -> None:
    """Evidence and growth for demo completions recorded by earlier seed steps
    (some before the courses were mapped, some before their quiz attempts)."""
    # The demo attempts must exist before growth is read from them, whatever
    # the order of SEED_STEPS; that step is idempotent.
    quizzes.seed()
    mapped = CourseCompetency.objects.values("course_id")
    for enrolment in (
        Enrolment.objects.completed()
        .filter(course_id__in=mapped)
        .select_related("user", "course")
    ):
        record_evidence(enrolment=enrolment)
        refresh_growth(enrolment=enrolment)


def seed() -> None:
    _map_courses()
    _set_standards()
    _teknis_competency()
    _seed_claims()
    _record_demo_growth()
