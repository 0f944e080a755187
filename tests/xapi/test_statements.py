"""What Sigap records as xAPI 2.0 statements, checked against the schema."""

import pytest
from django.conf import settings

from courses.models import Enrolment
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import complete_enrolment, enrol, mark_lesson_complete
from lms.xapi.models import XapiActor, XapiStatement
from lms.xapi.services import record_attended
from tests.factories import UserFactory, make_question, make_quiz

from .conftest import assert_valid_statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]

ADL = "http://adlnet.gov/expapi/verbs/"


def payloads(verb=None):
    rows = XapiStatement.objects.order_by("pk")
    if verb:
        rows = rows.filter(verb=verb)
    return [row.payload for row in rows]


def test_opening_and_finishing_a_lesson_and_the_course_are_valid_statements(
    lrs, learner, learner_client, course, enrolment
):
    lessons = list(course.lessons())
    assert learner_client.get(lessons[0].url).status_code == 200
    for lesson in lessons:
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)

    experienced, *lesson_done, course_done = payloads()
    for statement in payloads():
        assert_valid_statement(statement)
        assert statement["version"] == "2.0.0"
        assert statement["id"] == str(
            XapiStatement.objects.get(payload__id=statement["id"]).statement_id
        )
    assert experienced["verb"]["id"] == ADL + "experienced"
    assert experienced["object"]["id"] == settings.SITE_URL + lessons[0].url
    assert experienced["object"]["definition"]["name"] == {"id-ID": "Pelajaran 1"}
    assert experienced["verb"]["display"]["id-ID"] == "mempelajari"
    assert [s["verb"]["id"] for s in lesson_done] == [ADL + "completed"] * 3
    assert course_done["verb"]["id"] == ADL + "completed"
    assert course_done["object"]["id"] == settings.SITE_URL + course.url
    assert course_done["object"]["definition"]["type"].endswith("/activities/course")
    assert course_done["result"]["completion"] is True
    # Every statement about a lesson names the course as its parent activity,
    # and every statement of this enrolment carries the same registration.
    assert {
        s["context"]["contextActivities"]["parent"][0]["id"] for s in lesson_done
    } == {settings.SITE_URL + course.url}
    assert len({s["context"]["registration"] for s in payloads()}) == 1


def test_the_actor_is_an_opaque_account_never_the_email_or_nip(
    lrs, learner, course, enrolment
):
    mark_lesson_complete(enrolment=enrolment, lesson=course.lessons().first())
    statement = payloads()[0]
    account = statement["actor"]["account"]
    assert account["homePage"] == settings.SITE_URL
    assert account["name"] == str(XapiActor.objects.get(user=learner).name)
    text = str(statement)
    assert learner.email not in text
    assert learner.asn_profile.nip not in text
    assert learner.name not in text


def test_each_person_and_enrolment_has_a_stable_id_of_its_own(lrs, learner, catalog):
    from tests.factories import make_course

    first, second = make_course(catalog, lessons=1), make_course(catalog, lessons=1)
    other = UserFactory()
    for user in (learner, other):
        for course in (first, second):
            enrolment, _ = enrol(user=user, course=course)
            mark_lesson_complete(enrolment=enrolment, lesson=course.lessons().first())
    rows = XapiStatement.objects.filter(verb="completed").order_by("pk")
    assert len({row.payload["actor"]["account"]["name"] for row in rows}) == 2
    registrations = {row.payload["context"]["registration"] for row in rows}
    # one lesson and one course completion per enrolment: 4 enrolments
    assert len(registrations) == 4


def test_a_submitted_quiz_is_launched_answered_per_question_and_passed(
    lrs, learner, course, enrolment
):
    questions = [make_question(course), make_question(course, type="true_false")]
    quiz = make_quiz(course, questions, pass_mark=50, title="Kuis Akhir")
    attempt = start_attempt(quiz=quiz, user=learner)
    first = attempt.snapshot[0]
    save_answers(attempt=attempt, answers={first["pos"]: first["key"][0]})
    attempt, _closed = submit_attempt(attempt=attempt)

    launched = payloads("launched")
    answered = payloads("answered")
    passed = payloads("passed")
    assert len(launched) == 1 and len(passed) == 1
    assert len(answered) == 2
    for statement in launched + answered + passed:
        assert_valid_statement(statement)
    quiz_id = settings.SITE_URL + quiz.url
    assert launched[0]["object"]["id"] == quiz_id
    assert passed[0]["object"]["id"] == quiz_id
    result = passed[0]["result"]
    assert result["success"] is True
    assert result["score"] == {
        "raw": attempt.score,
        "min": 0,
        "max": attempt.max_score,
        "scaled": round(attempt.score / attempt.max_score, 4),
    }
    assert result["duration"].startswith("PT")
    # Each answer: its own question activity under the quiz, right or wrong.
    assert [a["result"]["success"] for a in answered] == [True, False]
    assert {a["context"]["contextActivities"]["parent"][0]["id"] for a in answered} == {
        quiz_id
    }
    assert answered[0]["object"]["id"] != answered[1]["object"]["id"]
    assert answered[0]["context"]["contextActivities"]["grouping"][0]["id"] == (
        settings.SITE_URL + course.url
    )


def test_a_quiz_below_the_pass_mark_is_failed(lrs, learner, course, enrolment):
    quiz = make_quiz(course, [make_question(course)], pass_mark=80)
    attempt = start_attempt(quiz=quiz, user=learner)
    submit_attempt(attempt=attempt)
    (failed,) = payloads("failed")
    assert_valid_statement(failed)
    assert failed["result"]["success"] is False
    assert failed["result"]["score"]["raw"] == 0
    assert not payloads("passed")


def test_a_second_submit_records_nothing_more(lrs, learner, course, enrolment):
    quiz = make_quiz(course, [make_question(course)], pass_mark=50)
    attempt = start_attempt(quiz=quiz, user=learner)
    submit_attempt(attempt=attempt)
    count = XapiStatement.objects.count()
    submit_attempt(attempt=attempt)
    assert start_attempt(quiz=quiz, user=learner) != attempt  # a new attempt...
    assert XapiStatement.objects.count() == count + 1  # ...is one more "launched"


def test_attended_is_ready_for_live_sessions(lrs, learner, course, enrolment):
    session = course.lessons().first()  # any page under the course stands in
    record_attended(enrolment=enrolment, session=session, duration_seconds=5400.5)
    (attended,) = payloads("attended")
    assert_valid_statement(attended)
    assert attended["verb"]["id"] == ADL + "attended"
    assert attended["object"]["definition"]["type"].endswith("/activities/meeting")
    assert attended["result"]["duration"] == "PT1H30M0.50S"


def test_nothing_is_recorded_while_xapi_is_off(settings, learner, course):
    settings.SIGAP_XAPI_LRS_URL = ""
    enrolment, _ = enrol(user=learner, course=course)
    for lesson in course.lessons():
        mark_lesson_complete(enrolment=enrolment, lesson=lesson)
    assert Enrolment.objects.get(pk=enrolment.pk).is_completed
    assert not XapiStatement.objects.exists()
    assert not XapiActor.objects.exists()


def test_nothing_is_recorded_for_a_person_whose_processing_is_restricted(
    lrs, learner, course, enrolment
):
    from django.utils import timezone

    learner.processing_restricted_at = timezone.now()
    learner.save(update_fields=["processing_restricted_at"])
    complete_enrolment(enrolment=enrolment)
    assert not XapiStatement.objects.exists()


def test_a_rolled_back_completion_leaves_no_statement(
    lrs, settings, learner, course, enrolment
):
    settings.SIGAP_COMPLETION_STEPS = [
        "lms.xapi.services.record_course_completed",
        "tests.xapi.test_statements.failing_step",
    ]
    with pytest.raises(RuntimeError):
        complete_enrolment(enrolment=enrolment)
    assert not XapiStatement.objects.exists()


def failing_step(*, enrolment):
    raise RuntimeError("a later completion step failed")
