"""Named rules of the discussion: who reads, writes and moderates.

A course's discussion is for its enrolled learners, its trainer and
administrators. HR officers do not read discussions (their role gives them
nothing here; enrolled in the course as a learner, they take part as one).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from courses.models import Enrolment
from courses.permissions import is_course_trainer
from lms.accounts.permissions import is_admin

from .models import Post, Thread


def can_moderate(user, course) -> bool:
    """Pin, lock, hide, mark answers, see reports: the course's trainer and
    administrators."""
    return user.is_authenticated and (is_course_trainer(user, course) or is_admin(user))


def can_read_discussion(user, course) -> bool:
    """The course's enrolled learners (of a published course), its trainer and
    administrators."""
    if not user.is_authenticated:
        return False
    if can_moderate(user, course):
        return True
    return (
        course.live
        and user.is_active
        and Enrolment.objects.filter(user=user, course=course).exists()
    )


def can_see_thread(user, thread: Thread) -> bool:
    """A hidden thread is still found (its page says why it is hidden) by those
    who read the course's discussion."""
    return can_read_discussion(user, thread.course)


def can_reply(user, thread: Thread) -> bool:
    """Readers may reply to a thread that is neither locked nor hidden;
    moderators always may."""
    if can_moderate(user, thread.course):
        return True
    return (
        not thread.is_locked
        and not thread.is_hidden
        and can_read_discussion(user, thread.course)
    )


def edit_window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.SIGAP_DISCUSSION_EDIT_MINUTES)


def can_edit(
    user,
    post: Post,
    *,
    now: datetime.datetime | None = None,
    may_reply: bool | None = None,
) -> bool:
    """Authors edit their own post within ``SIGAP_DISCUSSION_EDIT_MINUTES`` of
    sending it, while it is not hidden and the thread not locked. ``may_reply``:
    ``can_reply`` for the thread, when the caller already knows it."""
    now = now or timezone.now()
    return (
        user.is_authenticated
        and post.user_id == user.pk
        and not post.is_hidden
        and now - post.created_at <= edit_window()
        and (may_reply if may_reply is not None else can_reply(user, post.thread))
    )


def can_report(user, post: Post) -> bool:
    """Any reader may report someone else's post."""
    return (
        user.is_authenticated
        and post.user_id != user.pk
        and not post.is_erased
        and can_read_discussion(user, post.thread.course)
    )
