"""Demo SCORM and cmi5 lessons for ``seed_demo``: two small packages authored in
``demo/packages`` (a SCORM 1.2 package of two SCOs and a cmi5 course of one
block with two AUs, in Indonesian, about the module's content), zipped and
imported through the same checks as a trainer's upload, as lessons of
*Pelayanan Publik di Masa Krisis*. Idempotent: pages by slug."""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import CoursePage
from courses.packages.models import PackagePage
from courses.packages.services import import_package

PACKAGES = Path(__file__).resolve().parent.parent / "packages"
COURSE_CODE = "PPK"
LESSONS = [
    {
        "folder": "scorm12-hambatan-pelayanan",
        "title": "Lima hambatan pelayanan (SCORM)",
        "slug": "lima-hambatan-pelayanan-scorm",
        "intro": (
            "Materi interaktif SCORM 1.2 dalam dua bagian: kenali lima hambatan "
            "pelayanan di masa krisis dan cara memadukan kanal daring dan luring, "
            "jawab tiga pertanyaan (nilai lulus 60), lalu susun rencana tindak "
            "lanjut."
        ),
        "minutes": 10,
    },
    {
        "folder": "cmi5-kesinambungan-layanan",
        "title": "Latihan rencana kesinambungan layanan (cmi5)",
        "slug": "latihan-kesinambungan-layanan-cmi5",
        "intro": (
            "Latihan cmi5 dalam dua bagian: langkah pertama rencana kesinambungan "
            "layanan kritis (lulus dengan nilai minimal 60), lalu daftar periksa "
            "petugas pengganti."
        ),
        "minutes": 5,
    },
]


def zip_folder(folder: Path) -> bytes:
    """The folder's files as a ZIP, paths relative to the folder (a package)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return buffer.getvalue()


def seed() -> None:
    course = CoursePage.objects.filter(code=COURSE_CODE).first()
    if course is None:
        return
    existing = set(PackagePage.objects.child_of(course).values_list("slug", flat=True))
    for lesson in LESSONS:
        if lesson["slug"] in existing:
            continue
        upload = SimpleUploadedFile(
            f"{lesson['folder']}.zip",
            zip_folder(PACKAGES / lesson["folder"]),
            content_type="application/zip",
        )
        package = import_package(
            upload=upload, course=course, uploaded_by=course.trainer
        )
        course.add_child(
            instance=PackagePage(
                title=lesson["title"],
                slug=lesson["slug"],
                intro=lesson["intro"],
                package=package,
                duration_minutes=lesson["minutes"],
                required=True,
                owner=course.trainer,
            )
        )
