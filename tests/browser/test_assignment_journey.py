"""A learner on a phone (360 px) through a reflection: write it under the lesson,
read the trainer's request for a revision, send the revision, see it passed."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible
from tests.browser.staff import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "rahasia-uji-123"  # tests.factories.UserFactory's

SETUP = """
import json
from courses.models import CatalogPage, CoursePage
from courses.services import enrol
from lms.accounts.models import User
from tests.factories import AsnProfileFactory, unused_nip, add_assignment, add_lesson
tag = {tag!r}
catalog = CatalogPage.objects.first()
trainer = User.objects.get(email="pengajar@sigap.test")
course = catalog.add_child(instance=CoursePage(
    title="Kursus tugas " + tag, slug="kursus-tugas-" + tag, code="KT" + tag[:6],
    summary="Kursus uji.", jp=2, trainer=trainer, owner=trainer,
))
lesson = add_assignment(
    add_lesson(course, 1), block_id="refleksi", title="Refleksi " + tag,
    kind="reflection", grading="pass_revise", rubric=[], accepts_file=False,
)
learner = AsnProfileFactory(
    user__email="tugas-" + tag + "@contoh.go.id", nip=unused_nip()
).user
enrol(user=learner, course=course)
print(json.dumps({{"lesson": lesson.url, "email": learner.email,
                  "lesson_id": lesson.pk}}))
"""

GRADE = """
from courses.assignments.models import Submission
from courses.assignments.selectors import find_assignment
from courses.assignments.services import grade_submission
from lms.accounts.models import User
submission = Submission.objects.get(lesson_id={lesson_id}, is_latest=True)
grade_submission(
    submission=submission,
    grader=User.objects.get(email="pengajar@sigap.test"),
    assignment=find_assignment(lesson=submission.lesson, block_id="refleksi"),
    decision={decision!r},
    feedback={feedback!r},
)
print("ok")
"""


@pytest.fixture
def viewport() -> str:
    """Taken on a phone only."""
    return "360px"


def test_a_learner_writes_a_reflection_revises_it_and_sees_it_passed(page, live_site):
    journey = Journey("assignment journey")
    tag = uuid.uuid4().hex[:8]
    world = json.loads(live_site.shell(SETUP.format(tag=tag)).strip().splitlines()[-1])

    sign_in(page, world["email"], PASSWORD)
    page.goto(world["lesson"])
    panel = page.locator("#tugas-refleksi")
    expect(panel).to_contain_text("Belum dikirim")
    assert_accessible(page, "pelajaran dengan tugas")
    panel.locator("textarea").fill("Antrean layanan KTP di kecamatan kami.")
    panel.get_by_role("button", name="Kirim jawaban").click()
    expect(page.locator(".msg", has_text="Jawaban Anda terkirim")).to_be_visible()
    expect(page.locator("#tugas-refleksi")).to_contain_text("Menunggu penilaian")
    journey.step("reflection written and sent")

    live_site.shell(
        GRADE.format(
            lesson_id=world["lesson_id"],
            decision="revision",
            feedback="Tambahkan berapa warga yang terdampak.",
        )
    )
    page.goto(world["lesson"])
    panel = page.locator("#tugas-refleksi")
    expect(panel).to_contain_text("Perlu revisi")
    expect(panel).to_contain_text("Tambahkan berapa warga yang terdampak.")
    textarea = panel.locator("textarea")
    expect(textarea).to_have_value("Antrean layanan KTP di kecamatan kami.")
    textarea.fill("Antrean KTP: sekitar 120 warga per hari menunggu lebih dari 2 jam.")
    panel.get_by_role("button", name="Kirim revisi").click()
    expect(page.locator(".msg", has_text="Jawaban Anda terkirim")).to_be_visible()
    journey.step("revision asked, read and sent")

    live_site.shell(
        GRADE.format(lesson_id=world["lesson_id"], decision="passed", feedback="")
    )
    page.goto(world["lesson"])
    expect(page.locator("#tugas-refleksi")).to_contain_text("Dinilai: lulus")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    journey.step("reflection passed")
    journey.finish()
