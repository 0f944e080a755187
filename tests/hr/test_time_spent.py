"""HR sees the time a learner spent in each course: active minutes counted by the
server from the lesson heartbeats, and since when."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from courses.services import enrol

pytestmark = pytest.mark.django_db

START = datetime(2026, 4, 6, 1, 0, tzinfo=UTC)


def test_the_transcript_shows_active_time_per_course(officer_client, course, insider):
    enrolment, _ = enrol(user=insider, course=course)
    lesson = course.lessons().first()
    beat_url = reverse("courses:lesson_heartbeat", args=[lesson.pk])
    client = Client()
    client.force_login(insider)
    with time_machine.travel(START, tick=False) as clock:
        client.get(lesson.url)
        for _ in range(6):  # three minutes with the lesson open and in view
            clock.shift(timedelta(seconds=30))
            assert client.post(beat_url).status_code == 204
    html = officer_client.get(reverse("hr:transcript", args=[insider.pk])).text
    assert "Waktu aktif (menit)" in html
    assert '<td class="num">3 <span class="meta">sejak 6 Apr 2026</span></td>' in html
