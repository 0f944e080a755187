"""HR sees the time a learner spent in each course: active minutes counted by the
server from the lesson heartbeats, and since when."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from certificates.models import Certificate
from courses.learning_time import estimated_minutes
from courses.services import complete_enrolment, enrol
from lms.audit.models import AuditEvent
from lms.hr.exports import RIWAYAT_KURSUS_COLUMNS
from lms.hr.models import HrJob
from tests.factories import AsnProfileFactory

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


# --- the learner list, the dashboard and the export --------------------------------


def _study(person, course, *, minutes: int, start: datetime = START):
    """``person`` enrols two days before ``start``, opens the first lesson at
    ``start`` and keeps it open and in view for ``minutes`` (a heartbeat every 30
    seconds); the enrolment."""
    with time_machine.travel(start - timedelta(days=2), tick=False):
        enrolment, _ = enrol(user=person, course=course)
    lesson = course.lessons().first()
    beat_url = reverse("courses:lesson_heartbeat", args=[lesson.pk])
    client = Client()
    client.force_login(person)
    with time_machine.travel(start, tick=False) as clock:
        assert client.get(lesson.url).status_code == 200
        for _ in range(minutes * 2):
            clock.shift(timedelta(seconds=30))
            assert client.post(beat_url).status_code == 204
    return enrolment


def _complete(enrolment, when: datetime) -> None:
    with time_machine.travel(when, tick=False):
        complete_enrolment(enrolment=enrolment)


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


@pytest.fixture
def studied(course, insider, outsider, learner):
    """In scope: ``insider`` studied 4 minutes and completed on 8 April 2026,
    ``learner`` studied 2 minutes and is still at it. Out of scope: ``outsider``
    studied 7 minutes."""
    done = _study(insider, course, minutes=4)
    _complete(done, datetime(2026, 4, 8, 3, 0, tzinfo=UTC))
    _study(learner, course, minutes=2, start=START + timedelta(hours=1))
    _study(outsider, course, minutes=7)
    return course


def _learner_rows(html: str) -> dict[str, str]:
    """The learner list's rows by the person's name (the row's text, squeezed)."""
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        name = re.search(r'<th scope="row"><a [^>]*>([^<]+)</a>', row)
        if name:
            rows[name.group(1)] = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    return rows


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_learner_list_shows_each_persons_active_minutes(
    officer_client, studied, insider, learner, outsider
):
    html = officer_client.get(reverse("hr:learners"), {"year": 2026}).text
    assert "Waktu belajar aktif" in html
    rows = _learner_rows(html)
    assert rows[insider.asn_profile.full_name_with_titles].endswith("4 menit")
    assert rows[learner.asn_profile.full_name_with_titles].endswith("2 menit")
    assert outsider.asn_profile.full_name_with_titles not in rows
    assert "Masa belajar" not in html  # only with one course chosen


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_with_a_course_chosen_the_learner_list_shows_the_learning_period(
    officer_client, studied, insider, learner
):
    html = officer_client.get(
        reverse("hr:learners"), {"year": 2026, "course": studied.pk}
    ).text
    rows = _learner_rows(html)
    assert "Masa belajar" in html
    assert rows[insider.asn_profile.full_name_with_titles].endswith(
        "4 menit 6 Apr 2026 – 8 Apr 2026"
    )
    assert rows[learner.asn_profile.full_name_with_titles].endswith(
        "2 menit 6 Apr 2026 – belum selesai"
    )


def test_active_time_in_another_course_is_not_counted_for_the_chosen_one(
    officer_client, studied, catalog, insider
):
    from tests.factories import make_course

    other = make_course(catalog, lessons=1, title="Kursus Lain")
    with time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False):
        html = officer_client.get(
            reverse("hr:learners"), {"year": 2026, "course": other.pk}
        ).text
    assert "4 menit" not in html


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_learner_list_costs_the_same_queries_with_more_studying_people(
    officer_client, studied, unit
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = officer_client.get(
                reverse("hr:learners"), {"year": 2026, "course": studied.pk}
            )
            assert response.status_code == 200
        return len(context)

    queries()  # warm caches
    few = queries()
    for index in range(3):
        person = AsnProfileFactory(unit=unit).user
        _study(person, studied, minutes=1, start=START + timedelta(hours=index + 2))
    assert queries() == few


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_dashboard_shows_the_mean_active_minutes_per_course_in_scope(
    officer_client, studied, settings
):
    settings.SIGAP_HR_DASHBOARD_CACHE_SECONDS = 0
    html = officer_client.get(reverse("hr:dashboard"), {"year": 2026}).text
    assert "Waktu belajar aktif (menit, rata-rata)" in html
    # (4 + 2) / 2 in scope; the outsider's 7 minutes would make it 4.33 -> 4
    assert re.search(
        rf"{re.escape(studied.title)}</a></th>(<td[^>]*>[^<]*</td>){{4}}"
        r'<td class="num">3</td>',
        html,
    )


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_learning_time_export_has_one_row_per_enrolment_in_scope(
    officer_client, officer, studied, insider, learner, outsider
):
    response = officer_client.get(reverse("hr:export_time_csv"), {"year": 2026})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('waktu-belajar-2026.csv"')
    rows = _csv(response)
    assert rows[0] == [
        "NIP",
        "Nama",
        "Unit kerja",
        "Kursus",
        "JP",
        "Status",
        "Terdaftar",
        "Pertama dibuka",
        "Selesai",
        "Waktu belajar aktif (menit)",
    ]
    by_nip = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert set(by_nip) == {insider.asn_profile.nip, learner.asn_profile.nip}
    assert outsider.asn_profile.nip not in by_nip  # out of scope: never exported
    done = by_nip[insider.asn_profile.nip]
    assert done["Kursus"] == studied.title
    assert done["Status"] == "Selesai"
    assert done["Terdaftar"] == "04-04-2026"
    assert done["Pertama dibuka"] == "06-04-2026"
    assert done["Selesai"] == "08-04-2026"
    assert done["Waktu belajar aktif (menit)"] == "4"
    going = by_nip[learner.asn_profile.nip]
    assert (going["Status"], going["Selesai"]) == ("Sedang berjalan", "")
    assert going["Waktu belajar aktif (menit)"] == "2"
    assert AuditEvent.objects.filter(
        actor=officer, action="hr.export", data__report="waktu_belajar"
    ).exists()


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_national_file_keeps_its_columns_without_learning_time(
    officer_client, studied
):
    rows = _csv(officer_client.get(reverse("hr:export_riwayat_csv"), {"year": 2026}))
    assert rows[0] == RIWAYAT_KURSUS_COLUMNS
    assert all(len(row) == len(RIWAYAT_KURSUS_COLUMNS) for row in rows)


@time_machine.travel(datetime(2026, 5, 1, 3, 0, tzinfo=UTC), tick=False)
def test_the_learning_time_xlsx_small_at_once_large_as_a_job_in_scope(
    officer_client, studied, insider, outsider, settings
):
    from openpyxl import load_workbook

    response = officer_client.post(reverse("hr:export_time_xlsx"), {"year": 2026})
    assert response.status_code == 200
    rows = list(
        load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True)
    )
    assert rows[0][-1] == "Waktu belajar aktif (menit)"
    assert len(rows) == 3  # header + the two people in scope

    settings.SIGAP_HR_XLSX_SYNC_ROWS = 1
    response = officer_client.post(reverse("hr:export_time_xlsx"), {"year": 2026})
    job = HrJob.objects.get(kind=HrJob.Kind.EXPORT_TIME_XLSX)
    assert response["Location"] == reverse("hr:job", args=[job.pk])
    assert job.status == HrJob.Status.DONE and job.total == 2
    download = officer_client.get(reverse("hr:job_download", args=[job.pk]))
    content = b"".join(download.streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    nips = {row[0] for row in rows[1:]}
    assert insider.asn_profile.nip in nips
    assert outsider.asn_profile.nip not in nips
    assert len(rows) == 3


def test_learning_time_exports_are_refused_to_learners(learner_client, db):
    assert learner_client.get(reverse("hr:export_time_csv")).status_code == 403
    assert learner_client.post(reverse("hr:export_time_xlsx")).status_code == 403


# --- recomputing the estimates ---------------------------------------------------


def test_recompute_learning_time_follows_the_reading_speed_once(
    course, settings, django_capture_on_commit_callbacks
):
    from courses.models import LessonPage
    from courses.published import published_version

    lessons = list(LessonPage.objects.child_of(course))
    LessonPage.objects.filter(pk__in=[lesson.pk for lesson in lessons]).update(
        estimated_minutes=1
    )  # as saved before the feature
    settings.SIGAP_READING_WPM = 1  # every word a minute: no lesson is 1 minute
    before = published_version()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("recompute_learning_time", stdout=out)
    assert f"{len(lessons)} diperbarui" in out.getvalue()
    for lesson in lessons:
        lesson.refresh_from_db()
        assert lesson.estimated_minutes == estimated_minutes(
            intro=lesson.intro, body=lesson.body
        )
        assert lesson.estimated_minutes > 1
    assert published_version() != before  # learners see the new minutes at once

    again = io.StringIO()
    unchanged = published_version()
    call_command("recompute_learning_time", stdout=again)
    assert "0 diperbarui" in again.getvalue()
    assert published_version() == unchanged


def test_recompute_learning_time_dry_run_changes_nothing(course):
    from courses.models import LessonPage

    LessonPage.objects.child_of(course).update(estimated_minutes=999)
    out = io.StringIO()
    call_command("recompute_learning_time", "--dry-run", stdout=out)
    assert "3 akan berubah" in out.getvalue()
    assert set(
        LessonPage.objects.child_of(course).values_list("estimated_minutes", flat=True)
    ) == {999}


# --- the certificate's verification page -----------------------------------------


def test_the_verification_page_states_the_jp_and_the_learning_period(
    client, course, insider, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    enrolment = _study(insider, course, minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        _complete(enrolment, datetime(2026, 4, 9, 3, 0, tzinfo=UTC))
    certificate = Certificate.objects.get(enrolment=enrolment)
    # enrolled on 4 April; the period starts when the learner first opened a
    # lesson (6 April), as the server saw it
    assert certificate.started_on == datetime(2026, 4, 6).date()
    page = " ".join(client.get(f"/v/{certificate.code}").text.split())
    assert f"<dt>Jam pelajaran</dt><dd>{course.jp} JP" in page
    assert "<dt>Masa belajar</dt><dd>6 April 2026 – 9 April 2026" in page
    assert "dari pelajaran pertama dibuka sampai pelatihan selesai" in page
