"""Threads, replies, Tanya pengajar, escaping, edit window, mentions."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms.discussion.models import Post, Thread
from lms.discussion.services import reply, start_thread
from lms.discussion.text import render_post
from tests.factories import client_as


def test_learner_starts_a_thread_and_a_classmate_replies(member, classmate, course):
    response = client_as(member).post(
        reverse("discussion:new_thread", args=[course.pk]),
        {"title": "Standar waktu layanan", "body": "Berapa lama SLA KTP?"},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("discussion:thread", args=[thread.pk])
    response = client_as(classmate).post(
        reverse("discussion:thread", args=[thread.pk]), {"body": "Di kami 1 hari."}
    )
    assert response.status_code == 302
    page = client_as(member).get(reverse("discussion:thread", args=[thread.pk]))
    text = page.content.decode()
    assert "Berapa lama SLA KTP?" in text and "Di kami 1 hari." in text
    listing = client_as(classmate).get(reverse("discussion:course", args=[course.pk]))
    assert "Standar waktu layanan" in listing.content.decode()


def test_nothing_typed_is_lost_when_the_title_is_missing(member, course):
    response = client_as(member).post(
        reverse("discussion:new_thread", args=[course.pk]),
        {"title": "", "body": "Pertanyaan panjang yang sudah saya ketik."},
    )
    assert response.status_code == 200
    assert "Pertanyaan panjang yang sudah saya ketik." in response.content.decode()
    assert not Thread.objects.exists()


HOSTILE = (
    '<script>alert("x")</script> lihat javascript:alert(1) '
    "dan https://contoh.go.id/sop?a=1&b=<b>2</b>."
)


def test_hostile_text_is_escaped_and_only_http_links_are_made():
    html = render_post(HOSTILE + "\n\n<img src=x onerror=alert(1)>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img" in html
    assert 'href="javascript' not in html
    assert '<a href="https://contoh.go.id/sop?a=1&amp;b=&lt;b&gt;2' not in html
    assert '<a href="https://contoh.go.id/sop?a=1&amp;b=" rel=' in html
    # The full stop after the address ends the sentence, not the link.
    assert html.count("<a ") == 1 and "nofollow" in html


@pytest.mark.parametrize(
    "body",
    [
        'https://x.go.id/" onmouseover="alert(1)',
        "https://x.go.id/'onmouseover='alert(1)",
        "JAVASCRIPT://%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_no_attribute_or_scheme_escapes_from_a_link(body):
    html = render_post(body)
    assert "onmouseover=" not in html.replace("onmouseover=&quot;", "").replace(
        "onmouseover=&#x27;", ""
    )
    assert 'href="javascript' not in html.lower()
    assert 'href="data' not in html
    assert "<script" not in html


def test_hostile_thread_is_escaped_on_every_page(member, course, trainer):
    thread = start_thread(
        user=member, course=course, title="<script>alert(1)</script>", body=HOSTILE
    )
    for url in (
        reverse("discussion:course", args=[course.pk]),
        reverse("discussion:thread", args=[thread.pk]),
    ):
        page = client_as(trainer).get(url).content.decode()
        assert "<script>alert" not in page


def test_tanya_pengajar_opens_from_the_lesson_page(member, course, trainer):
    lesson = course.get_children().first().specific
    lesson_page = client_as(member).get(lesson.url)
    ask_url = reverse("discussion:lesson", args=[lesson.pk])
    assert ask_url in lesson_page.content.decode()
    assert client_as(member).get(ask_url).status_code == 200
    response = client_as(member).post(ask_url, {"body": "@pengajar apa itu SPM?"})
    thread = Thread.objects.get(lesson=lesson)
    assert response.status_code == 302
    assert thread.course_id == course.pk and lesson.title in thread.title
    # The trainer was mentioned: told at once.
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    assert "apa itu SPM?" in mail.outbox[0].body
    # From then on the lesson's link leads to that thread.
    again = client_as(member).get(ask_url)
    assert again["Location"] == reverse("discussion:thread", args=[thread.pk])


def test_mentioning_the_trainer_by_first_name_notifies_them(member, course, trainer):
    start_thread(user=member, course=course, title="Tanya", body="Bu @rina, mohon.")
    assert [m.to for m in mail.outbox] == [[trainer.email]]


def test_no_mention_no_mail(member, course):
    start_thread(user=member, course=course, title="Tanya", body="Tanpa sebutan.")
    assert mail.outbox == []


def test_author_edits_within_the_window_only(member, course, settings):
    settings.SIGAP_DISCUSSION_EDIT_MINUTES = 15
    thread = start_thread(user=member, course=course, title="Judul", body="Salah ketk")
    post = thread.posts.get()
    url = reverse("discussion:edit", args=[post.pk])
    response = client_as(member).post(url, {"body": "Salah ketik"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Salah ketik" and post.edited_at is not None
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = client_as(member).post(url, {"body": "Terlambat diubah"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Salah ketik"


def test_nobody_edits_someone_elses_post(member, classmate, course):
    thread = start_thread(user=member, course=course, title="Judul", body="Asli")
    post = thread.posts.get()
    response = client_as(classmate).post(
        reverse("discussion:edit", args=[post.pk]), {"body": "Dipalsukan"}
    )
    assert response.status_code == 404
    post.refresh_from_db()
    assert post.body == "Asli"


def test_the_trainers_posts_are_marked_as_the_trainers(member, course, trainer):
    thread = start_thread(user=member, course=course, title="Judul", body="Tanya")
    reply(user=trainer, thread=thread, body="Jawab")
    page = client_as(member).get(reverse("discussion:thread", args=[thread.pk]))
    assert page.content.decode().count('<span class="badge">Pengajar</span>') == 1
