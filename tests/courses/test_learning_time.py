"""Time behind every lesson and course: the estimate from the content, the time a
lesson must be open before it is marked done, active time from heartbeats, and
the course's JP checked against its measured time. Every time is the server's."""

import math
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from courses.course_time import course_learning_time, jp_warning
from courses.learning_time import MarkedDoneTooEarly
from courses.models import LessonPage, LessonProgress, LessonVisit
from courses.services import enrol, mark_lesson_complete
from tests.factories import UserFactory, make_course, make_question, make_quiz

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def words(n: int) -> str:
    return " ".join(["pelayanan"] * n)


def add_text_lesson(course, *, slug: str, word_count: int) -> LessonPage:
    return course.add_child(
        instance=LessonPage(
            title=slug.title(),
            slug=slug,
            body=[{"type": "paragraph", "value": f"<p>{words(word_count)}</p>"}],
        )
    )


@pytest.fixture
def reading(settings):
    settings.SIGAP_READING_WPM = 200
    settings.SIGAP_MIN_TIME_SHARE = 50
    settings.SIGAP_HEARTBEAT_SECONDS = 30
    settings.SIGAP_MINUTES_PER_JP = 45


@pytest.fixture
def long_lesson(reading, catalog):
    """A lesson of 2,400 words: 12 minutes at 200 words a minute; 6 must pass."""
    course = make_course(catalog, lessons=0, jp=1)
    return add_text_lesson(course, slug="bacaan-panjang", word_count=2400)


@pytest.fixture
def enrolled(long_lesson, learner):
    enrolment, _ = enrol(user=learner, course=long_lesson.get_course())
    return enrolment


def test_a_lesson_with_text_and_a_video_is_estimated_from_both(reading, catalog):
    course = make_course(catalog, lessons=0)
    lesson = course.add_child(
        instance=LessonPage(
            title="Teks dan video",
            slug="teks-dan-video",
            intro=words(20),
            body=[
                {"type": "paragraph", "value": f"<p>{words(580)}</p>"},
                {
                    "type": "video",
                    "value": {
                        "video": "https://www.youtube.com/watch?v=abc",
                        "title": "Rekaman webinar",
                        "duration_minutes": 7,
                        "transcript": f"<p>{words(3000)}</p>",
                    },
                },
            ],
        )
    )
    # 20 + 580 + 2 (the video's title) words = 3.01 minutes, the video 7 minutes;
    # the transcript of a video with a duration is the alternative, not more work.
    assert lesson.estimated_minutes == math.ceil(602 / 200 + 7) == 11

    lesson.body[1].value["duration_minutes"] = None
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    # Without a duration, the transcript is read.
    assert lesson.estimated_minutes == math.ceil((602 + 3000) / 200) == 19


def test_the_estimate_follows_the_reading_speed_setting(reading, settings, catalog):
    course = make_course(catalog, lessons=0)
    settings.SIGAP_READING_WPM = 100
    lesson = add_text_lesson(course, slug="pelan", word_count=1000)
    assert lesson.estimated_minutes == 10


def test_the_lesson_page_and_outline_show_the_estimate(
    long_lesson, enrolled, learner_client
):
    html = learner_client.get(long_lesson.url).content.decode()
    assert "± 12 menit" in html
    assert '<span class="minutes">± 12 menit</span>' in html
    course_html = learner_client.get(long_lesson.get_course().url).content.decode()
    assert '<span class="minutes">± 12 menit</span>' in course_html


@pytest.mark.parametrize("cache", ["shared_memory_cache", "database_cache"])
def test_the_server_records_the_first_and_last_opening(
    request, cache, long_lesson, enrolled, client
):
    request.getfixturevalue(cache)
    learner_client = client
    learner_client.force_login(enrolled.user)
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url)
        clock.shift(timedelta(minutes=1))
        learner_client.get(long_lesson.url)  # a reload: nothing written
        clock.shift(timedelta(hours=3))
        learner_client.get(long_lesson.url)
    visit = LessonVisit.objects.get(enrolment=enrolled, lesson=long_lesson)
    assert visit.first_opened_at == START
    assert visit.last_opened_at == START + timedelta(hours=3, minutes=1)


def test_marking_a_lesson_done_too_early_is_refused_with_the_time_left(
    long_lesson, enrolled, learner_client
):
    done_url = reverse("courses:complete_lesson", args=[long_lesson.pk])
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url)
        clock.shift(timedelta(minutes=2))
        response = learner_client.post(done_url, follow=True)
    assert response.redirect_chain[-1][0] == long_lesson.url
    assert (
        "Anda baru membaca 2 menit; pelajaran ini diperkirakan ± 12 menit. "
        "Tandai selesai setelah 4 menit lagi." in response.content.decode()
    )
    assert not LessonProgress.objects.filter(enrolment=enrolled).exists()


def test_after_the_share_of_its_time_the_lesson_is_marked_done(
    long_lesson, enrolled, learner_client
):
    done_url = reverse("courses:complete_lesson", args=[long_lesson.pk])
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url)
        clock.shift(timedelta(minutes=5, seconds=59))
        learner_client.post(done_url)
        assert not LessonProgress.objects.filter(enrolment=enrolled).exists()
        clock.shift(timedelta(seconds=1))
        learner_client.post(done_url)
    progress = LessonProgress.objects.get(enrolment=enrolled, lesson=long_lesson)
    assert progress.completed_at == START + timedelta(minutes=6)


def test_a_lesson_never_opened_cannot_be_marked_done(long_lesson, enrolled):
    with pytest.raises(MarkedDoneTooEarly) as refused:
        mark_lesson_complete(enrolment=enrolled, lesson=long_lesson)
    assert refused.value.left_seconds == 6 * 60
    assert not LessonProgress.objects.exists()


def test_times_sent_by_the_browser_are_ignored(long_lesson, enrolled, learner_client):
    done_url = reverse("courses:complete_lesson", args=[long_lesson.pk])
    beat_url = reverse("courses:lesson_heartbeat", args=[long_lesson.pk])
    forged = {
        "opened_at": "2020-01-01T00:00:00Z",
        "first_opened_at": "2020-01-01T00:00:00Z",
        "seconds": "99999",
        "active_seconds": "99999",
        "duration": "99999",
    }
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url, forged)
        clock.shift(timedelta(seconds=20))
        assert learner_client.post(beat_url, forged).status_code == 204
        learner_client.post(done_url, forged)
    visit = LessonVisit.objects.get(enrolment=enrolled)
    assert visit.first_opened_at == START
    assert visit.active_seconds == 20
    assert not LessonProgress.objects.exists()


def test_each_heartbeat_counts_at_most_the_interval_since_the_previous_one(
    long_lesson, enrolled, learner_client
):
    beat_url = reverse("courses:lesson_heartbeat", args=[long_lesson.pk])
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url)
        clock.shift(timedelta(seconds=30))
        learner_client.post(beat_url)  # 30 s
        clock.shift(timedelta(minutes=20))  # the tab was hidden, or the phone asleep
        learner_client.post(beat_url)  # counts 30 s, not 20 minutes
        clock.shift(timedelta(seconds=12))
        learner_client.post(beat_url)  # 12 s
        for _ in range(5):  # a burst of beats adds no time
            learner_client.post(beat_url)
    visit = LessonVisit.objects.get(enrolment=enrolled)
    assert visit.active_seconds == 30 + 30 + 12


def test_a_heartbeat_counts_only_on_the_learners_own_opened_lesson(
    long_lesson, enrolled, client
):
    beat_url = reverse("courses:lesson_heartbeat", args=[long_lesson.pk])
    other = UserFactory()
    client.force_login(other)
    assert client.post(beat_url).status_code == 404  # not their lesson
    client.force_login(enrolled.user)
    assert client.post(beat_url).status_code == 404  # not opened yet
    assert client.get(beat_url).status_code == 405
    assert not LessonVisit.objects.exists()


def test_a_course_sets_its_own_share(long_lesson, enrolled, learner_client):
    course = long_lesson.get_course()
    course.min_time_share = 100
    course.save()
    done_url = reverse("courses:complete_lesson", args=[long_lesson.pk])
    with time_machine.travel(START, tick=False) as clock:
        learner_client.get(long_lesson.url)
        clock.shift(timedelta(minutes=11))
        learner_client.post(done_url)
        assert not LessonProgress.objects.exists()
        clock.shift(timedelta(minutes=1))
        learner_client.post(done_url)
    assert LessonProgress.objects.filter(enrolment=enrolled).exists()


def test_the_lesson_page_works_without_javascript_and_loads_its_heartbeat(
    long_lesson, enrolled, learner_client
):
    html = learner_client.get(long_lesson.url).content.decode()
    beat_url = reverse("courses:lesson_heartbeat", args=[long_lesson.pk])
    # The mark-done form posts without script; the heartbeat is a hidden form the
    # external script (no inline script under the CSP) reads its token from.
    assert reverse("courses:complete_lesson", args=[long_lesson.pk]) in html
    assert f'action="{beat_url}" data-seconds="30" hidden>' in html
    assert "js/lesson.js" in html
    assert "<script>" not in html


def test_course_time_adds_the_quizzes_through_the_registry(reading, catalog):
    course = make_course(catalog, lessons=0, jp=1)
    add_text_lesson(course, slug="satu", word_count=2000)  # 10 minutes
    make_quiz(course, [make_question(course)], kind="posttest", time_limit_minutes=20)
    make_quiz(course, [make_question(course), make_question(course)], kind="pretest")
    time = course_learning_time(course=course)
    assert time.lesson_minutes == 10
    assert dict(time.parts) == {
        "Kuis dan tes": 20 + 2,
        "Sesi langsung": 0,
        "Paket SCORM/cmi5": 0,
    }
    assert time.minutes == 32
    assert time.supported_jp == 0


def test_a_jp_beyond_the_measured_time_is_warned_and_an_honest_one_is_not(
    reading, catalog
):
    course = make_course(catalog, lessons=0, jp=3)
    for slug in ("satu", "dua"):
        add_text_lesson(course, slug=slug, word_count=9000)  # 45 minutes each
    time = course_learning_time(course=course)
    assert time.minutes == 90 and time.supported_jp == 2
    warning = jp_warning(course=course, time=time)
    assert "JP kursus ini 3 (135 menit)" in warning
    assert "hanya 90 menit, cukup untuk 2 JP" in warning
    course.jp = 2
    assert jp_warning(course=course, time=time) == ""


def test_the_editor_and_a_reviewer_see_the_jp_warning(reading, catalog, client):
    course = make_course(catalog, lessons=0, jp=3)
    add_text_lesson(course, slug="pendek", word_count=400)
    # A lesson drafted and never published goes live with the course: counted.
    draft = add_text_lesson(course, slug="draf", word_count=400)
    draft.unpublish()
    LessonPage.objects.filter(pk=draft.pk).update(first_published_at=None)
    reviewer = UserFactory(roles=["Peninjau"], is_superuser=True, is_staff=True)
    client.force_login(reviewer)
    course.save_revision(user=reviewer, log_action=True)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Waktu belajar terukur: 4 menit, cukup untuk 0 JP." in html
    assert "JP kursus ini 3 (135 menit)" in html
