"""The course's trainer (and administrators) pin, lock, hide with a reason,
mark answers and handle reports."""

import pytest
from django.core import mail
from django.urls import reverse

from lms.audit.models import AuditEvent
from lms.discussion.models import Post, PostReport, Thread
from lms.discussion.services import reply, start_thread
from tests.factories import client_as


@pytest.fixture
def thread(member, course):
    return start_thread(
        user=member, course=course, title="Tanya SOP", body="Bagaimana alurnya?"
    )


def test_pinned_thread_comes_first(member, course, trainer, thread):
    start_thread(user=member, course=course, title="Topik lebih baru", body="Baru")
    client_as(trainer).post(
        reverse("discussion:moderate_thread", args=[thread.pk]), {"action": "pin"}
    )
    page = client_as(member).get(reverse("discussion:course", args=[course.pk]))
    text = page.content.decode()
    assert text.index("Tanya SOP") < text.index("Topik lebih baru")
    assert AuditEvent.objects.filter(action="discussion.pin").exists()


def test_locked_thread_takes_no_more_replies_from_learners(thread, trainer, classmate):
    client_as(trainer).post(
        reverse("discussion:moderate_thread", args=[thread.pk]), {"action": "lock"}
    )
    url = reverse("discussion:thread", args=[thread.pk])
    response = client_as(classmate).post(url, {"body": "Masih mau tanya"})
    assert response.status_code == 403
    # What was typed is still in the form.
    assert "Masih mau tanya" in response.content.decode()
    assert not Post.objects.filter(body="Masih mau tanya").exists()
    assert "dikunci" in client_as(classmate).get(url).content.decode()
    # The trainer may still close the thread with a word.
    client_as(trainer).post(url, {"body": "Ditutup, terima kasih."})
    assert Post.objects.filter(body="Ditutup, terima kasih.").exists()


def test_hidden_post_shows_the_reason_not_the_text(thread, classmate, trainer, member):
    post = reply(user=classmate, thread=thread, body="Promosi pinjaman online")
    url = reverse("discussion:moderate_post", args=[post.pk])
    form = client_as(trainer).get(url)
    assert form.status_code == 200
    # No reason: the form again, nothing hidden.
    assert (
        client_as(trainer).post(url, {"action": "hide", "reason": ""}).status_code
        == 200
    )
    assert not Post.objects.get(pk=post.pk).is_hidden
    client_as(trainer).post(url, {"action": "hide", "reason": "Iklan, bukan diskusi"})
    page = client_as(member).get(reverse("discussion:thread", args=[thread.pk]))
    text = page.content.decode()
    assert "Iklan, bukan diskusi" in text
    assert "Promosi pinjaman online" not in text
    # The moderator can still read it, and show it again.
    assert (
        "Promosi pinjaman online"
        in client_as(trainer)
        .get(reverse("discussion:thread", args=[thread.pk]))
        .content.decode()
    )
    client_as(trainer).post(url, {"action": "unhide"})
    assert not Post.objects.get(pk=post.pk).is_hidden


def test_hiding_the_first_post_hides_the_thread_from_learners(
    thread, trainer, classmate, course
):
    first = thread.posts.get()
    client_as(trainer).post(
        reverse("discussion:moderate_post", args=[first.pk]),
        {"action": "hide", "reason": "Data pribadi warga"},
    )
    listing = client_as(classmate).get(reverse("discussion:course", args=[course.pk]))
    assert "Tanya SOP" not in listing.content.decode()
    page = client_as(classmate).get(reverse("discussion:thread", args=[thread.pk]))
    assert "Data pribadi warga" in page.content.decode()
    assert "Bagaimana alurnya?" not in page.content.decode()


def test_trainer_marks_the_answer(thread, trainer, member, course):
    answer = reply(user=trainer, thread=thread, body="Lihat SOP nomor 3.")
    client_as(trainer).post(
        reverse("discussion:moderate_post", args=[answer.pk]), {"action": "answer"}
    )
    assert Post.objects.get(pk=answer.pk).is_answer
    listing = client_as(member).get(reverse("discussion:course", args=[course.pk]))
    assert "Dijawab pengajar" in listing.content.decode()


def test_a_report_reaches_the_trainer_not_the_author(
    thread, classmate, trainer, member
):
    post = thread.posts.get()
    response = client_as(classmate).post(
        reverse("discussion:report", args=[post.pk]), {"reason": "Menyinggung"}
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    reports = client_as(trainer).get(
        reverse("discussion:reports", args=[thread.course_id])
    )
    assert "Menyinggung" in reports.content.decode()
    # Reported twice by the same person: still one report.
    client_as(classmate).post(
        reverse("discussion:report", args=[post.pk]), {"reason": "Lagi"}
    )
    assert PostReport.objects.count() == 1
    # Learners do not see the reports list; the author is not told who reported.
    assert (
        client_as(member)
        .get(reverse("discussion:reports", args=[thread.course_id]))
        .status_code
        == 404
    )
    report = PostReport.objects.get()
    client_as(trainer).post(reverse("discussion:dismiss_report", args=[report.pk]))
    assert PostReport.objects.get().resolved_at is not None


def test_nobody_reports_their_own_post(thread, member):
    post = thread.posts.get()
    response = client_as(member).post(
        reverse("discussion:report", args=[post.pk]), {"reason": "x"}
    )
    assert response.status_code == 404
    assert not PostReport.objects.exists()


def test_moderation_of_a_thread_is_one_thread(thread, trainer):
    client_as(trainer).post(
        reverse("discussion:moderate_thread", args=[thread.pk]), {"action": "lock"}
    )
    assert Thread.objects.filter(is_locked=True).count() == 1
