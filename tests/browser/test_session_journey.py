"""A learner on a phone (360 px) through a live session: register, take the
calendar file, join through Sigap, enter the attendance code, read the lesson and
pass the post-test; the webinar course completes with its certificate and JP."""

import json
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible
from tests.browser.quiz_steps import take_quiz
from tests.browser.staff import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "rahasia-uji-123"  # tests.factories.UserFactory's

SETUP = """
import datetime, json
from django.utils import timezone
from courses.models import CatalogPage, CoursePage
from lms.accounts.models import User
from tests.factories import (
    AsnProfileFactory, unused_nip, add_lesson, make_question, make_quiz, make_session,
)
tag = {tag!r}
catalog = CatalogPage.objects.first()
trainer = User.objects.get(email="pengajar@sigap.test")
course = catalog.add_child(instance=CoursePage(
    title="Webinar uji " + tag, slug="webinar-uji-" + tag, code="WU" + tag[:6],
    summary="Webinar uji.", jp=2, trainer=trainer, owner=trainer,
))
add_lesson(course, 1)
session = make_session(
    course, title="Sesi langsung " + tag, slug="sesi-" + tag,
    starts_at=timezone.now() - datetime.timedelta(minutes=5), minutes=60,
    meeting_url={meeting!r},
)
make_quiz(course, [make_question(course)], kind="posttest", title="Post-test uji",
          slug="post-test")
learner = AsnProfileFactory(
    user__email="sesi-" + tag + "@contoh.go.id", nip=unused_nip()
).user
print(json.dumps({{"session": session.url, "code": session.attendance_code,
                  "course": course.url, "email": learner.email,
                  "course_id": course.pk, "user_id": learner.pk}}))
"""

OUTCOME = """
import json
from certificates.models import Certificate
from courses.models import Enrolment
from courses.sessions.models import Attendance
from lms.competencies.models import JpEntry
e = Enrolment.objects.get(user_id={user_id}, course_id={course_id})
a = Attendance.objects.get(user_id={user_id}, session__in=e.course.get_children())
print(json.dumps({{
    "status": e.status, "minutes": a.minutes_present, "attended": a.attended,
    "certificate": Certificate.objects.filter(enrolment=e).exists(),
    "jp": sum(JpEntry.objects.filter(user_id={user_id}).values_list("jp", flat=True)),
}}))
"""


@pytest.fixture
def viewport() -> str:
    """Taken on a phone only."""
    return "360px"


def _json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_a_learner_registers_joins_enters_the_code_and_completes_the_webinar(
    page, live_site
):
    journey = Journey("session journey")
    tag = uuid.uuid4().hex[:8]
    meeting = f"{live_site.url}/robots.txt?rapat={tag}"
    world = _json(live_site.shell(SETUP.format(tag=tag, meeting=meeting)))

    sign_in(page, world["email"], PASSWORD)
    page.goto(world["session"])
    expect(page.locator("h1")).to_have_text(f"Sesi langsung {tag}")
    assert "WIB" in page.locator(".facts").inner_text()
    assert meeting not in page.content()
    assert_accessible(page, "halaman sesi")
    page.get_by_role("button", name="Daftar ke sesi ini").click()
    expect(
        page.locator("p.msg", has_text="Anda terdaftar di sesi ini.")
    ).to_be_visible()
    journey.step("register for the session (and the course)")

    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh berkas kalender (.ics)").click()
    calendar = Path(download.value.path()).read_bytes().decode()
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    assert f"SUMMARY:Sesi langsung {tag}" in calendar
    assert meeting not in calendar.replace("\r\n ", "")
    journey.step("calendar file downloaded, without the meeting link")

    with page.expect_popup() as popup:
        page.get_by_role("button", name="Gabung ke rapat").click()
    meeting_tab = popup.value
    meeting_tab.wait_for_load_state("load")
    assert meeting_tab.url == meeting
    meeting_tab.close()
    journey.step("joined the meeting through Sigap")

    page.reload()
    assert_accessible(page, "halaman sesi saat berlangsung")
    page.fill("input[name=code]", world["code"].lower())
    page.get_by_role("button", name="Kirim kode").click()
    expect(page.locator(".msg", has_text="Kehadiran Anda tercatat")).to_be_visible()
    expect(page.get_by_test_id("my-attendance")).to_contain_text("hadir")
    journey.step("attendance code entered")

    page.goto(world["course"])
    expect(page.locator("#sessions-title")).to_be_visible()
    page.get_by_role("link", name=re.compile("Mulai belajar|Lanjutkan belajar")).click()
    page.get_by_role("button", name="Tandai selesai").click()
    page.wait_for_load_state("load")
    page.goto(world["course"] + "post-test/")
    take_quiz(page, live_site, correct=True)
    expect(page.locator(".badge-ok", has_text="Lulus")).to_be_visible()
    journey.step("lesson done and post-test passed")

    outcome = _json(
        live_site.shell(
            OUTCOME.format(user_id=world["user_id"], course_id=world["course_id"])
        )
    )
    assert outcome["status"] == "completed", outcome
    assert outcome["attended"] and outcome["minutes"] >= 48, outcome  # 80 % of 60
    assert outcome["certificate"] and outcome["jp"] >= 2, outcome
    journey.step("course completed: certificate and JP")
    journey.finish()
