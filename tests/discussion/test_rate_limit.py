"""One person cannot flood a discussion: past the rate, nothing is posted and
what they typed stays in the form."""

from django.urls import reverse

from lms.discussion.models import Post
from lms.discussion.services import start_thread
from tests.factories import client_as


def test_posts_past_the_rate_are_refused_and_kept_in_the_form(
    shared_memory_cache, settings, member, classmate, course
):
    settings.SIGAP_DISCUSSION_POST_RATE = "3/m"
    thread = start_thread(user=member, course=course, title="Judul", body="Satu")
    url = reverse("discussion:thread", args=[thread.pk])
    client = client_as(member)
    assert client.post(url, {"body": "Dua"}).status_code == 302
    assert client.post(url, {"body": "Tiga"}).status_code == 302
    response = client.post(url, {"body": "Empat, banjir"})
    assert response.status_code == 429
    assert "Empat, banjir" in response.content.decode()
    assert not Post.objects.filter(body="Empat, banjir").exists()
    # Per person: a classmate still posts.
    assert client_as(classmate).post(url, {"body": "Saya juga"}).status_code == 302
