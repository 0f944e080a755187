"""THE AUTHORIZATION MATRIX: every URL of Sigap × every role × own/other record.

Every named URL pattern in the URLconf must have an entry in ``MATRIX`` (key: the
URL name with its namespace, or the route for unnamed patterns). The test walks the
resolver, so a view added without an entry fails with a message telling you to add
one here. Third-party URL trees with their own tests are listed in
``COVERED_ELSEWHERE`` with the reason and the test that covers them.

An entry states, for every role, the status expected for the **own** record and
for **someone else's** record (see ``tests/security/world.py`` for what "own"
means per role). Write a single value when both are the same, or a pair
``(own, other)``. ``LOGIN`` means "redirected to the sign-in page".

    "certificates:download": Rule(
        kwargs=lambda w, own: {"code": w.record("certificate", own).code},
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), PENGAJAR: 404,
                PENINJAU: 404, HR: (200, 404), ADMIN: 200},
    ),

Use ``SIGNED_IN`` as a key for "every signed-in role not named otherwise".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .world import (
    ADMIN,
    ANONYMOUS,
    HR,
    PENGAJAR,
    PENINJAU,
    PESERTA,
    RECORDS,
    ROLES,
    World,
)

LOGIN = "login"
SIGNED_IN = "signed_in"

Status = int | str
Expectation = Status | tuple[Status, Status]


@dataclass(frozen=True)
class Rule:
    """What each role gets from one URL, for its own and someone else's record."""

    expect: dict[str, Expectation]
    method: str = "GET"
    # URL parameters: a dict of kwargs, or a tuple of positional args.
    kwargs: Callable[[World, bool], dict[str, Any] | tuple] | None = None
    data: Callable[[World, bool], dict[str, Any]] | None = None
    # Extra methods checked with the same expectations (e.g. a GET+POST form view).
    also: tuple[str, ...] = field(default=())

    def expected(self, role: str, own: bool) -> Status:
        value = self.expect.get(role, self.expect.get(SIGNED_IN))
        if role == ANONYMOUS and role not in self.expect:
            value = None
        if value is None:
            raise KeyError(f"Rule has no expectation for role {role!r}")
        if isinstance(value, tuple):
            return value[0] if own else value[1]
        return value


def _course_id(w: World, own: bool) -> dict:
    return {"course_id": w.course(own).pk}


def _lesson_id(w: World, own: bool) -> dict:
    return {"lesson_id": w.lesson(own).pk}


def _enrolled_lesson_id(w: World, own: bool) -> dict:
    w.enrolment(own)
    return {"lesson_id": w.lesson(own).pk}


def _opened_lesson_id(w: World, own: bool) -> dict:
    """A lesson of the enrolment that its learner has opened (the lesson page
    records that; here it is recorded directly)."""
    from django.utils import timezone

    from courses.models import LessonVisit

    now = timezone.now()
    lesson = w.lesson(own)
    LessonVisit.objects.get_or_create(
        enrolment=w.enrolment(own),
        lesson=lesson,
        defaults={"first_opened_at": now, "last_opened_at": now},
    )
    return {"lesson_id": lesson.pk}


def _evaluated_course_id(w: World, own: bool) -> dict:
    """A course that requires its evaluation, with its learner enrolled."""
    course = w.course(own)
    if not course.requires_evaluation:
        course.requires_evaluation = True
        course.save_revision().publish()
    w.enrolment(own)
    return {"course_id": course.pk}


def _claim(w: World, own: bool):
    import datetime

    from django.core.files.base import ContentFile

    from lms.competencies.models import ExternalLearningClaim

    claim = ExternalLearningClaim(
        user=w.learner(own),
        title="Seminar",
        organiser="LAN",
        jenis_diklat=9,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 5),
        jp=2,
    )
    claim.evidence.save("bukti.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    claim.save()
    return claim


def _evidence(w: World, own: bool):
    from django.utils import timezone

    from lms.competencies.models import Competency, CompetencyEvidence

    return CompetencyEvidence.objects.create(
        user=w.learner(own),
        competency=Competency.objects.national().first(),
        enrolment=w.enrolment(own),
        course=w.course(own),
        demonstrated_at=timezone.now(),
        target_level=2,
        level_demonstrated=2,
    )


def _hr_job(w: World, own: bool):
    from django.core.files.base import ContentFile

    from lms.hr.models import HrJob

    job = HrJob(
        kind=HrJob.Kind.EXPORT_RIWAYAT_XLSX,
        status=HrJob.Status.DONE,
        created_by=w.users[HR] if own else w.users[ADMIN],
    )
    job.result_file.save("riwayat.xlsx", ContentFile(b"PK"), save=False)
    job.save()
    return job


def _siasn_row(w: World, own: bool):
    """A failed national-sync row of the own/other learner (the sync itself off)."""
    from courses.services import complete_enrolment
    from lms.hr.models import SiasnOutbox

    return SiasnOutbox.objects.create(
        enrolment=complete_enrolment(enrolment=w.enrolment(own)),
        status=SiasnOutbox.Status.FAILED,
        last_error="Uji",
    )


def _certificate(w: World, own: bool):
    from certificates.services import issue_certificate
    from courses.services import complete_enrolment

    return issue_certificate(enrolment=complete_enrolment(enrolment=w.enrolment(own)))


def _certificate_bundle(w: World, own: bool):
    """A finished ZIP requested by the administrator (own) or by trainer B (other)."""
    from certificates.bundles import build_bundle
    from certificates.models import CertificateBundle

    w.record("certificate", own)
    bundle = CertificateBundle.objects.create(
        course=w.course(own), requested_by=w.users[ADMIN] if own else w.trainer_b
    )
    return build_bundle(bundle_id=bundle.pk)


def _certificate_code(w: World, own: bool) -> dict:
    return {"code": w.record("certificate", own).code}


def _bundle_id(w: World, own: bool) -> dict:
    return {"bundle_id": w.record("certificate_bundle", own).pk}


def _quiz(w: World, own: bool):
    from tests.factories import make_question, make_quiz

    course = w.course(own)
    return make_quiz(course, [make_question(course)], title="Kuis matriks")


def _attempt(w: World, own: bool):
    from courses.quizzes.services import start_attempt

    w.enrolment(own)
    return start_attempt(quiz=w.record("quiz", own), user=w.learner(own))


def _closed_attempt(w: World, own: bool):
    from courses.quizzes.services import submit_attempt

    attempt, _ = submit_attempt(attempt=w.record("attempt", own))
    return attempt


def _session(w: World, own: bool):
    """A live session of the course, two days ahead, with its learner registered."""
    import datetime

    from django.utils import timezone

    from courses.sessions.models import SessionRegistration
    from tests.factories import make_session

    session = make_session(
        w.course(own), starts_at=timezone.now() + datetime.timedelta(days=2)
    )
    SessionRegistration.objects.create(
        session=session, user=w.learner(own), registered_at=timezone.now()
    )
    return session


def _attendance_import(w: World, own: bool):
    from courses.sessions.models import AttendanceImport

    return AttendanceImport.objects.create(
        session=w.record("session", own),
        file_name="zoom.csv",
        provider="zoom",
        columns={
            "person": ["Email"],
            "name": [],
            "join": "Join",
            "leave": "Left",
            "duration": "",
        },
        file_time_zone="Asia/Jakarta",
        text="Email,Join,Left\n",
    )


def _assignment_lesson(w: World, own: bool):
    from tests.factories import add_assignment

    return add_assignment(w.lesson(own).specific, block_id="tugas-matriks")


def _assignment_submission(w: World, own: bool):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from courses.assignments.selectors import find_assignment
    from courses.assignments.services import submit_assignment

    lesson = w.record("assignment_lesson", own)
    return submit_assignment(
        user=w.learner(own),
        enrolment=w.enrolment(own),
        lesson=lesson,
        assignment=find_assignment(lesson=lesson, block_id="tugas-matriks"),
        text="Jawaban tugas",
        upload=SimpleUploadedFile("tugas.pdf", b"%PDF-1.7 tugas"),
    )


def _programme(w: World, own: bool):
    """A programme owned by unit A (the HR officer's) or unit B, with a rule."""
    from lms.programmes.models import AssignmentRule, Programme, ProgrammeItem

    unit = w.unit_a if own else w.unit_b
    programme = Programme.objects.create(
        title=f"Program {unit.code}", code=f"prog-{unit.code}", owner_unit=unit
    )
    ProgrammeItem.objects.create(programme=programme, course=w.course(own))
    AssignmentRule.objects.create(programme=programme, unit=unit)
    return programme


def _package_lesson(w: World, own: bool, folder: str = "scorm12-hambatan-pelayanan"):
    """A package lesson of the course (the demo's SCORM or cmi5 package), its
    learner enrolled and launched once (their runtime record exists)."""
    from courses.packages.services import attempt_for, unit_record
    from tests.packages.conftest import add_package_lesson, demo_zip

    lesson = add_package_lesson(
        w.course(own), demo_zip(folder), slug=f"paket-{folder[:5]}-{int(own)}"
    )
    w.enrolment(own)
    attempt = attempt_for(page=lesson, user=w.learner(own))
    unit_record(attempt=attempt, unit=lesson.package.launchable_units()[0])
    return lesson


def _cmi5_attempt(w: World, own: bool):
    from courses.packages.models import PackageAttempt

    lesson = _package_lesson(w, own, folder="cmi5-kesinambungan-layanan")
    return PackageAttempt.objects.get(page=lesson)


RECORDS.update(
    assignment_lesson=_assignment_lesson,
    assignment_submission=_assignment_submission,
    programme=_programme,
    package_lesson=_package_lesson,
    cmi5_attempt=_cmi5_attempt,
    session=_session,
    attendance_import=_attendance_import,
    claim=_claim,
    evidence=_evidence,
    hr_job=_hr_job,
    siasn_row=_siasn_row,
    certificate=_certificate,
    certificate_bundle=_certificate_bundle,
    quiz=_quiz,
    attempt=_attempt,
    closed_attempt=_closed_attempt,
)


def _quiz_id(w: World, own: bool) -> dict:
    w.enrolment(own)
    return {"quiz_id": w.record("quiz", own).pk}


def _programme_id(w: World, own: bool) -> dict:
    return {"programme_id": w.record("programme", own).pk}


def _session_id(w: World, own: bool) -> dict:
    return {"session_id": w.record("session", own).pk}


def _attempt_id(w: World, own: bool) -> dict:
    return {"attempt_id": w.record("attempt", own).pk}


def _answer(w: World, own: bool) -> dict:
    item = w.record("attempt", own).snapshot[0]
    return {"pos": item["pos"], f"q{item['pos']}": item["choices"][0]["k"]}


# A learner's own attempt: nobody else, not even the trainer or an admin, may see
# or change it while it runs (trainers read results through reports).
OWN_ATTEMPT_ONLY = {
    ANONYMOUS: LOGIN,
    PESERTA: (200, 404),
    SIGNED_IN: 404,
}

# A learner's personal record: the learner, HR of their unit and admins see it.
PERSONAL_RECORD = {
    ANONYMOUS: LOGIN,
    PESERTA: (200, 404),
    PENGAJAR: 404,
    PENINJAU: 404,
    HR: (200, 404),
    ADMIN: 200,
}

# Pages of the HR workspace: only HR officers and administrators.
HR_PAGE = {
    ANONYMOUS: LOGIN,
    PESERTA: 403,
    PENGAJAR: 403,
    PENINJAU: 403,
    HR: 200,
    ADMIN: 200,
}


def _peserta_has_team(w: World) -> None:
    """The peserta is the supervisor (atasan langsung) of the learner of the other
    instansi (supervision follows people, not HR scope)."""
    from lms.accounts.models import AsnProfile

    AsnProfile.objects.filter(user=w.learner_b).update(supervisor=w.users[PESERTA])


def _team_enrolment_id(w: World, own: bool) -> dict:
    """Own: the team member's enrolment; other: the peserta's own enrolment
    (nobody nudges themselves)."""
    _peserta_has_team(w)
    return {"enrolment_id": w.enrolment(not own).pk}


def _notification_id(w: World, own: bool) -> dict:
    from lms.notifications.services import record_email

    notification = record_email(
        to=w.learner(own), kind="uji", title="Uji", link="/kursus-saya/"
    )
    return {"notification_id": notification.pk}


def _agenda_feed_key(w: World, own: bool) -> dict:
    from courses.agenda import feed_key

    return {"key": feed_key(w.learner(own))}


def _digest_token(w: World, own: bool) -> dict:
    from lms.team.services import digest_opt_out_token

    return {"token": digest_opt_out_token(w.learner(own))}


def _supervisor_survey_id(w: World, own: bool) -> dict:
    """Own: a level-3 survey about the peserta's team member, sent to the peserta;
    other: one about the peserta, sent to their own supervisor (not theirs to
    answer)."""
    from django.utils import timezone

    from lms.accounts.models import AsnProfile
    from lms.evaluation.models import SupervisorSurvey

    _peserta_has_team(w)
    if own:
        learner, supervisor = w.learner_b, w.users[PESERTA]
    else:
        learner, supervisor = w.learner_a, w.learner_b
        AsnProfile.objects.filter(user=learner).update(supervisor=supervisor)
    enrolment = w.enrolment(not own)
    survey, _created = SupervisorSurvey.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner": learner,
            "course": enrolment.course,
            "supervisor": supervisor,
            "sent_at": timezone.now(),
        },
    )
    return {"survey_id": survey.pk}


def _thread(w: World, own: bool):
    """A thread opened by the own/other learner in their course (enrolled)."""
    from lms.discussion.services import start_thread

    w.enrolment(own)
    return start_thread(
        user=w.learner(own), course=w.course(own), title="Tanya", body="Pertanyaan"
    )


def _thread_id(w: World, own: bool) -> dict:
    return {"thread_id": w.record("thread", own).pk}


def _post_id(w: World, own: bool) -> dict:
    """The first post of the own/other thread (the learner's own)."""
    return {"post_id": w.record("thread", own).posts.get().pk}


def _discussion_course_id(w: World, own: bool) -> dict:
    w.enrolment(own)
    return {"course_id": w.course(own).pk}


def _discussion_lesson_id(w: World, own: bool) -> dict:
    w.enrolment(own)
    return {"lesson_id": w.lesson(own).pk}


def _post_report(w: World, own: bool):
    """A report by the other learner of the own/other thread's first post."""
    from django.utils import timezone

    from lms.discussion.models import PostReport

    return PostReport.objects.create(
        post=w.record("thread", own).posts.get(),
        reporter=w.learner(not own),
        reason="Uji",
        created_at=timezone.now(),
    )


def _post_report_id(w: World, own: bool) -> dict:
    return {"report_id": w.record("post_report", own).pk}


def _discussion_digest_token(w: World, own: bool) -> dict:
    from lms.discussion.services import digest_opt_out_token

    return {"token": digest_opt_out_token(w.learner(own))}


RECORDS.update(thread=_thread, post_report=_post_report)

# A course's discussion: its enrolled learners, its trainer, administrators; not
# HR, reviewers, other trainers or learners of other courses.
DISCUSSION = {
    ANONYMOUS: LOGIN,
    PESERTA: (200, 404),
    PENGAJAR: (200, 404),
    PENINJAU: 404,
    HR: 404,
    ADMIN: 200,
}
# Moderation: the course's trainer and administrators only.
MODERATION = {
    ANONYMOUS: LOGIN,
    PESERTA: 404,
    PENGAJAR: (200, 404),
    PENINJAU: 404,
    HR: 404,
    ADMIN: 200,
}
MODERATION_POST = {**MODERATION, PENGAJAR: (302, 404), ADMIN: 302}


# The team page: only a supervisor (someone with team members) sees it.
TEAM_PAGE = {ANONYMOUS: LOGIN, PESERTA: 200, SIGNED_IN: 404}

MATRIX: dict[str, Rule] = {
    # --- accounts -------------------------------------------------------------
    "accounts:privacy_notice": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "accounts:profile": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    # "Data saya" has no record id in its URLs: it only ever reads one's own data.
    "accounts:my_data": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "accounts:my_data_download": Rule(
        kwargs=lambda w, own: {"fmt": "json" if own else "zip"},
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 200},
    ),
    "accounts:my_data_restrict": Rule(
        method="POST", expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    "accounts:my_data_lift_restriction": Rule(
        method="POST", expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    "accounts:my_data_erase": Rule(
        method="POST", expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    # --- courses --------------------------------------------------------------
    "courses:my_courses": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "courses:agenda_calendar": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    # In-app notifications: each person's own; another's is not found.
    "notifications:list": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "notifications:open": Rule(
        method="POST",
        kwargs=_notification_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (302, 404), SIGNED_IN: 404},
    ),
    "notifications:read_all": Rule(
        method="POST", expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    # The calendar feed: a calendar app cannot sign in, so the key in the address
    # is the capability (the person's id and a MAC over their password hash);
    # a forged or retired key finds nothing (tests/courses/test_agenda.py).
    "courses:agenda_feed": Rule(
        kwargs=_agenda_feed_key,
        expect={ANONYMOUS: 200, SIGNED_IN: 200},
    ),
    # Enrolling is open to every signed-in person with a profile; it redirects.
    "courses:enrol": Rule(
        method="POST", kwargs=_course_id, expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    # Only the learner's own enrolment can be advanced; others get 404.
    "courses:complete_lesson": Rule(
        method="POST",
        kwargs=_enrolled_lesson_id,
        expect={
            ANONYMOUS: LOGIN,
            PESERTA: (302, 404),
            PENGAJAR: 404,
            PENINJAU: 404,
            HR: 404,
            ADMIN: 404,
        },
    ),
    # A heartbeat counts only on the learner's own visit of a lesson they opened;
    # nobody else's (nor a lesson not yet opened) is found.
    "courses:lesson_heartbeat": Rule(
        method="POST",
        kwargs=_opened_lesson_id,
        expect={
            ANONYMOUS: LOGIN,
            PESERTA: (204, 404),
            PENGAJAR: 404,
            PENINJAU: 404,
            HR: 404,
            ADMIN: 404,
        },
    ),
    # The evaluation form: only for the enrolled learner, in a course that asks
    # for one (own: lessons not yet done, so sent back to the course page).
    "evaluation:form": Rule(
        kwargs=_evaluated_course_id,
        expect={
            ANONYMOUS: LOGIN,
            PESERTA: (302, 404),
            PENGAJAR: 404,
            PENINJAU: 404,
            HR: 404,
            ADMIN: 404,
        },
    ),
    # Evaluation level 3: the supervisor's own list (empty for most), and a survey
    # only the supervisor it was sent to answers (administrators included: 404).
    "evaluation:supervisor_surveys": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "evaluation:supervisor_survey": Rule(
        kwargs=_supervisor_survey_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), SIGNED_IN: 404},
    ),
    # --- competencies and JP -------------------------------------------------------
    "competencies:mine": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "competencies:evidence": Rule(
        kwargs=lambda w, own: {"evidence_id": w.record("evidence", own).pk},
        expect=PERSONAL_RECORD,
    ),
    "competencies:claim_create": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    "competencies:claim_evidence": Rule(
        kwargs=lambda w, own: {"claim_id": w.record("claim", own).pk},
        expect=PERSONAL_RECORD,
    ),
    "competencies:review_queue": Rule(
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 403, HR: 200, ADMIN: 200}
    ),
    # The claimant never reviews their own claim.
    "competencies:review": Rule(
        kwargs=lambda w, own: {"claim_id": w.record("claim", own).pk},
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, HR: (200, 404), ADMIN: 200},
    ),
    "competencies:review_evidence": Rule(
        kwargs=lambda w, own: {"claim_id": w.record("claim", own).pk},
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, HR: (200, 404), ADMIN: 200},
    ),
    # --- team page (/tim/): supervisors see their direct reports only ----------
    "team:index": Rule(
        kwargs=lambda w, own: _peserta_has_team(w) or {}, expect=TEAM_PAGE
    ),
    "team:nudge": Rule(
        method="POST",
        kwargs=_team_enrolment_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (302, 404), SIGNED_IN: 404},
    ),
    "team:digest_preference": Rule(
        method="POST",
        kwargs=lambda w, own: _peserta_has_team(w) or {},
        expect={ANONYMOUS: LOGIN, PESERTA: 302, SIGNED_IN: 404},
    ),
    # The one-click opt-out link of the digest e-mail: the signed token is the
    # key, whoever's it is and whoever holds it (signed in or not); a forged token
    # finds nothing (tests/team/test_team.py). Not a staff screen.
    "team:digest_opt_out": Rule(
        kwargs=_digest_token,
        also=("POST",),
        expect={ANONYMOUS: 200, SIGNED_IN: 200},
    ),
    # --- course discussion (/diskusi/) -----------------------------------------
    "discussion:course": Rule(kwargs=_discussion_course_id, expect=DISCUSSION),
    "discussion:new_thread": Rule(kwargs=_discussion_course_id, expect=DISCUSSION),
    "discussion:lesson": Rule(kwargs=_discussion_lesson_id, expect=DISCUSSION),
    "discussion:thread": Rule(kwargs=_thread_id, expect=DISCUSSION),
    "discussion:reports": Rule(kwargs=_discussion_course_id, expect=MODERATION),
    "discussion:moderate_post": Rule(kwargs=_post_id, expect=MODERATION),
    "discussion:moderate_thread": Rule(
        method="POST",
        kwargs=_thread_id,
        data=lambda w, own: {"action": "pin"},
        expect=MODERATION_POST,
    ),
    "discussion:dismiss_report": Rule(
        method="POST", kwargs=_post_report_id, expect=MODERATION_POST
    ),
    # Only the author edits (own: within the edit window).
    "discussion:edit": Rule(
        kwargs=_post_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), SIGNED_IN: 404},
    ),
    # Someone else's post, by a reader of the discussion (never one's own).
    "discussion:report": Rule(
        kwargs=_post_id,
        expect={**MODERATION, PESERTA: 404},
    ),
    "discussion:digest_preference": Rule(
        method="POST", expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    # The one-click opt-out link of the reply digest: the signed token is the key
    # (tests/discussion/test_digest.py). Not a staff screen.
    "discussion:digest_opt_out": Rule(
        kwargs=_discussion_digest_token,
        also=("POST",),
        expect={ANONYMOUS: 200, SIGNED_IN: 200},
    ),
    # --- HR workspace (/hr/): HR officers (their subtree) and administrators ----
    "hr:dashboard": Rule(expect=HR_PAGE),
    "hr:learners": Rule(expect=HR_PAGE),
    # A person's record: HR sees only people in their subtree (others 404).
    "hr:transcript": Rule(
        kwargs=lambda w, own: {"user_id": w.learner(own).pk},
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    "hr:transcript_pdf": Rule(
        kwargs=lambda w, own: {"user_id": w.learner(own).pk},
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    # Set a person's supervisor: people in the officer's scope only.
    "hr:set_supervisor": Rule(
        method="POST",
        kwargs=lambda w, own: {"user_id": w.learner(own).pk},
        data=lambda w, own: {"supervisor": ""},
        expect={**HR_PAGE, HR: (302, 404), ADMIN: 302},
    ),
    # Reminders of the officer's scope; *Kirim sekarang* redirects back.
    "hr:reminders": Rule(expect=HR_PAGE),
    "hr:reminders_send": Rule(method="POST", expect={**HR_PAGE, HR: 302, ADMIN: 302}),
    "hr:exports": Rule(expect=HR_PAGE),
    "hr:export_riwayat_csv": Rule(expect=HR_PAGE),
    "hr:export_jp_recap": Rule(expect=HR_PAGE),
    "hr:export_riwayat_xlsx": Rule(method="POST", expect=HR_PAGE),
    "hr:export_time_csv": Rule(expect=HR_PAGE),
    "hr:export_time_xlsx": Rule(method="POST", expect=HR_PAGE),
    # Course evaluation results for HR: courses someone in the officer's scope is
    # enrolled in (the own learner is in course A); aggregates only.
    "evaluation:hr_index": Rule(expect=HR_PAGE),
    # Level-3 report: figures of the officer's scope only (tests/evaluation).
    "evaluation:hr_level3": Rule(expect=HR_PAGE),
    "evaluation:hr_level3_csv": Rule(expect=HR_PAGE),
    "evaluation:hr_level3_xlsx": Rule(expect=HR_PAGE),
    "evaluation:hr_results": Rule(
        kwargs=_evaluated_course_id,
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    "evaluation:hr_download_csv": Rule(
        kwargs=_evaluated_course_id,
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    "evaluation:hr_download_xlsx": Rule(
        kwargs=_evaluated_course_id,
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    # The organisation tree: units in the officer's scope (unit A's officer does
    # not see unit B: 404); only administrators add a root instansi.
    "hr:units": Rule(expect=HR_PAGE),
    "hr:unit_add_root": Rule(expect={**HR_PAGE, HR: 403}),
    "hr:unit_add": Rule(
        kwargs=lambda w, own: {"parent_id": (w.unit_a if own else w.unit_b).pk},
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    "hr:unit_change": Rule(
        kwargs=lambda w, own: {"unit_id": (w.unit_a if own else w.unit_b).pk},
        also=("POST",),
        expect={**HR_PAGE, HR: (200, 404)},
    ),
    "hr:imports": Rule(expect=HR_PAGE),
    "hr:import_template": Rule(expect=HR_PAGE),
    "hr:bulk_enrol": Rule(expect=HR_PAGE),
    # Programmes: any HR officer reads a programme and its report (figures of
    # their own scope only); only the owning unit's HR (and admins) author it.
    "programmes:list": Rule(expect=HR_PAGE),
    "programmes:create": Rule(expect=HR_PAGE),
    "programmes:detail": Rule(kwargs=_programme_id, expect=HR_PAGE),
    "programmes:edit": Rule(kwargs=_programme_id, expect={**HR_PAGE, HR: (200, 403)}),
    "programmes:rule_add": Rule(
        kwargs=_programme_id, expect={**HR_PAGE, HR: (200, 403)}
    ),
    "programmes:rule_deactivate": Rule(
        method="POST",
        kwargs=lambda w, own: {
            "programme_id": w.record("programme", own).pk,
            "rule_id": w.record("programme", own).rules.get().pk,
        },
        expect={**HR_PAGE, HR: (302, 403), ADMIN: 302},
    ),
    "programmes:assign": Rule(
        method="POST",
        kwargs=_programme_id,
        expect={**HR_PAGE, HR: (302, 403), ADMIN: 302},
    ),
    "programmes:report": Rule(kwargs=_programme_id, expect=HR_PAGE),
    "programmes:report_people": Rule(kwargs=_programme_id, expect=HR_PAGE),
    "programmes:report_csv": Rule(kwargs=_programme_id, expect=HR_PAGE),
    "programmes:report_xlsx": Rule(kwargs=_programme_id, expect=HR_PAGE),
    # National sync reconciliation: HR sees and re-sends rows of their scope only
    # (others 404); the retry redirects back to the page.
    "hr:siasn": Rule(expect=HR_PAGE),
    "hr:siasn_retry": Rule(
        method="POST",
        kwargs=lambda w, own: {"row_id": w.record("siasn_row", own).pk},
        expect={**HR_PAGE, HR: (302, 404), ADMIN: 302},
    ),
    # Export/import jobs: only the officer who started one sees it ("own" is the
    # HR officer's job, "other" an administrator's).
    "hr:job": Rule(
        kwargs=lambda w, own: {"job_id": w.record("hr_job", own).pk},
        expect={**HR_PAGE, HR: (200, 404), ADMIN: (404, 200)},
    ),
    "hr:job_download": Rule(
        kwargs=lambda w, own: {"job_id": w.record("hr_job", own).pk},
        expect={**HR_PAGE, HR: (200, 404), ADMIN: (404, 200)},
    ),
    # Not an import: the creator is sent back to the job page; others get 404.
    "hr:import_apply": Rule(
        method="POST",
        kwargs=lambda w, own: {"job_id": w.record("hr_job", own).pk},
        expect={**HR_PAGE, HR: (302, 404), ADMIN: (404, 302)},
    ),
    # --- certificates ---------------------------------------------------------------
    # Verification is public (a QR code is scanned by anyone), for any certificate.
    "certificates:verify": Rule(
        kwargs=_certificate_code, expect={ANONYMOUS: 200, SIGNED_IN: 200}
    ),
    "certificates:badge": Rule(
        kwargs=_certificate_code, expect={ANONYMOUS: 200, SIGNED_IN: 200}
    ),
    "certificates:check": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    # A code typed with a trailing slash leads to its page; the same for everyone.
    "certificates:typed_code": Rule(
        kwargs=lambda w, own: {"typed": w.record("certificate", own).code + "/"},
        expect={ANONYMOUS: 302, SIGNED_IN: 302},
    ),
    "certificates:mine": Rule(expect={ANONYMOUS: LOGIN, SIGNED_IN: 200}),
    # Signed credentials: keys and status lists are public; the checker too (a
    # POST with a pasted credential is CSRF-protected like every form).
    "certificates:credential_check": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    "certificates:status_list": Rule(
        kwargs=lambda w, own: {"number": 0}, expect={ANONYMOUS: 200, SIGNED_IN: 200}
    ),
    "certificates:jwks": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    "certificates:did": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    # Only the holder takes the credential into a wallet (HR and admins get the PDF).
    "certificates:credential": Rule(
        kwargs=_certificate_code,
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), SIGNED_IN: 404},
    ),
    "certificates:credential_download": Rule(
        kwargs=_certificate_code,
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), SIGNED_IN: 404},
    ),
    # Trainers get their course's PDFs only as the ZIP bundle.
    "certificates:download": Rule(kwargs=_certificate_code, expect=PERSONAL_RECORD),
    "certificates:revoke": Rule(
        kwargs=_certificate_code,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, HR: (200, 404), ADMIN: 200},
    ),
    "certificates:reissue": Rule(
        kwargs=_certificate_code,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, ADMIN: 200},
    ),
    "certificates:manage": Rule(
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PENGAJAR: 200,
            HR: 200,
            ADMIN: 200,
        }
    ),
    # HR sees every course's page, but only the certificates of people in scope.
    "certificates:course": Rule(
        kwargs=_course_id,
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PENGAJAR: (200, 404),
            HR: 200,
            ADMIN: 200,
        },
    ),
    "certificates:bundle_start": Rule(
        method="POST",
        kwargs=_course_id,
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PENGAJAR: (302, 404),
            HR: 302,
            ADMIN: 302,
        },
    ),
    # A bundle belongs to the person who asked for it.
    "certificates:bundle": Rule(
        kwargs=_bundle_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, ADMIN: (200, 404)},
    ),
    "certificates:bundle_download": Rule(
        kwargs=_bundle_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, ADMIN: (200, 404)},
    ),
    # --- quizzes --------------------------------------------------------------
    # Enrolled learners start; the course's trainer and admins are refused
    # politely (redirect with a message) because they are not enrolled.
    "quizzes:start": Rule(
        method="POST",
        kwargs=_quiz_id,
        expect={
            ANONYMOUS: LOGIN,
            PESERTA: (302, 404),
            PENGAJAR: (302, 404),
            PENINJAU: 404,
            HR: 404,
            ADMIN: 302,
        },
    ),
    "quizzes:preview": Rule(
        kwargs=_quiz_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    "quizzes:attempt": Rule(kwargs=_attempt_id, expect=OWN_ATTEMPT_ONLY),
    "quizzes:summary": Rule(kwargs=_attempt_id, expect=OWN_ATTEMPT_ONLY),
    "quizzes:autosave": Rule(
        method="POST", kwargs=_attempt_id, data=_answer, expect=OWN_ATTEMPT_ONLY
    ),
    "quizzes:submit": Rule(
        method="POST",
        kwargs=_attempt_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (302, 404), SIGNED_IN: 404},
    ),
    "quizzes:result": Rule(
        kwargs=lambda w, own: {"attempt_id": w.record("closed_attempt", own).pk},
        expect=OWN_ATTEMPT_ONLY,
    ),
    # Reports and regrade: the course's own trainer and administrators only.
    "quizzes:report": Rule(
        kwargs=_quiz_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    "quizzes:regrade": Rule(
        kwargs=_quiz_id,
        also=("POST",),
        data=lambda w, own: {"action": "dry"},
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    "quizzes:course_report": Rule(
        kwargs=_course_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    # --- live sessions ----------------------------------------------------------
    # Anyone signed in who may open the course registers (staff too: they have
    # ASN profiles here); the calendar file is public facts only.
    "livesessions:register": Rule(
        method="POST", kwargs=_session_id, expect={ANONYMOUS: LOGIN, SIGNED_IN: 302}
    ),
    "livesessions:calendar": Rule(
        kwargs=_session_id, expect={ANONYMOUS: 200, SIGNED_IN: 200}
    ),
    # Joining and the attendance code: the registered learner only.
    "livesessions:join": Rule(
        method="POST",
        kwargs=_session_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (302, 404), SIGNED_IN: 404},
    ),
    "livesessions:code": Rule(
        method="POST",
        kwargs=_session_id,
        expect={ANONYMOUS: LOGIN, PESERTA: (302, 404), SIGNED_IN: 404},
    ),
    # The attendance list: the course's trainer and admins; HR reads (their
    # scope's people only, tests/sessions/test_permissions.py).
    "livesessions:attendance": Rule(
        kwargs=_session_id,
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PENGAJAR: (200, 404),
            HR: 200,
            ADMIN: 200,
        },
    ),
    # Keeping attendance: the course's trainer and admins only.
    "livesessions:classroom_register": Rule(
        method="POST",
        kwargs=_session_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (302, 404), ADMIN: 302},
    ),
    "livesessions:import": Rule(
        kwargs=_session_id,
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    "livesessions:import_check": Rule(
        kwargs=lambda w, own: {
            "session_id": w.record("session", own).pk,
            "import_id": w.record("attendance_import", own).pk,
        },
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PENGAJAR: (200, 404), ADMIN: 200},
    ),
    # Assignments: the page of one assignment is the enrolled learner's own
    # (their answers only); a handed-in file is for its learner, the course's
    # trainer and administrators, never HR (tests/assignments/test_permissions.py).
    "assignments:detail": Rule(
        kwargs=lambda w, own: (
            w.enrolment(own),
            {
                "lesson_id": w.record("assignment_lesson", own).pk,
                "block_id": "tugas-matriks",
            },
        )[1],
        expect={ANONYMOUS: LOGIN, PESERTA: (200, 404), SIGNED_IN: 404},
    ),
    "assignments:download": Rule(
        kwargs=lambda w, own: {
            "submission_id": w.record("assignment_submission", own).pk
        },
        expect={
            ANONYMOUS: LOGIN,
            PESERTA: (200, 404),
            PENGAJAR: (200, 404),
            SIGNED_IN: 404,
            ADMIN: 200,
        },
    ),
    # --- LTI 1.3 tool (docs/interoperability.md, "LTI") ---------------------------
    # Called by another platform's page, cross-site: no CSRF token can be there
    # (CSRF_EXEMPT below); refused without a registered platform, a state Sigap
    # made and a signed id_token (tests/lti/test_launch.py).
    "lti:login": Rule(expect={ANONYMOUS: 400, SIGNED_IN: 400}, also=("POST",)),
    "lti:launch": Rule(method="POST", expect={ANONYMOUS: 400, SIGNED_IN: 400}),
    # The deep linking picker's answer: refused without the one-use token of a
    # believed deep linking request, whoever is signed in (test_deep_linking.py).
    "lti:deep_link": Rule(method="POST", expect={ANONYMOUS: 400, SIGNED_IN: 400}),
    # The tool's public keys, and a course's target link (leads to the course).
    "lti:jwks": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    "lti:course": Rule(kwargs=_course_id, expect={ANONYMOUS: 302, SIGNED_IN: 302}),
    # --- SCORM and cmi5 lessons (courses.packages) ------------------------------
    # Launch and files: the enrolled learner; the course's trainer and admins
    # preview. The runtime commit: the learner's own record only (a form body
    # is not a data model: 400 after the check).
    "packages:launch": Rule(
        method="POST",
        kwargs=lambda w, own: {"page_id": w.record("package_lesson", own).pk},
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PESERTA: (200, 404),
            PENGAJAR: (200, 404),
            ADMIN: 200,
        },
    ),
    "packages:commit": Rule(
        method="POST",
        kwargs=lambda w, own: {
            "page_id": w.record("package_lesson", own).pk,
            "number": 1,
        },
        expect={ANONYMOUS: LOGIN, SIGNED_IN: 404, PESERTA: (400, 404)},
    ),
    "packages:file": Rule(
        kwargs=lambda w, own: {
            "page_id": w.record("package_lesson", own).pk,
            "package_id": w.record("package_lesson", own).package_id,
            "path": "index.html",
        },
        expect={
            ANONYMOUS: LOGIN,
            SIGNED_IN: 404,
            PESERTA: (200, 404),
            PENGAJAR: (200, 404),
            ADMIN: 200,
        },
    ),
    # cmi5: the fetch URL answers only the registration's learner (a wrong code:
    # 401 after the check); the xAPI endpoint only the launch's token, never a
    # session cookie (tests/packages/test_cmi5.py).
    "packages:cmi5_fetch": Rule(
        method="POST",
        kwargs=lambda w, own: {
            "registration": w.record("cmi5_attempt", own).registration,
            "code": "falsch",
        },
        expect={ANONYMOUS: 404, SIGNED_IN: 404, PESERTA: (401, 404)},
    ),
    "packages:cmi5_endpoint": Rule(
        kwargs=lambda w, own: {
            "registration": w.record("cmi5_attempt", own).registration
        },
        expect={ANONYMOUS: 200, SIGNED_IN: 200},
    ),
    "packages:cmi5_statements": Rule(
        method="POST",
        kwargs=lambda w, own: {
            "registration": w.record("cmi5_attempt", own).registration
        },
        expect={ANONYMOUS: 403, SIGNED_IN: 403},
    ),
    "packages:cmi5_state": Rule(
        kwargs=lambda w, own: {
            "registration": w.record("cmi5_attempt", own).registration
        },
        expect={ANONYMOUS: 403, SIGNED_IN: 403},
    ),
    # --- public and framework pages --------------------------------------------
    "set_language": Rule(method="POST", expect={ANONYMOUS: 302, SIGNED_IN: 302}),
    "robots.txt": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    # Health checks for load balancers and benchmarks: no data, open to all.
    "health_ping": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    "health_db": Rule(expect={ANONYMOUS: 200, SIGNED_IN: 200}),
    # Wagtail documents: served to everyone (course materials are public content).
    "wagtaildocs_serve": Rule(
        kwargs=lambda w, own: (999999, "x.pdf"),
        expect={ANONYMOUS: 404, SIGNED_IN: 404},
    ),
}

# URL trees that the matrix does not enumerate, each with the test that covers it.
COVERED_ELSEWHERE: dict[str, str] = {
    "cms/": "Wagtail admin: test_cms_is_refused_to_learners_on_every_route, "
    "test_trainer_cannot_open_another_trainers_course_in_cms, "
    "test_course_snippets.py (question banks) and test_certificate_templates.py",
    "django-admin/": "Django admin: test_django_admin_is_refused_to_everyone_but_"
    "superusers",
    "accounts/": "allauth sign-in, MFA and SSO: tests/security/test_brute_force.py, "
    "test_mfa.py, test_oidc.py",
    "_util/": "Wagtail private-page sign-in: redirected to allauth "
    "(test_every_sign_in_page_goes_through_allauth)",
    "documents/authenticate_with_password/": "Wagtail document password form; "
    "no private documents are used",
    "wagtail_serve": "Wagtail pages: test_wagtail_pages_matrix (lessons need "
    "enrolment)",
    "^media/(?P<path>.*)$": "only in DEBUG",
}

# Views that legitimately accept a POST without a CSRF token, and why it is safe.
CSRF_EXEMPT: dict[str, str] = {
    "lti:login": "LTI 1.3 OIDC login initiation, posted by the platform's page: "
    "it only stores a one-use state and redirects to the registered platform's "
    "own login URL (tests/lti/test_launch.py)",
    "lti:launch": "LTI 1.3 launch, posted cross-site by the platform: believed "
    "only with an id_token signed by the registered platform for Sigap's client "
    "ID and a registered deployment, carrying the nonce of a state Sigap made "
    "and accepts once (test_a_forged_launch_is_refused_audited_and_signs_nobody_"
    "in, test_a_replayed_launch_is_refused)",
    "lti:deep_link": "LTI Deep Linking picker's answer, from a page the platform "
    "may frame (no session or CSRF cookie there): only the one-use random token "
    "of a deep linking request that passed the launch checks lets it through, "
    "and it only signs an answer to that platform's return URL (test_a_replayed_"
    "answer_and_a_forged_token_are_refused)",
    # A cmi5 AU knows no CSRF token. The fetch URL carries a one-time code and
    # answers only the registration's own learner (a forged POST only spends the
    # code); the xAPI endpoint reads no cookie, only the launch's token in the
    # Authorization header (tests/packages/test_cmi5.py).
    "packages:cmi5_fetch": "one-time code in the URL, the learner's own session",
    "packages:cmi5_endpoint": "xAPI about: no data, no state change",
    "packages:cmi5_statements": "token in Authorization, no cookie",
    "packages:cmi5_state": "token in Authorization, no cookie",
}

__all__ = [
    "ADMIN",
    "ANONYMOUS",
    "COVERED_ELSEWHERE",
    "CSRF_EXEMPT",
    "HR",
    "LOGIN",
    "MATRIX",
    "PENGAJAR",
    "PENINJAU",
    "PESERTA",
    "ROLES",
    "SIGNED_IN",
    "Rule",
]
