"""Private files (certificate PDFs, certificate ZIP bundles, JP-claim evidence, HR
export results, HR import sources) are never reachable by a URL someone could guess:
they live outside MEDIA_ROOT under random names, ``/media/`` (served in development)
gives none of them, and only the permission-checked views hand them out."""

import io
import os
import re
import runpy
import sys
import types
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches, reverse

import lms.urls
from certificates.bundles import build_bundle
from certificates.models import Certificate, CertificateBundle
from certificates.services import issue_certificate
from courses.quizzes.models import QuestionImport
from lms.competencies.models import ExternalLearningClaim
from lms.competencies.services import submit_claim
from lms.hr.models import HrJob
from lms.private_files import (
    PrivateFileHasNoURL,
    move_to_private_storage,
    private_storage,
)
from tests.factories import (
    AsnProfileFactory,
    complete_enrolment_for,
    make_course,
    make_hr_officer,
    make_org_unit,
)
from tests.hr.test_imports import GOOD, HEADER

EVIDENCE = b"%PDF-1.4 bukti seminar"


@pytest.fixture
def debug_urls(settings):
    """The URLs ``lms/urls.py`` declares in a local run (``DEBUG=1``, or
    ``SIGAP_DEMO=1`` in ``make demo``), where Django itself serves ``/media/``."""
    settings.DEBUG = settings.LOCAL = True
    module = types.ModuleType("sigap_debug_urls")
    module.__dict__.update(runpy.run_path(lms.urls.__file__))
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()
    yield
    del sys.modules[module.__name__]
    clear_url_caches()


@pytest.fixture
def people(unit, catalog, user_factory):
    sub_unit = make_org_unit("Puskesmas Uji", parent=unit, code="PKM-UJI")
    trainer = user_factory(roles=["Pengajar"])
    return types.SimpleNamespace(
        holder=AsnProfileFactory(unit=unit).user,
        other_learner=AsnProfileFactory(unit=unit).user,
        trainer=trainer,
        officer=make_hr_officer(unit, email="hr-privat@sigap.test"),
        course=make_course(catalog, lessons=1, trainer=trainer),
        sub_unit=sub_unit,
    )


@pytest.fixture
def private_files(people, client, settings):
    """One file of every private kind, each made by the code path that makes it in
    production, and the view (if any) that serves it to its rightful user."""
    certificate = issue_certificate(
        enrolment=complete_enrolment_for(people.holder, people.course)
    )
    bundle = build_bundle(
        bundle_id=CertificateBundle.objects.create(
            course=people.course, requested_by=people.trainer
        ).pk
    )
    claim = submit_claim(
        user=people.holder,
        data={
            "title": "Seminar",
            "organiser": "LAN",
            "jenis_diklat": 9,
            "start_date": "2026-01-05",
            "end_date": "2026-01-05",
            "jp": 2,
        },
        evidence=SimpleUploadedFile("seminar saya.pdf", EVIDENCE),
    )
    settings.SIGAP_HR_XLSX_SYNC_ROWS = 0
    client.force_login(people.officer)
    client.post(reverse("hr:export_riwayat_xlsx"), {})
    export = HrJob.objects.get(kind=HrJob.Kind.EXPORT_RIWAYAT_XLSX)
    body = (HEADER + "\n".join(GOOD) + "\n").encode()
    client.post(
        reverse("hr:imports"), {"file": SimpleUploadedFile("pegawai.csv", body)}
    )
    staff_import = HrJob.objects.get(kind=HrJob.Kind.IMPORT_STAFF)
    client.logout()
    return {
        "certificate": (
            certificate.pdf,
            people.holder,
            reverse("certificates:download", args=[certificate.code]),
        ),
        "bundle": (
            bundle.file,
            people.trainer,
            reverse("certificates:bundle_download", args=[bundle.pk]),
        ),
        "claim evidence": (
            claim.evidence,
            people.holder,
            reverse("competencies:claim_evidence", args=[claim.pk]),
        ),
        "claim evidence (HR review)": (
            claim.evidence,
            people.officer,
            reverse("competencies:review_evidence", args=[claim.pk]),
        ),
        "HR export": (
            export.result_file,
            people.officer,
            reverse("hr:job_download", args=[export.pk]),
        ),
        "HR import source": (staff_import.source, None, None),
    }


def _guesses(files, people) -> list[str]:
    """Every URL under which one of these files was, or could be thought to be."""
    certificate = Certificate.objects.get()
    bundle = CertificateBundle.objects.get()
    claim = ExternalLearningClaim.objects.get()
    year, month = f"{certificate.issued_at:%Y}", f"{certificate.issued_at:%m}"
    urls = [
        f"/media/certificates/{year}/{month}/{certificate.code}.pdf",
        f"/media/certificates/{certificate.code}.pdf",
        f"/media/certificate-bundles/{year}/{month}/"
        f"sertifikat-{people.course.code.lower()}-{bundle.pk}.zip",
        f"/media/certificate-bundles/sertifikat-{people.course.code.lower()}.zip",
        f"/media/klaim-jp/{people.holder.pk}/"
        f"bukti-{claim.submitted_at:%Y%m%d-%H%M%S}.pdf",
        f"/media/klaim-jp/{people.holder.pk}/bukti.pdf",
        f"/media/claims/{people.holder.pk}/bukti.pdf",
        "/media/hr-jobs/riwayat-kursus-semua.xlsx",
        "/media/hr-jobs/pegawai.csv",
    ]
    for file, _user, _view in files.values():
        name = file.name
        urls += [
            f"/media/{name}",
            f"/media/{Path(name).name}",
            f"/media/private/{name}",
            f"/media/private-media/{name}",
            f"/media/../private-media/{name}",
            f"/media/%2e%2e/private-media/{name}",
            f"/private-media/{name}",
            f"/private/{name}",
            f"/_private/{name}",
        ]
    return urls


@pytest.mark.parametrize("urlconf", ["debug", "production"])
@pytest.mark.parametrize("visitor", ["anonymous", "another learner"])
def test_no_private_file_is_served_at_any_guessable_url(
    private_files, people, client, request, urlconf, visitor
):
    if urlconf == "debug":
        request.getfixturevalue("debug_urls")
    if visitor == "another learner":
        client.force_login(people.other_learner)
    for url in _guesses(private_files, people):
        response = client.get(url)
        assert response.status_code == 404, url


def test_private_files_are_outside_media_root_under_unguessable_names(
    private_files, people, settings
):
    certificate = Certificate.objects.get()
    media_files = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    for kind, (file, _user, _view) in private_files.items():
        assert file.storage is private_storage(), kind
        on_disk = Path(settings.PRIVATE_MEDIA_ROOT) / file.name
        assert on_disk.is_file(), kind
        assert Path(settings.MEDIA_ROOT) not in on_disk.parents, kind
        assert not default_storage.exists(file.name), kind
        assert all(p.read_bytes() != on_disk.read_bytes() for p in media_files), kind
        random_part = Path(file.name).parts[-2 if kind.startswith("HR") else -1]
        assert len(random_part.split(".")[0]) >= 32, (kind, file.name)
        for known in (
            certificate.code,
            certificate.number,
            people.course.code,
            f"/{people.holder.pk}/",
            f"{certificate.issued_at:%Y/%m}",
        ):
            assert known.lower() not in file.name.lower(), (kind, file.name)


@pytest.mark.parametrize(
    "field",
    [
        Certificate._meta.get_field("pdf"),
        CertificateBundle._meta.get_field("file"),
        ExternalLearningClaim._meta.get_field("evidence"),
        HrJob._meta.get_field("source"),
        HrJob._meta.get_field("result_file"),
        QuestionImport._meta.get_field("source"),
    ],
    ids=str,
)
def test_same_file_name_twice_gets_two_unrelated_random_names(field):
    first, second = (field.upload_to(None, "bukti.pdf") for _ in range(2))
    assert first != second
    # The 128 random bits differ (not only somewhere: the two-hex-digit fan-out
    # folder some kinds use is the same once in 256, and says nothing).
    tokens = [re.search(r"[0-9a-f]{32}", name).group() for name in (first, second)]
    assert tokens[0][:8] != tokens[1][:8]
    assert field.storage is private_storage()


def test_private_files_have_no_url(private_files):
    for kind, (file, _user, _view) in private_files.items():
        with pytest.raises(PrivateFileHasNoURL):
            file.url  # noqa: B018
        assert kind


def test_rightful_users_download_each_private_file_through_its_view(
    private_files, client
):
    for kind, (file, user, view) in private_files.items():
        if view is None:
            continue
        client.force_login(user)
        response = client.get(view)
        assert response.status_code == 200, kind
        with file.open("rb") as handle:
            assert b"".join(response.streaming_content) == handle.read(), kind
        assert response["Content-Disposition"].startswith("attachment"), kind
        assert response["Cache-Control"] == "private, no-store", kind
        assert response["X-Content-Type-Options"] == "nosniff", kind


def test_another_learner_is_refused_by_every_download_view(
    private_files, people, client
):
    client.force_login(people.other_learner)
    for kind, (_file, _user, view) in private_files.items():
        if view is not None:
            # 403: the HR area says so to anyone outside HR; 404 elsewhere.
            assert client.get(view).status_code in (403, 404), kind


def test_staff_import_reads_its_private_source_back(private_files, people, client):
    client.force_login(people.officer)
    job = HrJob.objects.get(kind=HrJob.Kind.IMPORT_STAFF)
    page = client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "Ani Lestari" in page and "Budi Hartono" in page


@pytest.mark.parametrize(
    ("mode", "header"),
    [("x-accel-redirect", "X-Accel-Redirect"), ("x-sendfile", "X-Sendfile")],
)
def test_web_server_mode_answers_with_a_header_and_no_body(
    private_files, client, settings, mode, header
):
    settings.SIGAP_PRIVATE_FILES_SERVE = mode
    settings.SIGAP_PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    for kind, (file, user, view) in private_files.items():
        if view is None:
            continue
        client.force_login(user)
        response = client.get(view)
        assert response.status_code == 200, kind
        assert response.content == b"", kind
        expected = (
            f"/_private/{file.name}"
            if mode == "x-accel-redirect"
            else quote(os.path.abspath(Path(settings.PRIVATE_MEDIA_ROOT) / file.name))
        )
        assert response[header] == expected, kind
        assert response["Content-Disposition"].startswith("attachment"), kind
        assert response["Cache-Control"] == "private, no-store", kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Content-Security-Policy"].startswith("sandbox"), kind
        assert response["Content-Type"].startswith("application/"), kind


def test_web_server_mode_still_checks_the_permission(
    private_files, people, client, settings
):
    settings.SIGAP_PRIVATE_FILES_SERVE = "x-accel-redirect"
    client.force_login(people.other_learner)
    for kind, (_file, _user, view) in private_files.items():
        if view is not None:
            response = client.get(view)
            assert response.status_code in (403, 404), kind
            assert "X-Accel-Redirect" not in response, kind


def test_development_media_still_serves_wagtail_images(debug_urls, client, db):
    from PIL import Image as PilImage
    from wagtail.images import get_image_model

    png = io.BytesIO()
    PilImage.new("RGB", (8, 8), "navy").save(png, "PNG")
    image = get_image_model().objects.create(
        title="Sampul", file=ContentFile(png.getvalue(), name="sampul.png")
    )
    rendition = image.get_rendition("width-4")
    assert client.get(image.file.url).status_code == 200
    assert client.get(rendition.url).status_code == 200


def test_development_media_serves_no_wagtail_document_file(debug_urls, client, db):
    """Documents may be private to a collection: only Wagtail's view serves them."""
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Materi", file=ContentFile(b"%PDF-1.4 materi", name="materi.pdf")
    )
    assert client.get(f"/media/{document.file.name}").status_code == 404


def _old_style_file(name: str, content: bytes) -> str:
    """A file where the code before private storage put it: MEDIA_ROOT."""
    return default_storage.save(name, ContentFile(content))


def test_migration_moves_old_files_to_private_storage_under_new_names(people, settings):
    certificate = issue_certificate(
        enrolment=complete_enrolment_for(people.holder, people.course)
    )
    pdf = certificate.pdf.read()
    old = _old_style_file(f"certificates/2025/01/{certificate.code}.pdf", pdf)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=old)
    counts = move_to_private_storage(Certificate, ["pdf"])

    moved = Certificate.objects.get(pk=certificate.pk)
    assert counts == {"moved": 1, "already_private": 0, "missing": 0}
    assert not (Path(settings.MEDIA_ROOT) / old).exists()
    assert certificate.code not in moved.pdf.name
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / moved.pdf.name).read_bytes() == pdf
    # A second run changes nothing.
    again = move_to_private_storage(Certificate, ["pdf"])
    assert again == {"moved": 0, "already_private": 1, "missing": 0}
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == moved.pdf.name


def test_migration_leaves_a_row_whose_old_file_is_missing_as_it_was(people):
    bundle = CertificateBundle.objects.create(
        course=people.course,
        requested_by=people.trainer,
        file="certificate-bundles/2025/01/sertifikat-hilang-1.zip",
    )
    counts = move_to_private_storage(CertificateBundle, ["file"])
    assert counts == {"moved": 0, "already_private": 0, "missing": 1}
    bundle.refresh_from_db()
    assert bundle.file.name == "certificate-bundles/2025/01/sertifikat-hilang-1.zip"


def test_migration_moves_old_claim_evidence_and_hr_files(people, settings):
    claim = submit_claim(
        user=people.holder,
        data={
            "title": "Seminar",
            "organiser": "LAN",
            "jenis_diklat": 9,
            "start_date": "2026-01-05",
            "end_date": "2026-01-05",
            "jp": 2,
        },
        evidence=SimpleUploadedFile("bukti.pdf", EVIDENCE),
    )
    old_evidence = _old_style_file(
        f"klaim-jp/{people.holder.pk}/bukti-20250101-080000.pdf", EVIDENCE
    )
    ExternalLearningClaim.objects.filter(pk=claim.pk).update(evidence=old_evidence)
    job = HrJob.objects.create(
        kind=HrJob.Kind.EXPORT_RIWAYAT_XLSX,
        created_by=people.officer,
        status=HrJob.Status.DONE,
    )
    old_result = _old_style_file("hr-jobs/abc/riwayat-kursus-2025.xlsx", b"PK xlsx")
    HrJob.objects.filter(pk=job.pk).update(result_file=old_result)

    move_to_private_storage(ExternalLearningClaim, ["evidence"])
    move_to_private_storage(HrJob, ["source", "result_file"])

    claim.refresh_from_db()
    job.refresh_from_db()
    assert not default_storage.exists(old_evidence)
    assert not default_storage.exists(old_result)
    assert f"/{people.holder.pk}/" not in claim.evidence.name
    assert claim.evidence.read() == EVIDENCE
    assert job.result_file.read() == b"PK xlsx"
    assert job.result_file.name.endswith("/riwayat-kursus-2025.xlsx")


def test_migrations_of_every_app_move_their_private_files():
    """Each app that holds a private FileField moves its old files in a migration."""
    from django.apps import apps
    from django.db import models

    from lms import private_files

    holders = {
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
        and field.storage is private_files.private_storage()
    }
    assert holders == {
        "certificates.Certificate",
        "certificates.CertificateBundle",
        "competencies.ExternalLearningClaim",
        "hr.HrJob",
        # Created with their private storage: they never had files to move.
        "quizzes.QuestionImport",
        "assignments.Submission",
    }
    for app_label, migration in (
        ("certificates", "0004_private_file_storage"),
        ("competencies", "0004_private_file_storage"),
        ("hr", "0003_private_file_storage"),
    ):
        module = __import__(
            f"{apps.get_app_config(app_label).name}.migrations.{migration}",
            fromlist=["Migration"],
        )
        assert any(
            getattr(op, "code", None) is module.move_files_to_private_storage
            for op in module.Migration.operations
        )
