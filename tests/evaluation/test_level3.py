"""Evaluation level 3: the direct supervisor is asked, weeks after a completion,
how the learner applies the course's competencies at work."""

import csv
import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lms.accounts.models import AsnProfile
from lms.accounts.permissions import ROLE_ADMIN
from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from lms.competencies.models import CompetencyEvidence, EvidenceSource
from lms.competencies.selectors import competency_profile
from lms.evaluation.level3 import send_supervisor_surveys
from lms.evaluation.level3_reports import level3_report
from lms.evaluation.models import SupervisorAnswer, SupervisorSurvey
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    client_as,
    complete_enrolment_for,
    make_course,
    make_hr_officer,
    make_org_unit,
    map_competency,
)

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
# Completed late on Monday 1 June 2026 in Jakarta (16:30 UTC, still 1 June in UTC
# too): eight weeks later is Monday 27 July, local time.
COMPLETED = datetime.datetime(2026, 6, 1, 23, 30, tzinfo=WIB)
EIGHT_WEEKS = datetime.datetime(2026, 7, 27, 0, 5, tzinfo=WIB)


def at(moment: datetime.datetime, **delta) -> datetime.datetime:
    return moment + datetime.timedelta(**delta)


@pytest.fixture
def boss(unit):
    return AsnProfileFactory(unit=unit, full_name="Ir. Hendra Wijaya").user


@pytest.fixture
def member(unit, boss):
    return AsnProfileFactory(
        unit=unit, full_name="Siti Rahmawati", supervisor=boss
    ).user


@pytest.fixture
def applied_course(catalog):
    """A course that develops two competencies (M.8 at level 3, M.5 at level 2)."""
    course = make_course(
        catalog, lessons=1, title="Pengambilan Keputusan Berbasis Data"
    )
    map_competency(course, "M.8", 3)
    map_competency(course, "M.5", 2)
    return course


def complete_at(user, course, when=COMPLETED):
    enrolment = complete_enrolment_for(user, course)
    type(enrolment).objects.filter(pk=enrolment.pk).update(completed_at=when)
    enrolment.refresh_from_db()
    return enrolment


def survey_mails():
    return [m for m in mail.outbox if "Penilaian atasan" in m.subject]


def reminder_mails():
    return [m for m in mail.outbox if "Pengingat: penilaian atasan" in m.subject]


# --- sending -------------------------------------------------------------------


def test_supervisor_is_asked_once_eight_weeks_after_completion_and_not_before(
    member, boss, applied_course
):
    complete_at(member, applied_course)
    # 23:55 on Sunday 26 July in Jakarta: day 55, not yet.
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, minutes=-10)).sent == 0
    assert not SupervisorSurvey.objects.exists()
    assert send_supervisor_surveys(now=EIGHT_WEEKS).sent == 1
    for later in (at(EIGHT_WEEKS, hours=1), at(EIGHT_WEEKS, days=1)):
        assert send_supervisor_surveys(now=later).sent == 0
    (message,) = survey_mails()
    assert message.to == [boss.email]
    assert "Siti Rahmawati" in message.subject
    survey = SupervisorSurvey.objects.get()
    assert survey.supervisor == boss and survey.learner == member
    assert reverse("evaluation:supervisor_survey", args=(survey.pk,)) in message.body
    assert "M.8" in message.body and "M.5" in message.body


def test_a_course_sets_its_own_wait_or_none(member, applied_course, catalog):
    applied_course.level3_weeks = 4
    applied_course.save_revision().publish()
    silent = make_course(catalog, lessons=1, title="Orientasi Tanpa Survei Atasan")
    map_competency(silent, "M.8", 2)
    silent.level3_weeks = 0
    silent.save_revision().publish()
    complete_at(member, applied_course)
    complete_at(member, silent)
    four_weeks = datetime.datetime(2026, 6, 29, 8, 0, tzinfo=WIB)
    assert send_supervisor_surveys(now=at(four_weeks, days=-1)).sent == 0
    assert send_supervisor_surveys(now=four_weeks).sent == 1
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, weeks=4)).sent == 0
    assert list(SupervisorSurvey.objects.values_list("course", flat=True)) == [
        applied_course.pk
    ]


def test_nobody_is_asked_when_the_learner_has_no_supervisor(unit, applied_course):
    loner = AsnProfileFactory(unit=unit, supervisor=None).user
    complete_at(loner, applied_course)
    assert send_supervisor_surveys(now=EIGHT_WEEKS).sent == 0
    assert not SupervisorSurvey.objects.exists()
    assert not mail.outbox


def test_a_course_without_competencies_asks_nothing(member, catalog):
    plain = make_course(catalog, lessons=1, title="Sosialisasi Aplikasi Surat")
    complete_at(member, plain)
    assert send_supervisor_surveys(now=EIGHT_WEEKS).sent == 0


def test_completions_older_than_the_window_are_not_asked(
    member, applied_course, settings
):
    """Switching the feature on does not send a survey for every old course."""
    complete_at(member, applied_course)
    late = at(EIGHT_WEEKS, weeks=settings.SIGAP_LEVEL3_WINDOW_WEEKS, days=1)
    assert send_supervisor_surveys(now=late).sent == 0


def test_a_supervisor_set_later_within_the_window_is_still_asked(
    member, boss, applied_course
):
    AsnProfile.objects.filter(user=member).update(supervisor=None)
    complete_at(member, applied_course)
    assert send_supervisor_surveys(now=EIGHT_WEEKS).sent == 0
    AsnProfile.objects.filter(user=member).update(supervisor=boss)
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, days=3)).sent == 1


# --- the reminder ----------------------------------------------------------------


def test_one_reminder_two_weeks_later_when_unanswered(member, boss, applied_course):
    complete_at(member, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, days=13)).reminded == 0
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, days=14)).reminded == 1
    for later in (at(EIGHT_WEEKS, days=15), at(EIGHT_WEEKS, weeks=6)):
        assert send_supervisor_surveys(now=later).reminded == 0
    (reminder,) = reminder_mails()
    assert reminder.to == [boss.email]
    assert len(mail.outbox) == 2  # the survey and its one reminder


def test_no_reminder_once_answered(member, boss, applied_course):
    complete_at(member, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    survey = SupervisorSurvey.objects.get()
    client_as(boss).post(
        reverse("evaluation:supervisor_survey", args=(survey.pk,)),
        _answers(applied_course, 4),
    )
    assert send_supervisor_surveys(now=at(EIGHT_WEEKS, days=14)).reminded == 0
    assert not reminder_mails()


# --- answering -------------------------------------------------------------------


def _answers(course, rating: int, comment: str = "") -> dict:
    data = {
        f"c{target.competency_id}": str(rating)
        for target in course.competency_targets.all()
    }
    data["comment"] = comment
    return data


@pytest.fixture
def sent_survey(member, applied_course):
    complete_at(member, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    return SupervisorSurvey.objects.get()


def test_only_the_supervisor_asked_can_open_or_answer_the_survey(
    sent_survey, member, boss, unit, applied_course
):
    url = reverse("evaluation:supervisor_survey", args=(sent_survey.pk,))
    outsiders = [
        member,  # the learner
        AsnProfileFactory(unit=unit).user,  # a colleague
        UserFactory(roles=[ROLE_ADMIN], is_staff=True),
        make_hr_officer(unit),
    ]
    for outsider in outsiders:
        client = client_as(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, _answers(applied_course, 5)).status_code == 404
    assert not SupervisorAnswer.objects.exists()
    assert Client().get(url)["Location"].startswith(reverse("account_login"))
    page = client_as(boss).get(url)
    assert page.status_code == 200
    assert "M.8" in page.content.decode()


def test_a_former_supervisor_can_no_longer_answer(sent_survey, member, boss, unit):
    AsnProfile.objects.filter(user=member).update(
        supervisor=AsnProfileFactory(unit=unit).user
    )
    url = reverse("evaluation:supervisor_survey", args=(sent_survey.pk,))
    assert client_as(boss).get(url).status_code == 404


def test_the_answer_is_kept_once_and_becomes_supervisor_observed_evidence(
    sent_survey, member, boss, applied_course, settings
):
    url = reverse("evaluation:supervisor_survey", args=(sent_survey.pk,))
    data = _answers(applied_course, 4, comment="Memimpin rapat evaluasi data bulanan.")
    data[f"c{applied_course.competency_targets.get(target_level=2).competency_id}"] = (
        "2"
    )
    response = client_as(boss).post(url, data)
    assert response.status_code == 302
    again = client_as(boss).post(url, _answers(applied_course, 1))
    assert again.status_code == 302
    answer = SupervisorAnswer.objects.get()
    assert answer.user == boss
    assert sorted(answer.ratings.values_list("rating", flat=True)) == [2, 4]
    observed = {
        item.competency.code: item
        for item in CompetencyEvidence.objects.filter(
            user=member, source=EvidenceSource.SUPERVISOR
        )
    }
    # Rated 4 (applied consistently): the course's target level, weighted below
    # the post-test; rated 2 (with guidance): an observation, no level.
    assert observed["M.8"].level_demonstrated == 3
    assert observed["M.8"].supervisor_rating == 4
    assert observed["M.8"].weight == Decimal("0.50") < Decimal("1")
    assert observed["M.5"].level_demonstrated is None
    # The post-test evidence of the completion stays what the profile links to.
    row = next(r for r in competency_profile(user=member) if r.competency.code == "M.8")
    assert row.assessed_level == 3
    assert row.evidence.source == EvidenceSource.COURSE


def test_a_survey_missing_a_rating_comes_back_with_the_other_choices(
    sent_survey, boss, applied_course
):
    data = _answers(applied_course, 5, comment="Sudah baik.")
    missing = next(key for key in data if key.startswith("c"))
    del data[missing]
    response = client_as(boss).post(
        reverse("evaluation:supervisor_survey", args=(sent_survey.pk,)), data
    )
    assert response.status_code == 400
    assert "Sudah baik." in response.content.decode()
    assert not SupervisorAnswer.objects.exists()


def test_the_survey_needs_csrf_and_escapes_names(sent_survey, member, boss):
    AsnProfile.objects.filter(user=member).update(full_name="<b>Siti</b>")
    member.name = "<b>Siti</b>"
    member.save()
    url = reverse("evaluation:supervisor_survey", args=(sent_survey.pk,))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(boss)
    assert strict.post(url, {}).status_code == 403
    page = client_as(boss).get(url).content.decode()
    assert "<b>Siti</b>" not in page
    assert "&lt;b&gt;Siti&lt;/b&gt;" in page


def test_the_supervisor_lists_waiting_and_answered_surveys(
    sent_survey, boss, applied_course
):
    client = client_as(boss)
    listing = client.get(reverse("evaluation:supervisor_surveys")).content.decode()
    assert reverse("evaluation:supervisor_survey", args=(sent_survey.pk,)) in listing
    client.post(
        reverse("evaluation:supervisor_survey", args=(sent_survey.pk,)),
        _answers(applied_course, 3),
    )
    listing = client.get(reverse("evaluation:supervisor_surveys")).content.decode()
    assert reverse("evaluation:supervisor_survey", args=(sent_survey.pk,)) not in (
        listing
    )
    assert "Siti Rahmawati" in listing


# --- the HR report ----------------------------------------------------------------


def test_hr_sees_rates_and_results_of_their_scope_only(
    member, boss, unit, applied_course
):
    complete_at(member, applied_course)
    other_instansi = make_org_unit("Pemerintah Kota Lain", code="PEMKOT-LAIN")
    other_boss = AsnProfileFactory(unit=other_instansi).user
    outsider = AsnProfileFactory(unit=other_instansi, supervisor=other_boss).user
    complete_at(outsider, applied_course)
    unanswered = AsnProfileFactory(unit=unit, supervisor=boss).user
    complete_at(unanswered, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    assert SupervisorSurvey.objects.count() == 3
    for supervisor, learner, rating in ((boss, member, 4), (other_boss, outsider, 1)):
        survey = SupervisorSurvey.objects.get(learner=learner)
        client_as(supervisor).post(
            reverse("evaluation:supervisor_survey", args=(survey.pk,)),
            _answers(applied_course, rating),
        )
    hr = make_hr_officer(unit)
    (figures,) = level3_report(user=hr)
    assert (figures.asked, figures.answered, figures.response_rate) == (2, 1, 50)
    assert {item.text.split()[0]: item.average for item in figures.competencies} == {
        "M.8": 4,
        "M.5": 4,
    }
    page = client_as(hr).get(reverse("evaluation:hr_level3"))
    assert page.status_code == 200
    assert "Dijawab 1 dari 2 survei (50%)" in page.content.decode()
    download = client_as(hr).get(reverse("evaluation:hr_level3_csv"))
    rows = list(
        csv.reader(
            io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))
        )
    )
    assert [row[2:5] for row in rows[1:]] == [["2", "1", "50"], ["2", "1", "50"]]
    assert {row[7] for row in rows[1:]} == {"4.0"}
    xlsx = client_as(hr).get(reverse("evaluation:hr_level3_xlsx"))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    # The other instansi's HR sees its own learner's answer only.
    (theirs,) = level3_report(user=make_hr_officer(other_instansi))
    assert (theirs.asked, theirs.answered) == (1, 1)
    assert theirs.competencies[0].average == 1


# --- personal data ---------------------------------------------------------------


def test_privacy_export_and_erasure_cover_the_supervisors_answers(
    sent_survey, member, boss, applied_course
):
    client_as(boss).post(
        reverse("evaluation:supervisor_survey", args=(sent_survey.pk,)),
        _answers(applied_course, 5, comment="Menjadi rujukan rekan satu seksi."),
    )
    exported = collect_personal_data(user=boss).sections
    assert exported["evaluation.supervisoranswer"][0]["comment"] == (
        "Menjadi rujukan rekan satu seksi."
    )
    assert len(exported["evaluation.supervisorrating"]) == 2
    learners_export = collect_personal_data(user=member).sections
    assert "evaluation.supervisorsurvey" in learners_export
    admin = UserFactory(roles=[ROLE_ADMIN], is_staff=True)
    erase_person(person=boss, by=admin)
    answer = SupervisorAnswer.objects.get()
    assert answer.user is None and answer.comment == ""
    assert answer.ratings.count() == 2  # the learner's evidence stays
    erase_person(person=member, by=admin)
    assert not SupervisorSurvey.objects.exists()
    assert not SupervisorAnswer.objects.exists()


def test_the_hr_report_takes_the_same_queries_for_one_course_or_many(
    member, boss, unit, catalog, applied_course
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    hr = make_hr_officer(unit)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            level3_report(user=hr)
        return len(captured)

    complete_at(member, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    queries()  # the officer's scope is read once and kept
    one = queries()
    for title in ("Inovasi Layanan Publik", "Kepemimpinan Kolaboratif"):
        course = make_course(catalog, lessons=1, title=title)
        map_competency(course, "M.7", 2)
        complete_at(member, course)
    send_supervisor_surveys(now=at(EIGHT_WEEKS, days=1))
    assert len(level3_report(user=hr)) == 3
    assert queries() == one == 2


def test_the_survey_email_is_written_in_the_supervisors_language(
    member, boss, applied_course, monkeypatch
):
    from wagtail.users.models import UserProfile

    import lms.emails

    profile = UserProfile.get_for_user(boss)
    profile.preferred_language = "en"
    profile.save()
    languages = []
    render = lms.emails.render_email

    def spy(*, kind, language, context):
        languages.append((kind, language))
        return render(kind=kind, language=language, context=context)

    monkeypatch.setattr(lms.emails, "render_email", spy)
    complete_at(member, applied_course)
    send_supervisor_surveys(now=EIGHT_WEEKS)
    send_supervisor_surveys(now=at(EIGHT_WEEKS, weeks=2))
    assert languages == [("level3_survey", "en"), ("level3_reminder", "en")]
