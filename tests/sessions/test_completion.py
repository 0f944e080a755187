"""A webinar as a course: its session is a completion requirement beside the
lessons and the post-test; attending it (here by an imported Zoom report)
completes the course, which earns the certificate and the JP like any course,
in the ledger and the national export; its duration counts in the learning
time; reminders go once each at the right time."""

import csv
import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from courses.course_time import course_learning_time
from courses.models import Enrolment
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import enrol, mark_lesson_complete
from courses.sessions.models import SessionRegistration, SessionReminder
from courses.sessions.report_import import column_map
from courses.sessions.services import (
    apply_report,
    check_uploaded_report,
    send_session_reminders,
)
from courses.sessions.tasks import send_session_reminders_task
from lms.competencies.models import JpEntry
from tests.factories import (
    client_as,
    make_hr_officer,
    make_question,
    make_quiz,
    make_session,
)

from .conftest import START

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


def pass_posttest(quiz, user):
    attempt = start_attempt(quiz=quiz, user=user)
    item = attempt.snapshot[0]
    save_answers(attempt=attempt, answers={item["pos"]: item["key"][0]})
    attempt, _ = submit_attempt(attempt=attempt)
    assert attempt.passed


def zoom_report(person, start, end) -> bytes:
    """A Zoom participants report as Zoom writes it: a name with a title after a
    comma ("Ifa Nababan, S.Pt") is quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "Name (Original Name)",
            "User Email",
            "Join Time",
            "Leave Time",
            "Duration (Minutes)",
        ]
    )
    writer.writerow(
        [
            person.display_name,
            person.email,
            f"{timezone.localtime(start):%Y-%m-%d %H:%M:%S}",
            f"{timezone.localtime(end):%Y-%m-%d %H:%M:%S}",
            90,
        ]
    )
    return out.getvalue().encode()


def test_the_webinar_course_completed_end_to_end_earns_certificate_and_jp(
    webinar_course, trainer, learner, unit, django_capture_on_commit_callbacks
):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=3)
    session = make_session(webinar_course, starts_at=start, minutes=90)
    posttest = make_quiz(
        webinar_course, [make_question(webinar_course)], kind="posttest"
    )
    enrolment, _ = enrol(user=learner, course=webinar_course)
    mark_lesson_complete(enrolment=enrolment, lesson=webinar_course.lessons().get())
    pass_posttest(posttest, learner)
    enrolment.refresh_from_db()
    assert not enrolment.is_completed  # the session is not attended yet

    record, check = check_uploaded_report(
        session=session,
        user=trainer,
        data=zoom_report(learner, start, start + datetime.timedelta(minutes=75)),
        file_name="zoom.csv",
        provider="zoom",
        columns=column_map(provider="zoom", manual={}),
        file_time_zone="Asia/Jakarta",
    )
    assert check.matched == 1
    with django_capture_on_commit_callbacks(execute=True):
        apply_report(record=record, user=trainer, leave_out_unmatched=False)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    certificate = Certificate.objects.get(enrolment=enrolment)
    entry = JpEntry.objects.get(user=learner)
    assert entry.jp == webinar_course.jp
    officer = client_as(make_hr_officer(unit))
    response = officer.get(reverse("hr:export_riwayat_csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    record_row = dict(zip(rows[0], rows[1], strict=True))
    assert record_row["nomorSertipikat"] == certificate.number
    assert record_row["jumlahJam"] == str(webinar_course.jp)


def test_a_session_not_attended_keeps_the_course_open(webinar_course, trainer, learner):
    session = make_session(webinar_course, starts_at=START, minutes=90)
    enrolment, _ = enrol(user=learner, course=webinar_course)
    mark_lesson_complete(enrolment=enrolment, lesson=webinar_course.lessons().get())
    enrolment.refresh_from_db()
    assert not enrolment.is_completed
    session.required = False
    session.save_revision().publish()
    mark_lesson_complete(enrolment=enrolment, lesson=webinar_course.lessons().get())
    enrolment.refresh_from_db()
    assert enrolment.is_completed


def test_the_sessions_duration_counts_in_the_courses_learning_time(
    webinar_course,
):
    before = course_learning_time(course=webinar_course)
    make_session(webinar_course, starts_at=START, minutes=90)
    after = course_learning_time(course=webinar_course)
    assert after.minutes - before.minutes == 90
    assert ("Sesi langsung", 90) in after.parts


# --- reminders (Asia/Jakarta, a fixed clock) -------------------------------------

JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


def test_reminders_go_a_day_and_an_hour_before_once_each(session, learner):
    SessionRegistration.objects.create(
        session=session,
        user=learner,
        registered_at=datetime.datetime(2027, 3, 1, 9, 0, tzinfo=JAKARTA),
    )
    # The session starts on 15 March 2027 at 09:00 WIB.
    moments = {
        datetime.datetime(2027, 3, 14, 8, 55, tzinfo=JAKARTA): (0, 0),
        datetime.datetime(2027, 3, 14, 9, 0, tzinfo=JAKARTA): (1, 0),
        datetime.datetime(2027, 3, 14, 9, 5, tzinfo=JAKARTA): (0, 0),
        datetime.datetime(2027, 3, 15, 7, 55, tzinfo=JAKARTA): (0, 0),
        datetime.datetime(2027, 3, 15, 8, 0, tzinfo=JAKARTA): (0, 1),
        datetime.datetime(2027, 3, 15, 8, 30, tzinfo=JAKARTA): (0, 0),
        datetime.datetime(2027, 3, 15, 9, 30, tzinfo=JAKARTA): (0, 0),
    }
    for moment, expected in moments.items():
        sent = send_session_reminders(now=moment)
        assert (sent.day, sent.hour) == expected, moment
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"[Sigap] Pengingat sesi “{session.title}”, Senin, 15 Maret 2027 09.00 WIB",
        f"[Sigap] Satu jam lagi: “{session.title}”",
    ]
    assert "Senin, 15 Maret 2027 09.00 WIB" in mail.outbox[0].body
    assert SessionReminder.objects.count() == 2


def test_a_late_registration_gets_only_the_hour_reminder(session, learner):
    SessionRegistration.objects.create(
        session=session,
        user=learner,
        registered_at=datetime.datetime(2027, 3, 15, 7, 30, tzinfo=JAKARTA),
    )
    with time_machine.travel(
        datetime.datetime(2027, 3, 15, 7, 35, tzinfo=JAKARTA), tick=False
    ):
        assert send_session_reminders_task.enqueue().return_value == 0
    with time_machine.travel(
        datetime.datetime(2027, 3, 15, 8, 10, tzinfo=JAKARTA), tick=False
    ):
        assert send_session_reminders_task.enqueue().return_value == 1
        assert send_session_reminders_task.enqueue().return_value == 0
    assert [r.kind for r in SessionReminder.objects.all()] == ["hour"]
