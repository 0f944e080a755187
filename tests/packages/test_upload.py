"""A trainer adds a SCORM or cmi5 lesson to their own course in the admin by
uploading the package; an unsafe or malformed package is refused with a clear
message and nothing of it is stored."""

import pytest

from courses.packages.models import ContentPackage, PackagePage
from lms.private_files import private_storage
from tests.factories import UserFactory, client_as

from .conftest import SCORM2004_MANIFEST, demo_zip, make_zip, upload

pytestmark = pytest.mark.django_db


def _add_url(course) -> str:
    return f"/cms/pages/add/packages/packagepage/{course.pk}/"


def _form(data: bytes, **fields) -> dict:
    form = {
        "title": "Materi interaktif",
        "slug": "materi-interaktif",
        "intro": "",
        "duration_minutes": "10",
        "required": "on",
        "package_file": upload(data),
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    form.update(fields)
    return form


@pytest.mark.parametrize(
    ("data", "standard", "launch"),
    [
        (lambda: demo_zip("scorm12-hambatan-pelayanan"), "scorm12", "index.html"),
        (
            lambda: make_zip(
                {"imsmanifest.xml": SCORM2004_MANIFEST, "isi/mulai.html": b"<p>x</p>"}
            ),
            "scorm2004",
            "isi/mulai.html",
        ),
        (lambda: demo_zip("cmi5-kesinambungan-layanan"), "cmi5", "au/index.html"),
    ],
)
def test_a_trainer_uploads_a_package_to_their_own_course(
    course, trainer, data, standard, launch
):
    client = client_as(trainer)
    assert client.get(_add_url(course)).status_code == 200
    response = client.post(_add_url(course), _form(data()))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = PackagePage.objects.get(slug="materi-interaktif")
    package = page.package
    assert package.standard == standard
    assert package.launch_path == launch
    assert package.course_id == course.pk
    assert package.uploaded_by == trainer
    assert private_storage().exists(package.storage_name(launch))


def test_another_trainer_cannot_add_a_package_to_the_course(course):
    stranger = client_as(UserFactory(roles=["Pengajar"]))
    response = stranger.post(
        _add_url(course), _form(demo_zip("scorm12-hambatan-pelayanan"))
    )
    assert response.status_code in (302, 403)
    assert not PackagePage.objects.exists()
    assert not ContentPackage.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            make_zip({"imsmanifest.xml": b"<manifest/>", "../../luar.html": b"x"}),
            "menunjuk ke luar paket",
        ),
        (
            make_zip(
                {"imsmanifest.xml": b"<manifest/>", "nol.bin": b"\0" * (20 << 20)}
            ),
            "bom ZIP",
        ),
        (make_zip({"imsmanifest.xml": b"<manifest"}), "rusak"),
        (make_zip({"index.html": b"x"}), "tidak memuat imsmanifest.xml"),
        (b"bukan zip", "bukan paket ZIP"),
    ],
)
def test_an_unsafe_or_malformed_package_is_refused_with_a_message(
    course, trainer, data, message
):
    response = client_as(trainer).post(_add_url(course), _form(data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PackagePage.objects.exists()
    assert not ContentPackage.objects.exists()


def test_a_lesson_needs_a_package(course, trainer):
    form = _form(b"")
    form.pop("package_file")
    response = client_as(trainer).post(_add_url(course), form)
    assert response.status_code == 200
    assert "Unggah paket SCORM 1.2" in response.content.decode()


def test_a_course_with_package_lessons_can_be_deleted(course):
    from .conftest import add_package_lesson

    add_package_lesson(course, demo_zip("scorm12-hambatan-pelayanan"), slug="hapus")
    course.delete()
    assert not PackagePage.objects.exists()
    assert not ContentPackage.objects.exists()
