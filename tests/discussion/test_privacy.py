"""Posts in the privacy export (one's own only) and erasure ("[dihapus]")."""

from django.urls import reverse

from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from lms.discussion.models import Post, PostReport, Thread
from lms.discussion.services import reply, report_post, start_thread
from tests.factories import client_as


def test_export_holds_ones_posts_and_reports_not_other_peoples(
    member, classmate, course
):
    thread = start_thread(user=member, course=course, title="Judul", body="Punya saya")
    other = reply(user=classmate, thread=thread, body="Punya Sari")
    report_post(user=member, post=other, reason="Saya laporkan")
    report_post(user=classmate, post=thread.posts.first(), reason="Sari melapor")
    mine = collect_personal_data(user=member).sections
    assert [row["body"] for row in mine["discussion.post"]] == ["Punya saya"]
    assert [row["title"] for row in mine["discussion.thread"]] == ["Judul"]
    assert [row["reason"] for row in mine["discussion.postreport"]] == ["Saya laporkan"]
    theirs = collect_personal_data(user=classmate).sections
    assert [row["body"] for row in theirs["discussion.post"]] == ["Punya Sari"]
    assert [row["reason"] for row in theirs["discussion.postreport"]] == [
        "Sari melapor"
    ]


def test_erased_persons_posts_stay_as_dihapus_by_nobody(
    member, classmate, course, admin_user
):
    thread = start_thread(user=member, course=course, title="Nama saya Budi", body="X")
    reply(user=classmate, thread=thread, body="Jawaban Sari")
    report_post(user=member, post=thread.posts.last(), reason="laporan")
    erase_person(person=member, by=admin_user)
    first = Post.objects.order_by("pk").first()
    assert first.user is None and first.body == ""
    assert Thread.objects.get().title == "[dihapus]"
    assert Thread.objects.get().started_by is None
    assert not PostReport.objects.exists()
    page = client_as(classmate).get(reverse("discussion:thread", args=[thread.pk]))
    text = page.content.decode()
    assert "[dihapus]" in text and "Jawaban Sari" in text
    assert "Budi" not in text
