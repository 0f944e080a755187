"""Staff import: dry run row by row, all-or-nothing apply, idempotent, invitations."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.accounts.models import AsnProfile, User
from lms.audit.models import AuditEvent
from lms.hr.imports import apply_import, dry_run, read_rows
from lms.hr.models import HrJob
from tests.factories import AsnProfileFactory

HEADER = "nip,nama,email,kode unit,jabatan,golongan\n"
GOOD = [
    "199003152015032101,Ani Lestari,ani@contoh.go.id,DINKES-UJI,,III/a",
    "198501012010011002,Budi Hartono,budi@contoh.go.id,PKM-UJI,,II/c",
]


def _upload(lines: list[str], name="pegawai.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (HEADER + "\n".join(lines) + "\n").encode())


def _rows(lines):
    return read_rows(_upload(lines))


@pytest.fixture
def units(unit, sub_unit, other_unit):
    return unit


def test_dry_run_lists_what_would_be_created_and_writes_nothing(officer, units):
    results = dry_run(officer=officer, rows=_rows(GOOD))
    assert [r.action for r in results] == ["create", "create"]
    assert not User.objects.filter(email="ani@contoh.go.id").exists()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("19900315201503210,Salah,s@contoh.go.id,DINKES-UJI,,", "18 digit"),
        ("199013152015032001,Salah,s@contoh.go.id,DINKES-UJI,,", "NIP tidak valid"),
        ("1990031520150321AB,Salah,s@contoh.go.id,DINKES-UJI,,", "hanya boleh"),
        ("199003152015032199,Salah,s@contoh.go.id,TIDAK-ADA,,", "tidak dikenal"),
        ("199003152015032199,Salah,s@contoh.go.id,DINSOS-LAIN,,", "di luar lingkup"),
        ("199003152015032199,,s@contoh.go.id,DINKES-UJI,,", "Nama wajib"),
        ("199003152015032199,Salah,bukan-email,DINKES-UJI,,", "tidak valid"),
        ("199003152015032199,Salah,s@contoh.go.id,DINKES-UJI,,Z/z", "Golongan"),
        ("199003152015032199,Salah,s@contoh.go.id,DINKES-UJI,Raja,", "Jabatan"),
    ],
)
def test_each_kind_of_bad_row_is_refused_with_its_reason(officer, units, line, reason):
    (result,) = dry_run(officer=officer, rows=_rows([line]))
    assert result.action == "error"
    assert any(reason in error for error in result.errors), result.errors


def test_duplicate_email_within_the_file_is_refused(officer, units):
    lines = [GOOD[0], "198501012010011002,Budi,ANI@contoh.go.id,PKM-UJI,,"]
    results = dry_run(officer=officer, rows=_rows(lines))
    assert results[0].action == "create"
    assert results[1].action == "error"
    assert "baris 2" in results[1].errors[0]


def test_email_of_another_person_is_refused(officer, units, learner):
    line = f"199003152015032101,Ani,{learner.email},DINKES-UJI,,"
    (result,) = dry_run(officer=officer, rows=_rows([line]))
    assert result.action == "error"
    assert "sudah dipakai orang lain" in result.errors[0]


def test_person_registered_outside_scope_cannot_be_taken_over(officer, units, outsider):
    nip = outsider.asn_profile.nip
    line = f"{nip},Orang Luar,{outsider.email},DINKES-UJI,,"
    (result,) = dry_run(officer=officer, rows=_rows([line]))
    assert result.action == "error"
    assert any("di luar lingkup" in e for e in result.errors)


def test_apply_creates_people_invites_them_and_is_idempotent(
    officer, units, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = apply_import(officer=officer, rows=_rows(GOOD))
    assert outcome.applied and len(outcome.created) == 2
    ani = AsnProfile.objects.get(nip="199003152015032101")
    assert ani.unit.code == "DINKES-UJI" and ani.employee_type == "PNS"
    assert ani.instansi.code == "PEMKAB-UJI"
    assert len(mail.outbox) == 2
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    counts = (User.objects.count(), AsnProfile.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        again = apply_import(officer=officer, rows=_rows(GOOD))
    assert again.unchanged == 2 and not again.created and again.updated == 0
    assert (User.objects.count(), AsnProfile.objects.count()) == counts
    assert len(mail.outbox) == 2


def test_apply_updates_changed_fields_of_people_in_scope(officer, units, learner):
    profile = learner.asn_profile
    line = f"{profile.nip},Nama Baru,{learner.email},PKM-UJI,,IV/a"
    (result,) = dry_run(officer=officer, rows=_rows([line]))
    assert result.action == "update"
    apply_import(officer=officer, rows=_rows([line]))
    profile.refresh_from_db()
    assert (profile.full_name, profile.unit.code, profile.golongan) == (
        "Nama Baru",
        "PKM-UJI",
        "IV/a",
    )


def test_one_bad_row_means_nothing_is_applied(officer, units):
    lines = [*GOOD, "123,Salah,salah@contoh.go.id,DINKES-UJI,,"]
    outcome = apply_import(officer=officer, rows=_rows(lines))
    assert not outcome.applied
    assert not User.objects.filter(email__in=["ani@contoh.go.id"]).exists()


def test_xlsx_file_is_read_like_csv(officer, units):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NIP", "Nama", "Email", "Kode unit", "Jabatan", "Golongan"])
    sheet.append(
        ["199003152015032101", "Ani", "ani@contoh.go.id", "DINKES-UJI", None, None]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = read_rows(SimpleUploadedFile("pegawai.xlsx", buffer.getvalue()))
    assert rows[0]["nip"] == "199003152015032101"
    assert dry_run(officer=officer, rows=rows)[0].action == "create"


def test_import_through_the_pages_dry_run_then_apply(
    officer_client, officer, units, django_capture_on_commit_callbacks
):
    bad = "199013152015032001,Salah Tanggal,salah@contoh.go.id,DINKES-UJI,,"
    response = officer_client.post(
        reverse("hr:imports"), {"file": _upload([*GOOD, bad])}
    )
    job = HrJob.objects.get()
    assert response["Location"] == reverse("hr:job", args=[job.pk])
    page = officer_client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "Salah Tanggal" in page and "NIP tidak valid" in page
    assert "Terapkan impor" not in page
    refused = officer_client.post(reverse("hr:import_apply", args=[job.pk]))
    assert refused.status_code == 302
    assert not User.objects.filter(email="ani@contoh.go.id").exists()

    response = officer_client.post(reverse("hr:imports"), {"file": _upload(GOOD)})
    job = HrJob.objects.latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("hr:import_apply", args=[job.pk]))
    job.refresh_from_db()
    assert job.result["applied"]["created"] == 2
    assert User.objects.filter(email="ani@contoh.go.id").exists()
    assert AuditEvent.objects.filter(action="hr.import", actor=officer).exists()


def test_unreadable_file_is_refused_with_a_message_and_status_400(
    officer_client, units
):
    upload = SimpleUploadedFile("pegawai.csv", b"kolom,lain\n1,2\n")
    response = officer_client.post(reverse("hr:imports"), {"file": upload})
    assert response.status_code == 400
    assert "Baris judul harus memuat kolom" in response.content.decode()


def test_another_officers_import_job_is_404(client, officer_client, units, unit):
    from tests.factories import make_hr_officer

    officer_client.post(reverse("hr:imports"), {"file": _upload(GOOD)})
    job = HrJob.objects.get()
    client.force_login(make_hr_officer(unit))
    assert client.get(reverse("hr:job", args=[job.pk])).status_code == 404
    assert client.post(reverse("hr:import_apply", args=[job.pk])).status_code == 404


def test_existing_profile_by_factory_counts_as_unchanged(officer, units, unit):
    profile = AsnProfileFactory(unit=unit, full_name="Tetap Sama", golongan="III/a")
    line = f"{profile.nip},Tetap Sama,{profile.user.email},DINKES-UJI,,III/a"
    (result,) = dry_run(officer=officer, rows=_rows([line]))
    assert result.action == "unchanged"
