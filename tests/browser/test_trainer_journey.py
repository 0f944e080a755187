"""A trainer writes a course in the Wagtail admin, a reviewer approves it, learners
find it in the catalogue.

The trainer (Pengajar) builds a course with two lessons and a quiz whose question
comes from the question bank, and can only submit it for review; the reviewer
(Peninjau) approves every page from the dashboard, and only then does the course
appear in the public catalogue.
"""

import random
import re
import string

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible
from tests.browser.staff import reach_staff_area, sign_in

pytestmark = pytest.mark.browser

TRAINER_EMAIL = "pengajar@sigap.test"
REVIEWER_EMAIL = "peninjau@sigap.test"
LEARNER_EMAIL = "peserta@sigap.test"
LESSONS = [
    ("Mengenali tanda bahaya banjir", "Air naik cepat: pantau tinggi muka air."),
    ("Membuka posko layanan darurat", "Posko buka 24 jam dengan data pengungsi."),
]


def _sign_in_as_staff(page, live_site, email: str) -> None:
    """Another person on the same browser (cookies cleared), MFA set up afresh."""
    live_site.shell(
        "from allauth.mfa.models import Authenticator; "
        f"Authenticator.objects.filter(user__email='{email}').delete()"
    )
    page.context.clear_cookies()
    sign_in(page, email)
    reach_staff_area(page, "/cms/")


def _no_publish_button(page) -> None:
    expect(page.locator("button[name=action-publish]")).to_have_count(0)


def _autosaved(page) -> None:
    """Wait for Wagtail's autosave (after 500 ms of quiet) to finish: a submit sent
    while it saves, or while it turns the new page's form into an edit form, posts
    a stale form."""
    page.wait_for_timeout(1_000)
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", re.compile("saving|paused")
    )


def _save_draft(page) -> None:
    """Lessons and quizzes have no review of their own: they are saved as drafts
    and go to review with their course ("Ajukan seluruh kursus")."""
    _no_publish_button(page)
    _autosaved(page)
    page.get_by_role("button", name="Simpan konsep", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cms/pages/\d+/edit/"))


def _submit_whole_course(page) -> None:
    _no_publish_button(page)
    _autosaved(page)
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_contain_text("Ajukan seluruh kursus")
    submit.click()
    page.wait_for_load_state("load")


def _fill_title(page, title: str) -> None:
    """Type the title as a person would, leaving the field so the slug follows it."""
    field = page.locator("#id_title")
    field.click()
    field.fill(title)
    field.press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")


def _add_child(page, course_id: int, page_type: str) -> None:
    page.goto(f"/cms/pages/{course_id}/add_subpage/")
    page.get_by_role("link", name=page_type, exact=True).click()
    expect(page.locator("#id_title")).to_be_visible()


def _add_stream_block(page, block: str) -> None:
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=block, exact=True).click()


def test_trainer_course_goes_live_only_after_a_reviewer_approves(page, live_site):
    journey = Journey("trainer journey")
    suffix = "".join(random.choices(string.ascii_uppercase, k=6))
    title = f"Tanggap Banjir untuk Layanan Publik {suffix}"
    lessons = [(f"{name} {suffix}", text) for name, text in LESSONS]
    quiz_title = f"Kuis tanggap banjir {suffix}"
    question_text = f"Apa langkah pertama saat banjir datang? ({suffix})"

    _sign_in_as_staff(page, live_site, TRAINER_EMAIL)
    page.goto("/cms/pages/")
    page.get_by_role("link", name=re.compile("turunan dari 'Sigap")).click()
    page.get_by_role("link", name=re.compile("turunan dari 'Katalog Kursus'")).click()
    page.get_by_role("link", name="Tambahkan halaman turunan", exact=True).click()
    expect(page).to_have_url(re.compile(r"/pages/add/courses/coursepage/"))
    _no_publish_button(page)
    _fill_title(page, title)
    page.fill("#id_summary", "Menjaga layanan publik tetap berjalan saat banjir.")
    page.fill("#id_code", f"TB{suffix}")
    page.fill("#id_jp", "2")
    page.select_option("#id_trainer", label="Dr. Budi Santoso, M.A.P.")
    page.get_by_role("button", name="Simpan konsep").click()
    expect(page).to_have_url(re.compile(r"/cms/pages/\d+/edit/"))
    course_id = int(re.search(r"/pages/(\d+)/", page.url).group(1))
    journey.step("sign in with MFA, create a course in the catalogue as a draft")

    page.goto("/cms/snippets/quizzes/question/")
    page.locator("a[href$='/question/add/']").first.click()
    page.get_by_role("button", name="Pilih halaman (Kursus)").click()
    page.locator(".modal").get_by_role("link", name=title, exact=True).click()
    page.select_option("#id_type", "single")
    page.fill("#id_text", question_text)
    choices = [("Evakuasi warga ke titik kumpul", True), ("Menunggu air surut", False)]
    for index, (text, correct) in enumerate(choices):
        page.locator("#id_choices-ADD").click()
        page.fill(f"#id_choices-{index}-text", text)
        if correct:
            page.check(f"#id_choices-{index}-is_correct")
    # Autosave creates the question once the form is valid; a click while it is
    # still turning the create form into an edit form would create it again.
    _autosaved(page)
    page.get_by_role("button", name="Simpan", exact=True).click()
    # "dibuat" when the click created it, "diperbarui" when autosave had.
    expect(page.locator(".messages")).to_contain_text(re.compile("dibuat|diperbarui"))
    page.locator("input[name=q]").last.fill(suffix)
    page.locator("input[name=q]").last.press("Enter")
    expect(page.locator("main table")).to_contain_text(question_text)
    journey.step("a question in the course's bank, found again by searching")

    for lesson_title, text in lessons:
        _add_child(page, course_id, "Pelajaran")
        _no_publish_button(page)
        _fill_title(page, lesson_title)
        page.fill("#id_intro", text)
        _add_stream_block(page, "Teks")
        editor = page.locator(".public-DraftEditor-content").last
        editor.click()
        editor.press_sequentially(text)
        expect(editor).to_contain_text(text)
        _save_draft(page)
    journey.step("two lessons, saved as drafts")

    _add_child(page, course_id, "Kuis")
    _fill_title(page, quiz_title)
    page.select_option("#id_kind", "quiz")
    _add_stream_block(page, "Soal tetap")
    page.get_by_role("button", name="Pilih soal").click()
    chooser = page.locator(".modal")
    chooser.locator("input[name=q]").fill(suffix)
    chooser.get_by_role("link", name=re.compile(re.escape(suffix))).click()
    expect(chooser).to_be_hidden()
    _save_draft(page)
    journey.step("a quiz with the bank's question, saved as a draft")

    page.goto(f"/cms/pages/{course_id}/edit/")
    _submit_whole_course(page)
    page.goto(f"/cms/bulk/wagtailcore/page/publish/?id={course_id}")
    expect(page.locator("main")).to_contain_text("You don't have permission to publish")
    journey.step("whole course submitted; the trainer has no way to publish it")

    page.context.clear_cookies()
    page.goto("/katalog/")
    expect(page.locator(".card h3 a").first).to_be_visible()
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    journey.step("not in the catalogue before review")

    _sign_in_as_staff(page, live_site, REVIEWER_EMAIL)
    page.goto(f"/cms/kursus/{course_id}/tinjauan/")
    rows = page.locator("main table tbody tr")
    for name in [title, *(name for name, _ in lessons), quiz_title]:
        expect(rows.filter(has_text=name)).to_have_count(1)
    page.get_by_role("button", name="Setujui dan terbitkan seluruh kursus").click()
    expect(page.locator(".messages")).to_contain_text("disetujui dan diterbitkan")
    journey.step("the reviewer approves the whole course in one review")

    page.context.clear_cookies()
    sign_in(page, LEARNER_EMAIL)
    page.goto("/katalog/")
    card = page.locator(".card", has=page.get_by_role("link", name=title))
    expect(card).to_be_visible()
    assert_accessible(page, "katalog dengan kursus baru")
    card.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    for name, _ in lessons:
        expect(page.locator("main")).to_contain_text(name)
    expect(page.locator("main")).to_contain_text(quiz_title)
    assert_accessible(page, "halaman kursus baru")
    journey.step("a learner finds the course, its two lessons and its quiz")
    journey.finish()
