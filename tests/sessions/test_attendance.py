"""Attendance of a live session, the three ways (joining through Sigap with the
code, a provider's report, the classroom register), all ending in one record:
minutes present from merged intervals, against the minimum presence."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from courses.sessions.models import (
    Attendance,
    AttendanceInterval,
    SessionRegistration,
)
from courses.sessions.presence import merged, minutes_needed, minutes_present
from courses.sessions.services import (
    SessionRefused,
    enter_attendance_code,
    mark_classroom_register,
    recompute_attendance,
)
from tests.factories import client_as, make_session

from .conftest import START

pytestmark = pytest.mark.django_db
T = datetime.timedelta


def at(minutes: int) -> datetime.datetime:
    return START + T(minutes=minutes)


def test_overlapping_intervals_count_once_and_only_within_the_session():
    intervals = [
        (at(-10), at(20)),  # joined early: counted from the start
        (at(10), at(40)),  # overlaps the first
        (at(40), at(50)),  # touches the second
        (at(60), at(70)),
        (at(85), at(120)),  # left after the end: counted until the end
        (at(30), at(20)),  # reversed: nothing
    ]
    assert merged(intervals, start=START, end=at(90)) == [
        (at(0), at(50)),
        (at(60), at(70)),
        (at(85), at(90)),
    ]
    assert minutes_present(intervals, start=START, end=at(90)) == 65


@pytest.mark.parametrize(
    ("duration", "share", "needed"), [(90, 80, 72), (95, 80, 76), (60, 100, 60)]
)
def test_minimum_presence_rounds_up(duration, share, needed):
    assert minutes_needed(duration_minutes=duration, share_percent=share) == needed


def _interval(session, user, start, end, source="import"):
    AttendanceInterval.objects.create(
        session=session, user=user, source=source, started_at=start, ended_at=end
    )


@pytest.mark.parametrize(("minutes", "attended"), [(71, False), (72, True)])
def test_a_session_is_attended_with_80_percent_of_its_duration(
    session, learner, minutes, attended
):
    _interval(session, learner, at(0), at(minutes))
    [attendance] = recompute_attendance(session=session, user_ids=[learner.pk])
    assert attendance.minutes_present == minutes
    assert attendance.attended is attended


def test_a_session_may_ask_for_its_own_minimum(session, learner, settings):
    settings.SIGAP_SESSION_MIN_PRESENCE = 0.5
    _interval(session, learner, at(0), at(45))
    [attendance] = recompute_attendance(session=session, user_ids=[learner.pk])
    assert attendance.attended
    session.min_presence = 90
    session.save()
    [attendance] = recompute_attendance(session=session, user_ids=[learner.pk])
    assert not attendance.attended


def test_joining_through_sigap_and_entering_the_code_records_attendance(
    session, learner
):
    registration = SessionRegistration.objects.create(
        session=session, user=learner, registered_at=at(-3000)
    )
    with time_machine.travel(at(-5), tick=False):
        client = client_as(learner)
        client.post(reverse("livesessions:join", args=[session.pk]))
    with time_machine.travel(at(80), tick=False):
        client = client_as(learner)
        page = client.get(session.url).content.decode()
        assert session.attendance_code not in page
        client.post(
            reverse("livesessions:code", args=[session.pk]),
            {"code": f" {session.attendance_code.lower()} "},
        )
    registration.refresh_from_db()
    assert registration.joined_at == at(-5)
    assert registration.code_entered_at == at(80)
    attendance = Attendance.objects.get(session=session, user=learner)
    assert attendance.minutes_present == 90  # from the start (joined before it)
    assert attendance.attended and attendance.sources == "sigap"


def test_a_late_joiner_is_present_from_when_they_joined(session, learner):
    registration = SessionRegistration.objects.create(
        session=session, user=learner, registered_at=at(-3000), joined_at=at(30)
    )
    with time_machine.travel(at(85), tick=False):
        attendance = enter_attendance_code(
            registration=registration, code=session.attendance_code
        )
    assert attendance.minutes_present == 60 and not attendance.attended


@pytest.mark.parametrize(
    ("when", "code", "message"),
    [
        (-10, None, "selama sesi"),  # before the start
        (120, None, "selama sesi"),  # more than 15 minutes after the end
        (30, "XXXXXX", "salah"),
    ],
)
def test_a_wrong_or_untimely_code_records_nothing(
    session, learner, when, code, message
):
    registration = SessionRegistration.objects.create(
        session=session, user=learner, registered_at=at(-3000)
    )
    with time_machine.travel(at(when), tick=False):
        with pytest.raises(SessionRefused, match=message):
            enter_attendance_code(
                registration=registration, code=code or session.attendance_code
            )
    assert not AttendanceInterval.objects.exists()
    assert not Attendance.objects.exists()


def test_the_classroom_register_marks_the_ticked_present_for_the_whole_session(
    webinar_course, learner, trainer, unit
):
    from courses.services import enrol
    from tests.factories import AsnProfileFactory

    room = make_session(webinar_course, starts_at=START, mode="classroom")
    absent = AsnProfileFactory(unit=unit).user
    outsider = AsnProfileFactory(unit=unit).user  # not a participant
    for person in (learner, absent):
        enrol(user=person, course=webinar_course)
    mark_classroom_register(
        session=room, present_ids={learner.pk, outsider.pk}, by=trainer
    )
    assert Attendance.objects.get(session=room, user=learner).attended
    assert not Attendance.objects.filter(user__in=[absent, outsider]).exists()
    # Unticking takes the register's presence away again.
    mark_classroom_register(session=room, present_ids=set(), by=trainer)
    attendance = Attendance.objects.get(session=room, user=learner)
    assert attendance.minutes_present == 0 and not attendance.attended


def test_the_three_ways_end_in_one_record_per_person(session, learner, trainer):
    from courses.services import enrol

    enrol(user=learner, course=session.get_course())
    _interval(session, learner, at(0), at(30))  # a provider's report
    mark_classroom_register(session=session, present_ids={learner.pk}, by=trainer)
    registration = SessionRegistration.objects.create(
        session=session, user=learner, registered_at=at(-3000), joined_at=at(50)
    )
    with time_machine.travel(at(60), tick=False):
        enter_attendance_code(registration=registration, code=session.attendance_code)
    [attendance] = Attendance.objects.filter(session=session, user=learner)
    assert attendance.minutes_present == 90
    assert attendance.sources == "import,register,sigap"


def test_the_code_is_not_guessed_by_trying(session, learner):
    from courses.sessions.services import MAX_CODE_TRIES

    registration = SessionRegistration.objects.create(
        session=session, user=learner, registered_at=at(-3000)
    )
    with time_machine.travel(at(30), tick=False):
        for _ in range(MAX_CODE_TRIES):
            with pytest.raises(SessionRefused, match="salah"):
                enter_attendance_code(registration=registration, code="ZZZZZZ")
        with pytest.raises(SessionRefused, match="Terlalu banyak"):
            enter_attendance_code(
                registration=registration, code=session.attendance_code
            )
    assert not Attendance.objects.exists()
