"""The demo webinar files load: a course with one past live session, its
speakers, a transcript from the source text, a Zoom report and a post-test."""

from demo.loader import load_webinars


def test_the_demo_webinar_loads_as_a_course_with_a_past_session():
    [webinar] = load_webinars()
    session = webinar["session"]
    assert webinar["title"].endswith("Dinamika Pelayanan Publik Masa Pandemi COVID-19")
    assert session["starts"] < session["ends"]
    assert session["starts"].year == 2020
    assert len(session["speakers"]) == 3
    assert b"210 negara" in session["transcript"]
    assert b"tamu.undangan@contoh.go.id" in session["attendance_report"]
    assert webinar["lessons"] and webinar["posttest"]
