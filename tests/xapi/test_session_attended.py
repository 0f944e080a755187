"""Live sessions record *attended* through ``SIGAP_ATTENDANCE_STEPS``: once, when a
person's attendance first reaches the session's minimum, whichever way it was
recorded; a register saved again or a report imported again adds nothing."""

import pytest

from courses.services import enrol
from courses.sessions.services import mark_classroom_register
from lms.xapi.models import XapiStatement
from tests.factories import UserFactory, make_course, make_session
from tests.sessions.conftest import START

from .conftest import assert_valid_statement

pytestmark = pytest.mark.django_db


def test_reaching_the_minimum_presence_is_attended_once(lrs, catalog, learner):
    trainer = UserFactory(roles=["Pengajar"])
    course = make_course(catalog, lessons=1, trainer=trainer, jp=2)
    room = make_session(course, starts_at=START, minutes=90, mode="classroom")
    enrol(user=learner, course=course)

    mark_classroom_register(session=room, present_ids={learner.pk}, by=trainer)
    mark_classroom_register(session=room, present_ids={learner.pk}, by=trainer)

    (row,) = XapiStatement.objects.filter(verb="attended")
    assert row.user == learner
    assert_valid_statement(row.payload)
    assert row.payload["object"]["id"].endswith(
        room.url_path.rstrip("/").split("/")[-1] + "/"
    )
    assert row.payload["result"]["duration"] == "PT1H30M"


def test_a_person_below_the_minimum_has_not_attended(lrs, catalog, learner):
    trainer = UserFactory(roles=["Pengajar"])
    course = make_course(catalog, lessons=1, trainer=trainer, jp=2)
    room = make_session(course, starts_at=START, minutes=90, mode="classroom")
    enrol(user=learner, course=course)

    mark_classroom_register(session=room, present_ids=set(), by=trainer)

    assert not XapiStatement.objects.filter(verb="attended").exists()
