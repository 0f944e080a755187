"""The e-mail digest of replies: sent once per period, only with replies,
never to those who opted out."""

import datetime
import re

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lms.discussion.models import DigestState
from lms.discussion.services import reply, send_reply_digests, start_thread
from tests.factories import client_as


def test_digest_of_replies_goes_once(member, classmate, course, trainer):
    thread = start_thread(user=member, course=course, title="SLA KTP", body="Tanya")
    reply(user=classmate, thread=thread, body="Di kami 1 hari kerja.")
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(minutes=5)
    assert (
        send_reply_digests(now=later) == 3
    )  # member, classmate (the first post), trainer
    by_person = {m.to[0]: m for m in mail.outbox}
    assert "Di kami 1 hari kerja." in by_person[member.email].body
    assert "SLA KTP" in by_person[trainer.email].body
    # Nobody gets their own post.
    assert "Di kami 1 hari kerja." not in by_person[classmate.email].body
    mail.outbox.clear()
    assert send_reply_digests(now=later + datetime.timedelta(minutes=1)) == 0
    assert mail.outbox == []


def test_no_replies_no_digest(member, course):
    start_thread(user=member, course=course, title="Sepi", body="Ada orang?")
    mail.outbox.clear()
    # The trainer has a new post to read; the learner has no reply.
    send_reply_digests(now=timezone.now() + datetime.timedelta(minutes=1))
    assert member.email not in [m.to[0] for m in mail.outbox]


def test_opted_out_person_gets_no_digest_and_the_link_works(member, classmate, course):
    thread = start_thread(user=member, course=course, title="Judul", body="Tanya")
    reply(user=classmate, thread=thread, body="Jawab")
    mail.outbox.clear()
    send_reply_digests(now=timezone.now() + datetime.timedelta(minutes=1))
    message = next(m for m in mail.outbox if m.to == [member.email])
    link = re.search(r"https?://\S+/diskusi/ringkasan/berhenti/\S+/", message.body)
    path = "/" + link.group(0).split("/", 3)[3]
    anonymous = Client()
    page = anonymous.get(path)
    assert page.status_code == 200
    assert not DigestState.objects.get(user=member).opt_out  # GET changes nothing
    anonymous.post(path)
    assert DigestState.objects.get(user=member).opt_out
    reply(user=classmate, thread=thread, body="Balasan kedua")
    mail.outbox.clear()
    send_reply_digests(now=timezone.now() + datetime.timedelta(days=2))
    assert member.email not in [m.to[0] for m in mail.outbox]
    assert Client().get("/diskusi/ringkasan/berhenti/palsu/").status_code == 404


def test_the_opt_out_on_the_discussion_page(member, course):
    client_as(member).post(
        reverse("discussion:digest_preference"), {"course": course.pk}
    )
    assert DigestState.objects.get(user=member).opt_out
    client_as(member).post(
        reverse("discussion:digest_preference"), {"digest": "on", "course": course.pk}
    )
    assert not DigestState.objects.get(user=member).opt_out
