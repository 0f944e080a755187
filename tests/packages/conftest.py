import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.packages.models import PackagePage
from courses.packages.services import import_package
from demo.steps.packages import PACKAGES, zip_folder
from tests.factories import UserFactory, make_course

SCORM12_MANIFEST = b"""<?xml version="1.0"?>
<manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Paket uji</title>
    <item identifier="I" identifierref="R"><title>SCO</title></item>
  </organization></organizations>
  <resources><resource identifier="R" type="webcontent" adlcp:scormtype="sco"
    href="%s"><file href="index.html"/></resource></resources>
</manifest>"""

SCORM2004_MANIFEST = b"""<?xml version="1.0"?>
<manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Paket 2004</title>
    <item identifier="I" identifierref="R"><title>SCO</title></item>
  </organization></organizations>
  <resources><resource identifier="R" type="webcontent" adlcp:scormType="sco"
    xml:base="isi/" href="mulai.html?bab=1"><file href="isi/mulai.html"/></resource>
  </resources>
</manifest>"""


def make_zip(files: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(data: bytes, name: str = "paket.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def scorm12_zip(href: str = "index.html") -> bytes:
    return make_zip(
        {
            "imsmanifest.xml": SCORM12_MANIFEST % href.encode(),
            "index.html": b"<!doctype html><title>SCO</title><p>Halo</p>",
        }
    )


def demo_zip(folder: str) -> bytes:
    return zip_folder(PACKAGES / folder)


@pytest.fixture
def trainer(db):
    return UserFactory(roles=["Pengajar"])


@pytest.fixture
def course(catalog, trainer):
    return make_course(catalog, lessons=1, trainer=trainer)


def add_package_lesson(course, data: bytes, *, slug: str, required=True):
    package = import_package(upload=upload(data), course=course, uploaded_by=None)
    return course.add_child(
        instance=PackagePage(
            title=f"Paket {slug}", slug=slug, package=package, required=required
        )
    )


@pytest.fixture
def scorm_lesson(course):
    return add_package_lesson(
        course, demo_zip("scorm12-hambatan-pelayanan"), slug="scorm"
    )


@pytest.fixture
def cmi5_lesson(course):
    return add_package_lesson(
        course, demo_zip("cmi5-kesinambungan-layanan"), slug="cmi5"
    )
