"""An HR officer (BKPSDM): dashboard, filter, transcript, national CSV, staff import."""

import csv
import io
import random
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible, make_nip
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

HR_EMAIL = "hr@sigap.test"
NATIONAL_COLUMNS = ["namaKursus", "jumlahJam", "nomorSertipikat", "pnsOrangId"]


def _hr_nav(page, name: str) -> None:
    nav = page.get_by_role("navigation", name="Menu HR")
    if not nav.count():
        page.goto("/hr/")
    nav.get_by_role("link", name=name).click()
    page.wait_for_load_state("load")


def test_hr_officer_filters_reads_exports_and_imports(page, live_site, tmp_path):
    journey = Journey("HR journey")
    if not journey.has("hr", "the whole HR journey"):
        journey.finish()
    live_site.shell(
        "from allauth.mfa.models import Authenticator; "
        f"Authenticator.objects.filter(user__email='{HR_EMAIL}').delete()"
    )
    sign_in(page, HR_EMAIL)
    reach_staff_area(page, "/hr/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "dasbor HR")
    journey.step("sign in with MFA set up on the way, dashboard")

    box = page.locator("details.hr-filter-box")
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    unit = page.locator("select[name=unit] option", has_text="Dinas Kesehatan").first
    page.select_option("select[name=unit]", unit.get_attribute("value"))
    page.get_by_role("button", name="Terapkan filter").click()
    expect(page).to_have_url(re.compile(r"[?&]unit=\d"))
    assert_accessible(page, "dasbor HR terfilter")
    journey.step("filter by unit")

    _hr_nav(page, "Pegawai")
    page.locator("table a[href*='/hr/pegawai/']").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "transkrip pegawai")
    journey.step("transcript")

    _hr_nav(page, "Ekspor")
    with page.expect_download() as download:
        page.locator('a[href*="riwayat-kursus.csv"]').click()
    text = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    header = next(csv.reader(io.StringIO(text)))
    assert all(column in header for column in NATIONAL_COLUMNS), header
    journey.step("export the national CSV")

    _hr_nav(page, "Impor")
    assert_accessible(page, "impor pegawai")
    nip, _ = make_nip(random.Random())
    bad_nip = "19901301" + nip[8:]  # month 13 in the birth date
    staff_file = tmp_path / "pegawai.csv"
    staff_file.write_text(
        "nip,nama,email,kode unit,jabatan,golongan\n"
        f"{nip},Dewi Lestari,dewi.{nip[-6:]}@contoh.go.id,SR-DINKES,,III/a\n"
        f"{bad_nip},Agus Salim,agus.{nip[-6:]}@contoh.go.id,SR-DINKES,,III/b\n"
    )
    page.set_input_files("input[type=file]", str(staff_file))
    page.get_by_role("button", name="Periksa berkas (uji coba)").click()
    page.wait_for_load_state("load")
    bad_row = page.locator("tr", has_text=bad_nip)
    expect(bad_row).to_be_visible()
    expect(bad_row).to_contain_text("tanggal lahir")
    assert_accessible(page, "hasil uji coba impor")
    journey.step("import dry run shows the bad row's reason")
    journey.finish()
