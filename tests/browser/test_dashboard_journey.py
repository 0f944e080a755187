"""Issue 19's journeys on the seeded demo: the learner's dashboard on a phone
(what is due, the programme, the calendar and its feed, a notification opened) and
the supervisor's team page on a desktop."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import Journey, assert_accessible
from tests.browser.staff import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["360px"], indirect=True)
def test_learner_dashboard_due_dates_calendar_feed_and_notification(page, live_site):
    journey = Journey("learner dashboard journey")
    sign_in(page, "peserta@sigap.test")
    page.goto("/kursus-saya/")
    main = page.locator("main")
    expect(main.locator("#due-title")).to_be_visible()
    due = main.locator(".agenda-list").first
    # The demo webinar's follow-up session, a week ahead, and the programme's due
    # date on each of its courses.
    expect(due).to_contain_text("Klinik tanya jawab")
    expect(due).to_contain_text("Batas waktu kursus")
    expect(main).to_contain_text("Program saya")
    expect(main).to_contain_text("Pelayanan Publik Tangguh Krisis")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, "kursus saya")
    journey.step("dashboard: due dates, session, programme")

    page.get_by_role("link", name="Lihat kalender").click()
    expect(page.locator("h1")).to_have_text("Kalender belajar")
    expect(page.locator(".month-grid .busy").first).to_be_visible()
    assert_accessible(page, "kalender belajar")
    journey.step("month calendar")

    page.goto("/kursus-saya/")
    page.get_by_text("Tambahkan ke kalender ponsel").click()
    feed_url = page.locator("input.feed-url").input_value()
    feed = page.context.request.get(feed_url)
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")
    body = feed.text()
    assert body.startswith("BEGIN:VCALENDAR") and "Klinik tanya jawab" in body
    assert "meet.example.invalid" not in body  # never the meeting link
    journey.step("calendar feed read as a phone's calendar app would")

    badge = page.locator(".site-nav .badge-count")
    expect(badge).to_be_visible()
    unread = int(re.match(r"\d+", badge.inner_text()).group())
    page.get_by_role("link", name=re.compile("^Notifikasi")).click()
    first = page.locator(".notification-list .unread").first
    expect(first).to_contain_text("perlu direvisi")
    first.get_by_role("button").click()
    # The task's page, or (the module's pre-test not taken yet) its course page
    # saying what to do first: never a dead end.
    expect(page.locator("main h1")).to_be_visible()
    assert "/notifikasi/" not in page.url and "Not Found" not in page.title()
    if unread > 1:
        expect(page.locator(".site-nav .badge-count")).to_contain_text(str(unread - 1))
    else:
        expect(page.locator(".site-nav .badge-count")).to_have_count(0)
    journey.step("notification opened: the task sent back, marked read")
    journey.finish()


@pytest.mark.parametrize("viewport", ["1280px"], indirect=True)
def test_supervisor_sees_the_team_and_an_overdue_course(page, live_site):
    journey = Journey("supervisor journey")
    sign_in(page, "atasan@sigap.test")
    page.goto("/tim/")
    expect(page.locator("h1")).to_have_text("Tim saya")
    main = page.locator("main")
    expect(main).to_contain_text("Terlambat")
    assert_accessible(page, "tim saya")
    journey.step("team page with an overdue course")
    journey.finish()
