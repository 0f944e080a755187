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


def test_posts_the_demo_or_an_import_dates_itself_use_up_nobodys_rate(
    shared_memory_cache, settings, member, course
):
    """The demo seed writes its threads with their own dates; the people it wrote
    for can still post at once (before, their first minute was used up)."""
    import datetime

    from django.utils import timezone

    settings.SIGAP_DISCUSSION_POST_RATE = "2/m"
    earlier = timezone.now() - datetime.timedelta(days=2)
    for number in range(3):
        thread = start_thread(
            user=member, course=course, title=f"Lama {number}", body="x", now=earlier
        )
    url = reverse("discussion:thread", args=[thread.pk])
    assert client_as(member).post(url, {"body": "Sekarang"}).status_code == 302
