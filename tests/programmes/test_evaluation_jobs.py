"""Saving a rule (or a staff import) queues the rule evaluation as a background
task; HR follows it on the job page (queued, running N of M rules, done with
counts, failed with a message in Indonesian), reachable from the programme page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.hr.models import HrJob
from lms.programmes.evaluation import queue_rule_evaluation, start_rule_evaluation
from lms.programmes.models import AssignmentRule, ProgrammeAssignment
from lms.programmes.services import evaluate_rules
from lms.programmes.tasks import run_rule_evaluation
from tests.factories import AsnProfileFactory, client_as

pytestmark = pytest.mark.django_db


def _assigned_names(programme) -> set[str]:
    return set(
        ProgrammeAssignment.objects.filter(programme=programme).values_list(
            "user__asn_profile__full_name", flat=True
        )
    )


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def queued(monkeypatch):
    """The task queue as a worker that has not started yet: jobs stay queued."""
    calls: list[int] = []

    class NotYetRun:
        enqueue = staticmethod(calls.append)

    monkeypatch.setattr("lms.programmes.evaluation.run_rule_evaluation", NotYetRun)
    return calls


def test_saving_a_rule_queues_its_evaluation_and_the_page_follows_it(
    officer_client, programme, unit, staff, queued
):
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": unit.pk, "position_type": "fungsional", "save": "1"},
    )

    job = HrJob.objects.get(kind=HrJob.Kind.EVALUATE_RULES)
    assert response["Location"] == reverse("hr:job", args=[job.pk])
    assert queued == [job.pk]
    assert programme.rules.count() == 1
    assert _assigned_names(programme) == set()  # nothing inside the request
    page = officer_client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "Menunggu" in page and "Dalam antrean" in page
    assert 'http-equiv="refresh"' in page

    run_rule_evaluation.call(job.pk)

    assert _assigned_names(programme) == {"Rina Perawat", "Sari PPPK"}
    job.refresh_from_db()
    assert job.status == HrJob.Status.DONE
    assert job.result == {"assigned": 2, "rules": 1, "programmes": 1}
    page = officer_client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "Selesai: 2 penugasan baru dari 1 aturan" in page
    assert "1 dari 1 aturan" in page
    assert 'http-equiv="refresh"' not in page
    # Reachable from the programme page, with its outcome.
    detail = officer_client.get(
        reverse("programmes:detail", args=[programme.pk])
    ).content.decode()
    assert reverse("hr:job", args=[job.pk]) in detail
    assert "2 penugasan baru" in detail


def test_with_the_immediate_backend_the_job_has_run_when_the_page_opens(
    officer_client, programme, unit, staff
):
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": unit.pk, "position_type": "fungsional", "save": "1"},
        follow=True,
    )
    page = response.content.decode()
    assert "Aturan disimpan" in page
    assert "Selesai: 2 penugasan baru dari 1 aturan" in page
    assert _assigned_names(programme) == {"Rina Perawat", "Sari PPPK"}


def test_a_running_job_shows_how_many_rules_are_done(officer, officer_client):
    job = HrJob.objects.create(
        kind=HrJob.Kind.EVALUATE_RULES,
        created_by=officer,
        status=HrJob.Status.RUNNING,
        done=12,
        total=50,
        params={"programme_id": None, "back_url": "/hr/program/", "back_label": "P"},
    )
    page = officer_client.get(reverse("hr:job", args=[job.pk])).content.decode()
    assert "12 dari 50 aturan" in page
    assert "Berjalan" in page
    assert 'http-equiv="refresh"' in page


def test_progress_is_reported_after_each_programme(programme, unit, sub_unit, staff):
    from lms.programmes.models import Programme, ProgrammeItem

    AssignmentRule.objects.create(programme=programme, unit=unit)
    AssignmentRule.objects.create(programme=programme, unit=sub_unit)
    other = Programme.objects.create(title="Lain", code="LAIN", owner_unit=unit)
    ProgrammeItem.objects.create(programme=other, course=programme.items.first().course)
    AssignmentRule.objects.create(programme=other, unit=sub_unit)
    seen: list[tuple[int, int]] = []

    run = evaluate_rules(progress=lambda done, total: seen.append((done, total)))

    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert len(seen) == 3  # the start, then once per programme
    assert run.rules == 3
    assert run.total == 3 + 1  # kasi, pppk, perawat; perawat again in "Lain"


def test_a_failing_evaluation_says_so_in_indonesian_and_keeps_the_rule(
    officer_client, programme, unit, staff, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("lms.programmes.tasks.evaluate_rules", broken)
    response = officer_client.post(
        reverse("programmes:rule_add", args=[programme.pk]),
        {"unit": unit.pk, "save": "1"},
        follow=True,
    )

    job = HrJob.objects.get(kind=HrJob.Kind.EVALUATE_RULES)
    assert job.status == HrJob.Status.FAILED
    page = response.content.decode()
    assert "Tugas gagal." in page
    assert "Penugasan menurut aturan gagal. Aturan tetap tersimpan" in page
    assert "database is locked" not in page
    assert programme.rules.count() == 1
    detail = officer_client.get(
        reverse("programmes:detail", args=[programme.pk])
    ).content.decode()
    assert "Gagal" in detail


def test_a_job_run_twice_and_a_second_job_assign_nobody_twice(
    officer, programme, unit, staff
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    job = start_rule_evaluation(by=officer, programme=programme)
    run_rule_evaluation.call(job.pk)  # delivered again
    again = start_rule_evaluation(by=officer, programme=programme)

    job.refresh_from_db()
    again.refresh_from_db()
    assert job.result["assigned"] == 3
    assert again.result["assigned"] == 0
    assert ProgrammeAssignment.objects.filter(programme=programme).count() == 3


def test_another_officer_cannot_open_the_evaluation_job(
    officer, sibling_officer, programme, unit, staff
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    job = start_rule_evaluation(by=officer, programme=programme)
    client = client_as(sibling_officer)
    assert client.get(reverse("hr:job", args=[job.pk])).status_code == 404
    detail = client.get(
        reverse("programmes:detail", args=[programme.pk])
    ).content.decode()
    assert reverse("hr:job", args=[job.pk]) not in detail


def test_the_evaluation_after_a_staff_import_is_a_job_linked_from_the_import(
    officer, officer_client, programme, unit, django_capture_on_commit_callbacks
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    upload = SimpleUploadedFile(
        "pegawai.csv",
        (
            b"nip,nama,email,kode unit,jabatan,golongan\n"
            b"199003152015032101,Ani Lestari,ani@contoh.go.id,DINKES-UJI,,III/a\n"
        ),
    )
    officer_client.post(reverse("hr:imports"), {"file": upload})
    import_job = HrJob.objects.get(kind=HrJob.Kind.IMPORT_STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("hr:import_apply", args=[import_job.pk]))

    evaluation = HrJob.objects.get(kind=HrJob.Kind.EVALUATE_RULES)
    assert evaluation.created_by == officer
    assert evaluation.status == HrJob.Status.DONE
    assert evaluation.result["assigned"] == 1
    assert "Ani Lestari" in _assigned_names(programme)
    page = officer_client.get(reverse("hr:job", args=[import_job.pk])).content.decode()
    assert reverse("hr:job", args=[evaluation.pk]) in page
    assert "Penugasan program menurut aturan" in page
    detail = officer_client.get(
        reverse("programmes:detail", args=[programme.pk])
    ).content.decode()
    assert reverse("hr:job", args=[evaluation.pk]) in detail
    assert "setelah impor pegawai" in detail


def test_a_profile_saved_by_its_owner_starts_no_hr_job(
    programme, unit, django_capture_on_commit_callbacks
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    person = AsnProfileFactory(unit=unit, full_name="Joko Baru")
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_rule_evaluation(user_ids=[person.user_id]) is None
    assert not HrJob.objects.exists()
    assert "Joko Baru" in _assigned_names(programme)
