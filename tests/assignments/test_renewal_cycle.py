"""A renewal cycle asks for the assignment again; the earlier rounds stay."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from courses.assignments.models import Submission
from courses.assignments.selectors import (
    assignments_passed,
    find_assignment,
    learner_assignment,
)
from courses.assignments.services import grade_submission, submit_assignment
from courses.models import Enrolment
from courses.services import start_new_cycle

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")


def _hand_in_and_pass(*, learner, trainer, enrolment, lesson):
    assignment = find_assignment(lesson=lesson, block_id="tugas-1")
    submission = submit_assignment(
        user=learner,
        enrolment=enrolment,
        lesson=lesson,
        assignment=assignment,
        text="Antrean layanan terlalu panjang.",
    )
    grade_submission(
        submission=submission,
        grader=trainer,
        assignment=assignment,
        decision="passed",
        levels=[2, 1],
    )
    return submission


def test_a_renewal_asks_for_the_assignment_again(learner, trainer, enrolment, lesson):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=JAKARTA)):
        first = _hand_in_and_pass(
            learner=learner, trainer=trainer, enrolment=enrolment, lesson=lesson
        )
        assert assignments_passed(enrolment=enrolment)
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=Enrolment.Status.COMPLETED
        )
        enrolment.refresh_from_db()

    with time_machine.travel(datetime.datetime(2027, 1, 5, 9, tzinfo=JAKARTA)):
        renewal, created = start_new_cycle(enrolment=enrolment)
        assert created
        assert not assignments_passed(enrolment=renewal)
        panel = learner_assignment(user=learner, lesson=lesson, block_id="tugas-1")
        assert panel.may_submit and panel.current is None

    with time_machine.travel(datetime.datetime(2027, 1, 6, 9, tzinfo=JAKARTA)):
        second = _hand_in_and_pass(
            learner=learner, trainer=trainer, enrolment=renewal, lesson=lesson
        )
    assert second.round == first.round + 1
    assert assignments_passed(enrolment=renewal)
    first.refresh_from_db()
    assert first.status == Submission.Status.PASSED  # still on record
