"""A learner plays the demo's SCORM 1.2 lesson (two SCOs) and cmi5 lesson (a block
of two AUs) in a course of their own: the table of contents lists them, a SCO
resumes where they left it, next moves to the second SCO or AU, finishing all
of them completes the course, and the runtime data was committed by
scorm-again (vendored) to Sigap."""

import json
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import Journey, assert_accessible
from tests.browser.staff import sign_in

pytestmark = pytest.mark.browser

PASSWORD = "rahasia-uji-123"  # tests.factories.UserFactory's

SETUP = """
import json
from courses.models import CatalogPage, CoursePage, LessonPage, LessonProgress
from courses.services import enrol
from lms.accounts.models import User
from tests.factories import AsnProfileFactory, unused_nip, add_lesson
from tests.packages.conftest import add_package_lesson, demo_zip
tag = {tag!r}
catalog = CatalogPage.objects.first()
trainer = User.objects.get(email="pengajar@sigap.test")
course = catalog.add_child(instance=CoursePage(
    title="Paket uji " + tag, slug="paket-uji-" + tag, code="PU" + tag[:6],
    summary="Kursus uji paket.", jp=1, trainer=trainer, owner=trainer,
))
lesson = add_lesson(course, 1)
scorm = add_package_lesson(course, demo_zip("scorm12-hambatan-pelayanan"), slug="scorm")
cmi5 = add_package_lesson(course, demo_zip("cmi5-kesinambungan-layanan"), slug="cmi5")
learner = AsnProfileFactory(
    user__email="paket-" + tag + "@contoh.go.id", nip=unused_nip()
).user
enrolment, _ = enrol(user=learner, course=course)
LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
print(json.dumps({{"scorm": scorm.url, "cmi5": cmi5.url, "course": course.url,
                  "email": learner.email, "course_id": course.pk,
                  "user_id": learner.pk}}))
"""

OUTCOME = """
import json
from courses.models import Enrolment
from courses.packages.models import Cmi5Statement, PackageAttempt, UnitAttempt
e = Enrolment.objects.get(user_id={user_id}, course_id={course_id})
print(json.dumps({{
    "status": e.status,
    "attempts": {{a.package.standard: [a.score_scaled, a.satisfied_at is not None]
                 for a in PackageAttempt.objects.filter(user_id={user_id})}},
    "units": {{u.unit: [u.location, u.suspend_data, u.satisfied_at is not None]
              for u in UnitAttempt.objects.filter(attempt__user_id={user_id})}},
    "lms": sorted(s.verb.rsplit("/", 1)[-1] for s in Cmi5Statement.objects.filter(
        attempt__user_id={user_id}, by_lms=True)),
}}))
"""


@pytest.fixture
def viewport() -> str:
    return "1280px"


def _look(page, name: str) -> None:
    """Screenshots at both widths under test-artifacts/, to look at."""
    for width, height in ((1280, 800), (360, 740)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(ARTIFACTS / f"package-{name}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 800})


def _json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_a_learner_plays_the_scorm_and_cmi5_lessons_and_completes_the_course(
    page, live_site
):
    journey = Journey("package journey")
    tag = uuid.uuid4().hex[:8]
    world = _json(live_site.shell(SETUP.format(tag=tag)))
    sign_in(page, world["email"], PASSWORD)

    page.goto(world["scorm"])
    expect(page.locator(".package-toc .toc-open")).to_have_text(
        ["Lima hambatan dan kanal layanan (kuis)", "Rencana tindak lanjut"]
    )
    assert_accessible(page, "package lesson with contents")
    page.get_by_role("button", name="Mulai").click()
    sco = page.frame_locator("#package-frame")
    expect(sco.locator("h1:visible")).to_have_text("Lima hambatan pelayanan")
    # The SCO's buttons stay disabled until its script has wired them, so a
    # click is never lost (the click waits for them to be enabled).
    sco.get_by_role("button", name="Berikutnya →").click()
    expect(sco.locator("#langkah")).to_have_text("Bagian 2 dari 4")
    sco.get_by_role("button", name="Berikutnya →").click()
    expect(sco.locator("#langkah")).to_have_text("Bagian 3 dari 4")
    journey.step("SCO opened and read to part 3")
    _look(page, "scorm-player")

    page.goto(world["scorm"])
    page.get_by_role("button", name="Lanjutkan").click()
    expect(sco.locator("#langkah")).to_have_text("Bagian 3 dari 4")
    journey.step("resumed at part 3")

    sco.get_by_role("button", name="Berikutnya →").click()
    sco.get_by_label("keterampilan digital").check()
    sco.get_by_label("paling sedikit satu kanal daring dan satu kanal luring").check()
    sco.get_by_label("diumumkan secara terbuka").check()
    sco.get_by_role("button", name="Kirim jawaban").click()
    expect(sco.locator("#hasil")).to_contain_text(
        "Lulus dengan nilai 100", timeout=30_000
    )
    journey.step("SCO passed")

    page.set_viewport_size({"width": 360, "height": 740})
    page.locator(".package-toc-box summary").click()
    expect(page.locator(".package-toc-box .toc-open").nth(1)).to_be_visible()
    assert_accessible(page, "package player contents 360")
    page.screenshot(path=str(ARTIFACTS / "package-scorm-contents-360.png"))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Bagian berikutnya →").click()
    expect(page.locator("#package-unit-title")).to_have_text("Rencana tindak lanjut")
    expect(sco.locator("#status")).to_have_text(
        "Terhubung. Catatan Anda tersimpan di Sigap."
    )
    sco.get_by_label("Catatan singkat Anda (tidak dinilai)").fill("Loket desa")
    sco.get_by_role("button", name="Simpan dan tandai selesai").click()
    expect(sco.locator("#hasil")).to_have_text("Tersimpan. Bagian ini selesai.")
    journey.step("second SCO completed")

    page.goto(world["cmi5"])
    page.get_by_role("button", name="Mulai").click()
    au = page.frame_locator("#package-frame")
    expect(au.locator("#status")).to_have_text("Terhubung. Jawab latihan di bawah.")
    au.get_by_label("menetapkan layanan kritis dan waktu henti maksimumnya").check()
    au.get_by_label("ditunjuk dan dilatih sebelum krisis").check()
    au.get_by_role("button", name="Kirim jawaban").click()
    # Passing completes the course: its completion steps (certificate, JP) run
    # inside the statement's request.
    expect(au.locator("#hasil")).to_contain_text("Lulus (100)", timeout=60_000)
    journey.step("cmi5 AU passed")
    page.get_by_role("button", name="Bagian berikutnya →").click()
    expect(au.locator("#status")).to_have_text(
        "Terhubung. Centang setiap butir yang sudah siap."
    )
    for item in ("ditunjuk", "berlatih", "akses sistem"):
        au.get_by_label(item, exact=False).check()
    au.get_by_role("button", name="Tandai selesai").click()
    # The last AU satisfies the block and the course: the course's completion
    # steps run inside the statement's request.
    expect(au.locator("#hasil")).to_have_text(
        "Selesai. Daftar periksa tersimpan.", timeout=60_000
    )
    journey.step("second cmi5 AU completed")

    page.goto(world["course"])
    expect(page.locator("#packages-title")).to_be_visible()
    _look(page, "course-with-packages")
    outcome = _json(
        live_site.shell(
            OUTCOME.format(user_id=world["user_id"], course_id=world["course_id"])
        )
    )
    first = outcome["units"]["ITEM-HAMBATAN"]
    assert first[0] == "3" and '"s1":"b"' in first[1] and first[2], outcome
    assert outcome["units"]["ITEM-PENUTUP"][1:] == ["Loket desa", True], outcome
    assert outcome["attempts"]["scorm12"] == [1.0, True], outcome
    assert outcome["attempts"]["cmi5"] == [1.0, True], outcome
    assert outcome["lms"].count("launched") == 2, outcome
    assert outcome["lms"].count("satisfied") == 2, outcome  # the block, the course
    assert outcome["status"] == "completed", outcome
    # Every commit carried the CSRF token, also the one sent while a page unloads.
    refused = [
        line
        for line in live_site.log.read_text().splitlines()
        if "CSRF" in line and "/paket/" in line
    ]
    assert refused == []
    journey.step("both lessons done: the course is completed")
    journey.finish()
