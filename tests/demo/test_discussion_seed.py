"""The demo's course discussions show every part: a pinned announcement, a
learner's question answered by the trainer and marked, a hidden post with its
reason shown to learners."""

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.discussion.models import Post, Thread
from tests.factories import client_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_demo")]


def test_demo_discussion_has_each_part():
    thread = Thread.objects.get(course__code="BCP", lesson__isnull=False)
    answer = Post.objects.get(thread=thread, is_answer=True)
    assert answer.user.email == "pengajar@sigap.test"
    asker = thread.posts.first().user
    assert asker.enrolments.filter(course=thread.course).exists()
    assert asker != answer.user
    assert Thread.objects.filter(course__code="BCP", is_pinned=True).count() == 1
    hidden = Post.objects.get(thread__course__code="BCP", hidden_at__isnull=False)
    # Demo staff have not yet seen the privacy notice (shown at first sign-in).
    asker.privacy_notice_shown_at = timezone.now()
    asker.save(update_fields=["privacy_notice_shown_at"])
    page = client_as(asker).get(reverse("discussion:thread", args=[hidden.thread_id]))
    text = page.content.decode()
    assert hidden.hidden_reason in text
    assert "3201000000000001" not in text
