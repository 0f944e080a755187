import datetime

import pytest
import time_machine
from django.urls import reverse

from courses.services import complete_enrolment, enrol
from lms.competencies.models import JpEntry
from lms.competencies.selectors import jp_summary
from tests.factories import AsnProfileFactory, make_course

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("utc_moment", "year", "local_date"),
    [
        # 23:30 on 31 December in Jakarta: still the old year.
        (
            datetime.datetime(2025, 12, 31, 16, 30, tzinfo=datetime.UTC),
            2025,
            "2025-12-31",
        ),
        # 00:30 on 1 January in Jakarta, though still 31 December in UTC.
        (
            datetime.datetime(2025, 12, 31, 17, 30, tzinfo=datetime.UTC),
            2026,
            "2026-01-01",
        ),
    ],
)
def test_completion_counts_in_the_jakarta_calendar_year(
    learner, course, utc_moment, year, local_date
):
    enrolment, _ = enrol(user=learner, course=course)
    with time_machine.travel(utc_moment, tick=False):
        complete_enrolment(enrolment=enrolment)

    entry = JpEntry.objects.get(user=learner)
    assert entry.year == year
    assert entry.earned_on.isoformat() == local_date
    assert jp_summary(user=learner, year=year).total == course.jp
    assert jp_summary(user=learner, year=year - 1 if year == 2026 else 2026).total == 0


def test_jp_bar_moves_by_each_course_jp(learner_client, learner, catalog):
    first = make_course(catalog, lessons=1, jp=6)
    second = make_course(catalog, lessons=1, jp=5)
    for course in (first, second):
        enrolment, _ = enrol(user=learner, course=course)
        complete_enrolment(enrolment=enrolment)

    summary = jp_summary(user=learner)
    assert (summary.total, summary.goal, summary.remaining) == (11, 20, 9)
    response = learner_client.get(reverse("competencies:mine"))
    assert 'max="20" value="11"' in response.text
    assert "11 dari target 20 JP" in response.text
    assert first.title in response.text and second.title in response.text


def test_target_and_minutes_per_jp_are_configurable(settings, learner, course):
    settings.SIGAP_PNS_JP_TARGET = 30
    settings.SIGAP_MINUTES_PER_JP = 60
    enrolment, _ = enrol(user=learner, course=course)
    complete_enrolment(enrolment=enrolment)
    summary = jp_summary(user=learner)
    assert summary.goal == 30
    assert summary.hours == course.jp  # 60-minute JP: one hour each


def test_pppk_counts_up_to_the_yearly_cap(unit, catalog):
    pppk = AsnProfileFactory(unit=unit, employee_type="PPPK").user
    for jp in (20, 10):
        course = make_course(catalog, lessons=1, jp=jp)
        enrolment, _ = enrol(user=pppk, course=course)
        complete_enrolment(enrolment=enrolment)
    summary = jp_summary(user=pppk)
    assert (summary.total, summary.goal, summary.counted) == (30, 24, 24)
