"""The discussion pages read in a fixed number of queries, however many threads
and posts there are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.discussion.services import reply, start_thread
from tests.factories import client_as


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_thread_list_and_thread_page_query_counts_do_not_grow(
    member, classmate, course
):
    client = client_as(member)
    thread = start_thread(user=member, course=course, title="Satu", body="Isi")
    reply(user=classmate, thread=thread, body="Balasan")
    list_url = reverse("discussion:course", args=[course.pk])
    thread_url = reverse("discussion:thread", args=[thread.pk])
    client.get(list_url)  # the session and the cached user, once
    few = (_queries(client, list_url), _queries(client, thread_url))
    for n in range(5):
        start_thread(user=classmate, course=course, title=f"Topik {n}", body="Isi")
        reply(user=member, thread=thread, body=f"Balasan {n}")
        reply(user=classmate, thread=thread, body=f"Jawaban {n}")
    many = (_queries(client, list_url), _queries(client, thread_url))
    assert many == few
