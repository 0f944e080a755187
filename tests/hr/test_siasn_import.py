"""HR's staff import may carry each person's SIASN id (the national sync's
``pnsOrangId``) in an optional column."""

from django.core.files.uploadedfile import SimpleUploadedFile

from lms.hr.imports import apply_import, dry_run, read_rows


def _rows(header: str, line: str):
    return read_rows(SimpleUploadedFile("p.csv", f"{header}\n{line}\n".encode()))


def test_staff_import_sets_the_siasn_id_of_people_in_scope(officer, insider):
    profile = insider.asn_profile
    header = "nip,nama,email,kode unit,id siasn"
    line = f"{profile.nip},{profile.full_name},{insider.email},PKM-UJI,A8ACA73-9AEB"
    (result,) = dry_run(officer=officer, rows=_rows(header, line))
    assert result.action == "update" and "ID SIASN" in result.changes
    apply_import(officer=officer, rows=_rows(header, line))
    profile.refresh_from_db()
    assert profile.siasn_id == "A8ACA73-9AEB"


def test_a_malformed_siasn_id_is_refused_with_its_reason(officer, insider):
    profile = insider.asn_profile
    header = "nip,nama,email,kode unit,pnsOrangId"
    line = f"{profile.nip},{profile.full_name},{insider.email},PKM-UJI,<script>"
    (result,) = dry_run(officer=officer, rows=_rows(header, line))
    assert result.action == "error"
    assert any("ID SIASN" in error for error in result.errors)
