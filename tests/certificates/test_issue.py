"""Issuing: automatic on completion, once per enrolment, with a frozen snapshot."""

import pytest
from django.db import IntegrityError, transaction

from certificates import pdf
from certificates.grading import predikat_for
from certificates.models import Certificate, CertificateTemplate
from certificates.numbering import NumberPatternError, check_number_pattern
from certificates.services import issue_certificate, reissue_certificate
from certificates.tasks import issue_certificate_task, issue_missing_certificates
from courses.models import Enrolment
from courses.services import mark_lesson_complete
from lms.audit.models import AuditEvent
from tests.factories import AsnProfileFactory, complete_enrolment_for, make_course

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = pytest.mark.usefixtures("no_reading_time")


def test_finishing_the_last_lesson_issues_the_certificate_without_any_click(
    learner, course, django_capture_on_commit_callbacks
):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course.lessons():
            mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.pdf and len(certificate.sha256) == 64
    assert certificate.holder_nip == learner.asn_profile.nip


def test_an_unfinished_course_gets_no_certificate(learner, course):
    enrolment = Enrolment.objects.create(user=learner, course=course)
    assert issue_certificate_task.call(enrolment.pk) is None
    assert not Certificate.objects.exists()


def test_certificate_snapshot_never_changes_after_edits(certificate, learner, course):
    printed = {
        field: getattr(certificate, field)
        for field in (
            "holder_name",
            "holder_nip",
            "holder_jabatan",
            "course_title",
            "jp",
            "signer_name",
            "institution_name",
            "sha256",
            "number",
        )
    }
    profile = learner.asn_profile
    profile.full_name, profile.nip = "Nama Baru", "199001012015011001"
    profile.save()
    course.title, course.jp = "Judul Baru", 99
    course.save_revision().publish()
    template = CertificateTemplate.objects.default()
    template.signer_name, template.institution_name = "Penanda Baru", "Instansi Baru"
    template.save()
    certificate.refresh_from_db()
    assert {field: getattr(certificate, field) for field in printed} == printed
    with certificate.pdf.open("rb") as handle:
        import hashlib

        assert hashlib.sha256(handle.read()).hexdigest() == printed["sha256"]


def test_issuing_twice_returns_the_same_certificate(completed):
    first = issue_certificate(enrolment=completed)
    second = issue_certificate(enrolment=completed)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


def test_database_refuses_a_second_valid_certificate_for_an_enrolment(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            **{
                field.attname: getattr(certificate, field.attname)
                for field in Certificate._meta.concrete_fields
                if field.attname not in {"id", "number", "code", "seq"}
            },
            number="lain",
            code="lain-lain-lain-lain-lain",
            seq=999,
        )


def test_task_retried_after_a_crash_mid_render_finishes_the_same_certificate(
    completed, monkeypatch
):
    real_render = pdf.render_certificate_pdf

    def crash(*args, **kwargs):
        raise RuntimeError("worker died")

    monkeypatch.setattr(pdf, "render_certificate_pdf", crash)
    with pytest.raises(RuntimeError):
        issue_certificate_task.call(completed.pk)
    half_done = Certificate.objects.get()
    assert not half_done.pdf

    monkeypatch.setattr(pdf, "render_certificate_pdf", real_render)
    number = issue_certificate_task.call(completed.pk)
    finished = Certificate.objects.get()
    assert (finished.pk, finished.number) == (half_done.pk, number)
    assert finished.pdf and finished.sha256


def test_periodic_sweep_requeues_completions_left_without_a_certificate(
    completed, time_machine
):
    time_machine.move_to(completed.completed_at, tick=False)
    time_machine.shift(600)
    assert issue_missing_certificates.call() == 1
    assert Certificate.objects.get().enrolment_id == completed.pk
    assert issue_missing_certificates.call() == 0


def test_numbers_are_sequential_per_course_and_year(learner, course, catalog, unit):
    other_course = make_course(catalog, lessons=1)
    numbers = []
    for target in (course, course, other_course):
        person = AsnProfileFactory(unit=unit).user
        numbers.append(
            issue_certificate(enrolment=complete_enrolment_for(person, target)).number
        )
    year = Certificate.objects.first().completed_on.year
    assert numbers == [
        f"00001/SIGAP/{course.code}/{year}",
        f"00002/SIGAP/{course.code}/{year}",
        f"00001/SIGAP/{other_course.code}/{year}",
    ]


def test_reissue_supersedes_the_old_certificate_with_a_new_number(
    certificate, learner, user_factory
):
    admin = user_factory(roles=["Admin"])
    learner.asn_profile.full_name = "Nama Setelah Koreksi"
    learner.asn_profile.save()
    new = reissue_certificate(certificate=certificate, by=admin, reason="Salah nama")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    assert certificate.superseded_by_id == new.pk
    assert new.number != certificate.number and new.seq == certificate.seq + 1
    assert "Nama Setelah Koreksi" in new.holder_name
    assert new.pdf and new.status == Certificate.Status.VALID
    assert AuditEvent.objects.filter(action="certificate.reissue").count() == 1


@pytest.mark.parametrize(
    ("score", "predikat"),
    [
        (None, "Baik"),
        (100, "Sangat Memuaskan"),
        (90, "Sangat Memuaskan"),
        (89.99, "Memuaskan"),
        (80, "Memuaskan"),
        (75, "Baik"),
        (10, "Cukup"),
    ],
)
def test_predikat_follows_post_test_score(score, predikat):
    assert predikat_for(score) == predikat


def test_predikat_thresholds_are_configurable(settings):
    settings.SIGAP_PREDIKAT_THRESHOLDS = [(85, "Lulus dengan pujian"), (0, "Lulus")]
    assert predikat_for(86) == "Lulus dengan pujian"
    assert predikat_for(50) == "Lulus"


@pytest.mark.parametrize(
    "pattern",
    ["SIGAP/{course_code}/{year}", "{seq}/{unknown}", "{seq:05d", "{seq:xyz}"],
)
def test_unusable_number_patterns_are_rejected(pattern):
    with pytest.raises(NumberPatternError):
        check_number_pattern(pattern)


def test_course_template_choice_overrides_the_default(completed, course):
    template = CertificateTemplate.objects.create(
        name="BKPSDM",
        institution_name="BKPSDM Kota Uji",
        signer_name="Ibu Kepala",
        signer_position="Kepala BKPSDM",
        number_pattern="{seq:03d}/BKPSDM/{year}/{month}",
        validity_months=24,
    )
    course.certificate_template = template
    course.save()
    certificate = issue_certificate(enrolment=completed)
    assert certificate.institution_name == "BKPSDM Kota Uji"
    assert certificate.number.startswith("001/BKPSDM/")
    assert certificate.valid_until is not None
    assert (certificate.valid_until - certificate.completed_on).days in range(728, 733)


def test_certificate_prints_the_best_post_test_score_and_its_predikat(
    learner, course, django_capture_on_commit_callbacks
):
    from courses.quizzes.services import save_answers, start_attempt, submit_attempt
    from tests.factories import make_question, make_quiz

    posttest = make_quiz(
        course,
        [make_question(course), make_question(course)],
        kind="posttest",
        pass_mark=60,
        attempts_allowed=3,
    )
    enrolment = Enrolment.objects.create(user=learner, course=course)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)

    def take(right_answers: int):
        attempt = start_attempt(quiz=posttest, user=learner)
        answers = {
            item["pos"]: item["key"][0] for item in attempt.snapshot[:right_answers]
        }
        save_answers(attempt=attempt, answers=answers)
        return submit_attempt(attempt=attempt)[0]

    assert take(1).percent == 50  # failed: no completion, no certificate
    assert not Certificate.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert take(2).percent == 100
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.score == 100
    assert certificate.predikat == predikat_for(100) == "Sangat Memuaskan"
