"""A learner on a phone and on a desktop reads the course discussion, finds the
trainer's marked answer and posts a reply whose hostile text stays text."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.browser.staff import sign_in

pytestmark = pytest.mark.browser

FIND_ASKER = """
from lms.discussion.models import Thread
thread = Thread.objects.get(course__code="BCP", lesson__isnull=False)
print(thread.posts.first().user.email, thread.course.url, thread.title, sep="|")
"""


def test_learner_reads_the_answer_and_replies(page, viewport, live_site):
    found = live_site.shell(FIND_ASKER).strip().splitlines()[-1]
    email, course_url, title = found.split("|")
    sign_in(page, email)
    if "/akun/privasi/" in page.url:  # the demo staff's first sign-in
        page.get_by_role("button", name="Saya telah membaca dan memahami").click()
    page.goto(course_url)
    page.get_by_role("link", name="Diskusi kursus").click()
    expect(page.locator("h1")).to_have_text("Diskusi kursus")
    # The trainer's pinned welcome comes first.
    expect(page.locator(".thread-item").first).to_contain_text("Selamat datang")
    assert_accessible(page, "diskusi kursus")
    page.get_by_role("link", name=title).click()
    expect(page.locator(".post-answer")).to_contain_text("Jawaban pengajar")
    reply = (
        f"<script>alert(1)</script> Terima kasih ({viewport}) https://contoh.go.id/sop"
    )
    page.fill("textarea[name=body]", reply)
    page.get_by_role("button", name="Kirim balasan").click()
    expect(page).to_have_url(re.compile(r"/diskusi/topik/\d+/#p\d+$"))
    last = page.locator(".post").last
    expect(last).to_contain_text(f"<script>alert(1)</script> Terima kasih ({viewport})")
    expect(last.locator("a[href='https://contoh.go.id/sop']")).to_have_count(1)
    assert_accessible(page, "topik diskusi")
    page.screenshot(path=f"test-artifacts/discussion-{viewport}.png", full_page=True)
    # Reporting the trainer's welcome: the post is quoted on the report page, and
    # its policy link (one long word) must wrap, not widen the phone's screen.
    page.goto(course_url)
    page.get_by_role("link", name="Diskusi kursus").click()
    page.get_by_role("link", name=re.compile("^Selamat datang")).click()
    page.locator(".post").first.get_by_role("link", name="Laporkan").click()
    expect(page.locator("blockquote.post-body")).to_contain_text("menpan.go.id")
    width = int(viewport.removesuffix("px"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page, "laporkan pesan")
