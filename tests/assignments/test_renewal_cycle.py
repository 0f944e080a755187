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


@pytest.mark.usefixtures("shared_memory_cache")
def test_the_lesson_page_panel_of_a_renewal_starts_empty(
    learner, learner_client, trainer, enrolment, lesson
):
    """On the lesson page (its panel kept in the person's cache, as with Redis):
    the first cycle's answer is not shown as the renewal's, and the renewal's
    own answer is shown without the old one."""
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=JAKARTA)):
        _hand_in_and_pass(
            learner=learner, trainer=trainer, enrolment=enrolment, lesson=lesson
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(
            status=Enrolment.Status.COMPLETED
        )
        enrolment.refresh_from_db()
        assert "Dinilai: lulus" in learner_client.get(lesson.url).content.decode()

    with time_machine.travel(datetime.datetime(2027, 1, 5, 9, tzinfo=JAKARTA)):
        renewal, _ = start_new_cycle(enrolment=enrolment)
        learner_client.force_login(learner)  # ten months on: a new session
        page = learner_client.get(lesson.url).content.decode()
        panel = page[page.index('class="assignment-panel"') :]
        assert "Belum dikirim" in panel
        assert "Antrean layanan terlalu panjang." not in panel

    with time_machine.travel(datetime.datetime(2027, 1, 6, 9, tzinfo=JAKARTA)):
        submit_assignment(
            user=learner,
            enrolment=renewal,
            lesson=lesson,
            assignment=find_assignment(lesson=lesson, block_id="tugas-1"),
            text="Jawaban siklus kedua.",
        )
        page = learner_client.get(lesson.url).content.decode()
        panel = page[page.index('class="assignment-panel"') :]
        assert "Menunggu penilaian" in panel and "Jawaban siklus kedua." in panel
        assert "Antrean layanan terlalu panjang." not in panel
        assert "Dinilai: lulus" not in panel
        assert "Umpan balik pengajar" not in panel  # the first cycle's grading
