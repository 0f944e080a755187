"""An HR officer opens the demo programme, previews a rule, saves it, follows its
assignment to the end, and reads the compliance report down to the people (at 360
and 1280 px)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS
from tests.browser.helpers import assert_accessible
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

HR_EMAIL = "hr@sigap.test"


def test_hr_previews_a_rule_and_reads_the_compliance_report(page, live_site):
    live_site.shell(
        "from allauth.mfa.models import Authenticator; "
        f"Authenticator.objects.filter(user__email='{HR_EMAIL}').delete()"
    )
    sign_in(page, HR_EMAIL)
    reach_staff_area(page, "/hr/program/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.get_by_role("link", name="Pelayanan Publik Tangguh Krisis").click()
    expect(page.locator("h1")).to_have_text("Pelayanan Publik Tangguh Krisis")
    assert_accessible(page, "program")

    page.get_by_role("link", name="Tambah aturan").click()
    unit = page.locator("select[name=unit] option", has_text="Dinas Kependudukan")
    page.select_option("select[name=unit]", unit.first.get_attribute("value"))
    page.get_by_role("button", name="Pratinjau").click()
    preview = page.locator("section", has_text="pegawai memenuhi aturan ini")
    expect(preview).to_be_visible()
    assert_accessible(page, "pratinjau aturan")
    page.screenshot(
        path=str(ARTIFACTS / f"programme-preview-{page.sigap_viewport}.png"),
        full_page=True,
    )
    page.get_by_role("button", name="Simpan dan tugaskan").click()
    expect(page.locator(".messages")).to_contain_text("Aturan disimpan")
    # The assignment ran as a background task; its progress page says it is done
    # (the demo's immediate backend ran it before the page opened).
    expect(page.get_by_text(re.compile(r"Selesai: \d+ penugasan baru"))).to_be_visible()
    assert_accessible(page, "kemajuan penugasan")
    page.locator(".crumbs").get_by_role(
        "link", name="Pelayanan Publik Tangguh Krisis"
    ).click()
    expect(page.locator("h1")).to_have_text("Pelayanan Publik Tangguh Krisis")

    page.get_by_role("link", name="Laporan kepatuhan").click()
    table = page.locator("table")
    expect(table).to_contain_text("Dinas Kependudukan")
    expect(table).to_contain_text("Puskesmas Sukamaju Utara")
    assert_accessible(page, "laporan kepatuhan")
    page.screenshot(
        path=str(ARTIFACTS / f"programme-report-{page.sigap_viewport}.png"),
        full_page=True,
    )
    page.locator("a[href*='state=overdue']").filter(
        has_text=re.compile(r"[1-9]")
    ).first.click()
    expect(page.locator("table")).to_contain_text("Terlambat")
