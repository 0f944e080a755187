"""A new ASN learner, on a phone and on a desktop, from sign-up to a finished course."""

import io
import random
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.helpers import Journey, WeightMeter, assert_accessible, make_nip
from tests.browser.quiz_steps import take_quiz

pytestmark = pytest.mark.browser

LESSON_PAGE_BUDGET = 50 * 1024


def _choose_option(page, select: str, text: str) -> None:
    value = page.locator(f"{select} option", has_text=text).first.get_attribute("value")
    page.select_option(select, value)


def test_new_learner_signs_up_enrols_and_finishes_a_course(
    page, browser, viewport, live_site
):
    journey = Journey("learner journey")
    rng = random.Random()
    email = f"asn-{uuid.uuid4().hex[:10]}@contoh.go.id"
    password = "Pelayanan-Tangguh-2026"
    nip, birth = make_nip(rng)

    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "beranda")
    page.get_by_role("link", name="Daftar", exact=True).click()
    expect(page).to_have_url(re.compile(r"/accounts/signup/"))
    assert_accessible(page, "daftar akun")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", password)
    page.fill("input[name=password2]", password)
    page.locator("main form button[type=submit]").click()
    journey.step("sign up")

    expect(page).to_have_url(re.compile(r"/akun/privasi/"))
    expect(page.locator("h1")).to_have_text("Pemberitahuan privasi")
    assert_accessible(page, "pemberitahuan privasi")
    page.get_by_role("button", name="Saya telah membaca dan memahami").click()
    journey.step("privacy notice")

    expect(page).to_have_url(re.compile(r"/akun/profil/"))
    page.fill("input[name=full_name]", "Rina Wulandari")
    page.fill("input[name=birth_place]", "Makassar")
    page.fill("input[name=birth_date]", birth.isoformat())
    # A unit no demo programme rule covers: everyone of Dinas Kesehatan is
    # assigned "Pelayanan Publik Tangguh Krisis" (and so enrolled) on saving.
    _choose_option(page, "select[name=unit]", "Badan Penanggulangan Bencana Daerah")
    page.fill("input[name=nip]", nip[:8] + "13" + nip[10:])  # appointment month 13
    page.get_by_role("button", name="Simpan profil").click()
    nip_field = page.locator(".field-error", has=page.locator("input[name=nip]"))
    expect(nip_field.locator(".error")).to_be_visible()
    expect(page.locator("input[name=full_name]")).to_have_value("Rina Wulandari")
    assert_accessible(page, "profil dengan galat")
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    page.fill("input[name=nip]", spaced)
    page.get_by_role("button", name="Simpan profil").click()
    expect(page.locator(".msg", has_text="Profil Anda tersimpan")).to_be_visible()
    journey.step("ASN profile with a NIP (a wrong one first)")

    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Katalog"
    ).click()
    expect(page.locator(".card h3 a").first).to_be_visible()
    assert_accessible(page, "katalog")
    page.locator(".card h3 a").first.click()
    expect(page.get_by_role("button", name="Daftar ke kursus ini")).to_be_visible()
    course_title = page.locator("h1").inner_text()
    course_url = page.url
    assert_accessible(page, "halaman kursus")
    page.get_by_role("button", name="Daftar ke kursus ini").click()
    journey.step("enrol")

    if journey.has("quiz", "pre-test before the first lesson"):
        # The demo course requires its pre-test before the first lesson.
        expect(page).to_have_url(re.compile(r"/pre-test/"))
        take_quiz(page, live_site, correct=False)
        expect(page.locator(".score-value")).to_be_visible()
        assert_accessible(page, "hasil pre-test")
        page.get_by_role("link", name="Lanjut ke pelajaran").click()
        page.get_by_role(
            "link", name=re.compile("Mulai belajar|Lanjutkan belajar")
        ).click()
        journey.step("pre-test taken before the first lesson")

    meter = WeightMeter(page)
    lesson_count = 0
    while True:
        expect(page.get_by_role("button", name="Tandai selesai")).to_be_visible()
        if lesson_count == 0:
            assert_accessible(page, "halaman pelajaran")
            meter.reset()
            page.reload()
            page.wait_for_load_state("load")
            weight = meter.text_bytes()
            assert sum(weight.values()) < LESSON_PAGE_BUDGET, weight
        lesson_count += 1
        page.get_by_role("button", name="Tandai selesai").click()
        page.wait_for_load_state("load")
        if "/kursus-saya/" in page.url:
            break
        if not page.get_by_role("button", name="Tandai selesai").count():
            break  # back on the course page: the post-test is next
        assert lesson_count < 50, "the lessons never ended"
    journey.step(f"{lesson_count} lessons marked done")

    if journey.has("quiz", "post-test after the lessons"):
        page.get_by_role("link", name="Kerjakan post-test").click()
        take_quiz(page, live_site, correct=True, drop_connection=True)
        expect(page.locator(".badge-ok", has_text="Lulus")).to_be_visible()
        assert_accessible(page, "hasil post-test")
        journey.step("post-test passed, with the connection dropped mid-quiz")
        page.get_by_role("navigation", name="Menu utama").get_by_role(
            "link", name="Kursus saya"
        ).click()

    _evaluation_steps(page, course_url, journey)

    card = page.locator(".my-courses .card", has_text=course_title)
    expect(card.locator(".progress-label")).to_contain_text("100%")
    assert_accessible(page, "kursus saya")
    journey.step("Kursus saya shows 100 %")

    if journey.has("certificates", "certificate appears, downloads, QR URL valid"):
        _certificate_steps(page, browser, course_title, journey)

    journey.finish()


def _evaluation_steps(page, course_url: str, journey: Journey) -> None:
    """The demo course holds its certificate back until its evaluation is sent:
    1-5 as large choices; a question left out first, and nothing chosen is lost."""
    page.goto(course_url)
    page.get_by_role("link", name="Isi evaluasi").click()
    expect(page.locator("h1")).to_have_text("Evaluasi penyelenggaraan")
    assert_accessible(page, "formulir evaluasi")
    comment = "Studi kasusnya dekat dengan pekerjaan saya di puskesmas."
    questions = page.locator("fieldset.eval-question")
    for index in range(questions.count() - 1):
        questions.nth(index).locator("label.eval-option").nth(3).click()
    page.locator("textarea").first.fill(comment)
    page.get_by_role("button", name="Kirim evaluasi").click()
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.locator("textarea").first).to_have_value(comment)
    expect(questions.first.locator("input[value='4']")).to_be_checked()
    assert_accessible(page, "formulir evaluasi dengan galat")
    questions.last.locator("label.eval-option").nth(4).click()
    page.get_by_role("button", name="Kirim evaluasi").click()
    expect(page.locator(".msg", has_text="evaluasi Anda terkirim")).to_be_visible()
    journey.step("course evaluation sent (one answer left out first, nothing lost)")
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Kursus saya"
    ).click()


def _certificate_steps(page, browser, course_title: str, journey: Journey) -> None:
    """No click issues it: the certificate is there, downloads, and verifies by QR."""
    page.get_by_role("link", name="Sertifikat saya").first.click()
    card = page.locator(".cert-list .card", has_text=course_title)
    expect(card).to_be_visible()
    assert_accessible(page, "sertifikat saya")
    with page.expect_download() as download:
        card.get_by_role("link", name="Unduh PDF").click()
    pdf_bytes = Path(download.value.path()).read_bytes()
    assert pdf_bytes.startswith(b"%PDF")
    text = " ".join(
        page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf_bytes)).pages
    )
    share_link = card.locator("input.share-link").input_value()
    # The URL printed under the QR code is the one the QR code holds.
    assert share_link.split("://", 1)[1] in re.sub(r"\s+", "", text), text[:500]
    journey.step("certificate appeared by itself and downloads as a PDF")

    stranger = browser.new_context(viewport=page.viewport_size)
    try:
        verify = stranger.new_page()
        verify.goto(share_link)
        expect(verify.locator("h1")).to_contain_text("Sertifikat sah")
        expect(verify.locator("main")).to_contain_text(course_title)
    finally:
        stranger.close()
    page.goto(share_link)
    assert_accessible(page, "verifikasi sertifikat")
    journey.step("the QR code's URL shows it valid to anyone")
