"""The demo supervisor answers a level-3 survey on a phone and on a desktop, and
HR reads the level-3 report: the page, its figures, its CSV."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

SUPERVISOR = "atasan@sigap.test"
WAITING_LEARNER = "staf02@sigap.test"  # demo/steps/level3.py


def test_supervisor_answers_the_waiting_survey(page, live_site, viewport):
    # Each viewport answers the demo's waiting survey: the other's answer is undone.
    live_site.shell(
        "from lms.evaluation.models import SupervisorAnswer; "
        "SupervisorAnswer.objects.filter("
        f"survey__learner__email='{WAITING_LEARNER}').delete()"
    )
    sign_in(page, SUPERVISOR)
    page.goto("/evaluasi-atasan/")
    expect(page.locator("h1")).to_have_text("Penilaian atasan")
    page.locator("main ul.list a").first.click()
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_contain_text("Penerapan kompetensi")
    assert_accessible(page, "survei atasan")
    page.screenshot(path=f"test-artifacts/level3-survey-{viewport}.png", full_page=True)
    # Send with nothing chosen: told so, the comment kept.
    page.fill("textarea[name=comment]", "Memimpin rapat evaluasi bulanan.")
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.locator("textarea[name=comment]")).to_have_value(
        "Memimpin rapat evaluasi bulanan."
    )
    for fieldset in page.locator("fieldset.eval-question").all():
        fieldset.locator("label.eval-option").nth(3).click()
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.locator("main")).to_contain_text("tersimpan")
    expect(page).to_have_url(re.compile(r"/evaluasi-atasan/$"))


def test_hr_reads_the_level3_report(page, live_site, viewport):
    live_site.shell(
        "from allauth.mfa.models import Authenticator; "
        "Authenticator.objects.filter(user__email='hr@sigap.test').delete()"
    )
    sign_in(page, "hr@sigap.test")
    reach_staff_area(page, "/hr/evaluasi-atasan/")
    expect(page.locator("h1")).to_contain_text("Evaluasi level 3")
    expect(page.locator("[data-figure=rate]").first).to_contain_text("Dijawab")
    assert_accessible(page, "laporan evaluasi level 3")
    page.screenshot(path=f"test-artifacts/level3-hr-{viewport}.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh CSV").click()
    assert download.value.suggested_filename == "evaluasi-level3.csv"
