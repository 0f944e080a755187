"""Issue 17's journey on a phone (360 px): a learner submits a reflection, reads
the trainer's feedback, asks the trainer a question under the lesson, fills in the
course evaluation the course requires, and downloads the certificate it then
earns."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible
from tests.browser.staff import sign_in
from tests.browser.test_assignment_journey import GRADE, PASSWORD

pytestmark = pytest.mark.browser

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
    title="Kursus refleksi " + tag, slug="kursus-refleksi-" + tag, code="KR" + tag[:6],
    summary="Kursus uji.", jp=2, trainer=trainer, owner=trainer,
    requires_evaluation=True, min_time_share=0,
))
lesson = add_assignment(
    add_lesson(course, 1), block_id="refleksi", title="Refleksi " + tag,
    kind="reflection", grading="pass_revise", rubric=[], accepts_file=False,
    required=True,
)
learner = AsnProfileFactory(
    user__email="refleksi-" + tag + "@contoh.go.id", nip=unused_nip()
).user
enrol(user=learner, course=course)
print(json.dumps({{"lesson": lesson.url, "course": course.url, "email": learner.email,
                  "lesson_id": lesson.pk, "user_id": learner.pk,
                  "course_id": course.pk}}))
"""

OUTCOME = """
import json
from certificates.models import Certificate
from courses.models import Enrolment
from lms.discussion.models import Post
enrolment = Enrolment.objects.get(user_id={user_id}, course_id={course_id})
print(json.dumps({{
    "status": enrolment.status,
    "certificates": Certificate.objects.filter(enrolment=enrolment).count(),
    "questions": Post.objects.filter(
        user_id={user_id}, thread__lesson__isnull=False).count(),
}}))
"""


@pytest.fixture
def viewport() -> str:
    """Taken on a phone only."""
    return "360px"


def _json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_reflection_feedback_question_evaluation_certificate(page, live_site):
    journey = Journey("learning activities journey")
    tag = uuid.uuid4().hex[:8]
    world = _json(live_site.shell(SETUP.format(tag=tag)))

    sign_in(page, world["email"], PASSWORD)
    page.goto(world["lesson"])
    panel = page.locator("#tugas-refleksi")
    panel.locator("textarea").fill("Layanan KTP pindah ke kantor desa saat banjir.")
    panel.get_by_role("button", name="Kirim jawaban").click()
    expect(page.locator(".msg", has_text="Jawaban Anda terkirim")).to_be_visible()
    journey.step("reflection submitted")

    live_site.shell(
        GRADE.format(
            lesson_id=world["lesson_id"],
            decision="passed",
            feedback="Contoh yang baik; tambahkan jadwal piketnya.",
        )
    )
    page.goto(world["lesson"])
    panel = page.locator("#tugas-refleksi")
    expect(panel).to_contain_text("Dinilai: lulus")
    expect(panel).to_contain_text("Contoh yang baik; tambahkan jadwal piketnya.")
    journey.step("feedback read")

    page.get_by_role("link", name="Tanya pengajar").click()
    expect(page.locator("h1")).to_have_text("Tanya pengajar")
    page.locator("textarea[name=body]").fill(
        "Apakah posko darurat boleh memakai formulir kertas dulu?"
    )
    page.get_by_role("button", name="Kirim pertanyaan").click()
    expect(page.locator(".post").last).to_contain_text("formulir kertas")
    assert_accessible(page, "tanya pengajar")
    journey.step("question asked under the lesson")

    page.goto(world["lesson"])
    page.get_by_role("button", name="Tandai selesai").click()
    page.wait_for_load_state("load")
    page.goto(world["course"])
    # The certificate waits for the evaluation the course requires.
    page.get_by_role("link", name="Isi evaluasi").click()
    assert_accessible(page, "evaluasi kursus")
    for group in page.locator("fieldset").all():
        options = group.locator("input[type=radio]")
        if options.count():
            options.nth(3).check()  # 4 of 5
    page.get_by_role("button", name="Kirim evaluasi").click()
    page.wait_for_load_state("load")
    journey.step("evaluation sent")

    outcome = _json(
        live_site.shell(
            OUTCOME.format(user_id=world["user_id"], course_id=world["course_id"])
        )
    )
    assert outcome == {"status": "completed", "certificates": 1, "questions": 1}
    page.goto("/sertifikat/")
    expect(page.locator("main")).to_contain_text(f"Kursus refleksi {tag}")
    href = page.get_by_role("link", name="Unduh PDF").first.get_attribute("href")
    response = page.request.get(href)  # the learner's own session
    assert response.ok and response.body()[:5] == b"%PDF-"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    journey.step("certificate downloaded")
    journey.finish()
