"""A package is checked before anything of it is stored: zip bombs, names that
point outside the package, and manifests that are missing, malformed or launch
something that is not in the package are refused with an Indonesian message."""

import io
import stat
import zipfile

import pytest
from django.core.exceptions import ValidationError

from courses.packages.validation import inspect_package

from .conftest import SCORM2004_MANIFEST, demo_zip, make_zip, scorm12_zip


def _refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        inspect_package(io.BytesIO(data))
    return caught.value


def test_a_scorm12_package_launches_its_sco():
    manifest, files = inspect_package(
        io.BytesIO(demo_zip("scorm12-hambatan-pelayanan"))
    )
    assert manifest.standard == "scorm12"
    assert manifest.launch_path == "index.html"
    assert manifest.title == "Lima Hambatan Pelayanan di Masa Krisis"
    assert manifest.mastery_score == 60
    assert {info.filename for info in files} >= {"index.html", "sco.js"}


def test_a_scorm2004_package_follows_xml_base_and_keeps_its_parameters():
    data = make_zip(
        {"imsmanifest.xml": SCORM2004_MANIFEST, "isi/mulai.html": b"<p>mulai</p>"}
    )
    manifest, _files = inspect_package(io.BytesIO(data))
    assert manifest.standard == "scorm2004"
    assert manifest.launch_path == "isi/mulai.html"
    assert manifest.launch_parameters == "bab=1"


def test_a_cmi5_course_launches_its_au_with_its_rules():
    manifest, _files = inspect_package(
        io.BytesIO(demo_zip("cmi5-kesinambungan-layanan"))
    )
    assert manifest.standard == "cmi5"
    assert manifest.launch_path == "au/index.html"
    assert manifest.move_on == "CompletedAndPassed"
    assert manifest.mastery_score == 0.6
    assert manifest.activity_id.endswith("/au-1")


@pytest.mark.parametrize(
    "name",
    [
        "../luar.html",
        "/etc/passwd",
        "isi/../../luar.html",
        "C:/Windows/win.ini",
        "isi\\..\\luar.html",
    ],
)
def test_a_name_pointing_outside_the_package_is_refused(name):
    refusal = _refusal(make_zip({"index.html": b"x", name: b"jahat"}))
    assert refusal.code == "unsafe_name"
    assert "menunjuk ke luar paket" in refusal.messages[0]


def test_a_symbolic_link_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", b"<manifest/>")
        link = zipfile.ZipInfo("tautan")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    assert _refusal(buffer.getvalue()).code == "unsafe_name"


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    data = make_zip({"imsmanifest.xml": b"<manifest/>", "nol.bin": b"\0" * (20 << 20)})
    assert len(data) < 100_000
    refusal = _refusal(data)
    assert refusal.code == "zip_bomb"
    assert "bom ZIP" in refusal.messages[0]


def test_a_package_over_the_size_or_file_limits_is_refused(settings):
    settings.SIGAP_PACKAGE_MAX_FILES = 5
    files = {f"gambar-{n}.png": b"x" for n in range(6)}
    refusal = _refusal(make_zip(files))
    assert refusal.code == "too_big"
    settings.SIGAP_PACKAGE_MAX_FILES = 3000
    settings.SIGAP_PACKAGE_MAX_UNZIPPED_MB = 0
    stored = make_zip(
        {"video.mp4": bytes(range(256)) * 8}, compression=zipfile.ZIP_STORED
    )
    assert _refusal(stored).code == "too_big"


def test_not_a_zip_is_refused_with_a_message():
    refusal = _refusal(b"%PDF-1.7 bukan zip")
    assert refusal.code == "not_a_zip"
    assert "bukan paket ZIP" in refusal.messages[0]


def test_a_zip_without_a_manifest_is_refused():
    refusal = _refusal(make_zip({"paket/imsmanifest.xml": b"<manifest/>"}))
    assert refusal.code == "no_manifest"
    assert "imsmanifest.xml" in refusal.messages[0]


def test_a_malformed_manifest_is_refused():
    refusal = _refusal(make_zip({"imsmanifest.xml": b"<manifest><organizations>"}))
    assert refusal.code == "bad_manifest"
    assert "rusak" in refusal.messages[0]


def test_an_xml_entity_bomb_in_the_manifest_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest>&b;</manifest>'
    )
    assert _refusal(make_zip({"imsmanifest.xml": bomb})).code == "bad_manifest"


@pytest.mark.parametrize(
    "href",
    [
        "../index.html",
        "/index.html",
        "https://contoh.example/sco.html",
        "tidak-ada.html",
        "//contoh.example/x",
    ],
)
def test_a_launch_outside_the_package_is_refused(href):
    refusal = _refusal(scorm12_zip(href))
    assert refusal.code == "bad_launch"
    assert "bukan berkas di dalam paket" in refusal.messages[0]


def test_a_cmi5_au_hosted_elsewhere_is_refused():
    manifest = (
        b'<courseStructure xmlns="https://w3id.org/xapi/cmi5/CourseStructure.xsd">'
        b'<course id="https://x.example/c"><title><langstring>K</langstring></title>'
        b'</course><au id="https://x.example/au" moveOn="Completed"><title>'
        b"<langstring>A</langstring></title><url>https://lain.example/au.html</url>"
        b"</au></courseStructure>"
    )
    assert _refusal(make_zip({"cmi5.xml": manifest})).code == "bad_launch"
