"""Discussion writes: threads, replies, edits, reports, moderation, the reply
digest and its opt-out, and erasure of a person's posts."""

import datetime
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage
from lms.accounts.models import User
from lms.audit.services import record_event
from lms.emails import absolute_url, send_email

from . import permissions
from .models import DigestState, Post, PostReport, Thread
from .selectors import digest_candidates, replies_for
from .text import mentions

DIGEST_OPT_OUT_SALT = "sigap.discussion.digest-opt-out"
# How far back a first digest (or one after a long pause) looks for replies.
DIGEST_LOOKBACK = datetime.timedelta(days=7)


class DiscussionRefused(Exception):
    """The person may not do this here (a view answers 404)."""


class TooManyPosts(Exception):
    """More posts or reports than ``SIGAP_DISCUSSION_POST_RATE`` allows."""


class AlreadyReported(Exception):
    """The person already reported this post."""


# --- flooding -----------------------------------------------------------------


def _rate() -> tuple[int, int]:
    count, _sep, period = settings.SIGAP_DISCUSSION_POST_RATE.partition("/")
    return int(count), {"s": 1, "m": 60, "h": 3600}[period.strip() or "m"]


def _count_write(user: User, kind: str, *, now=None) -> None:
    """Count one write of ``user`` in the shared cache; refuse past the limit.
    Per person (not per address: many learners of one office share one). A write
    the caller dates itself (``now``: the demo seed, an import) is no one typing
    and is not counted: the demo's posts once used up its people's first minute."""
    if now is not None:
        return
    limit, period = _rate()
    key = f"sigap:discussion:{kind}:{user.pk}:{int(time.time() // period)}"
    if cache.add(key, 1, period + 1):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.add(key, 1, period + 1)
            count = 1
    if count > limit:
        raise TooManyPosts


# --- writing ------------------------------------------------------------------


def _mention_handles(trainer: User) -> set[str]:
    """How a learner may call the trainer: ``@pengajar``, their first name, or
    the part of their e-mail address before the @."""
    handles = {"pengajar"}
    first = (trainer.name or "").split()
    if first:
        handles.add(first[0].lower().strip(".,"))
    handles.add(trainer.email.split("@", 1)[0].lower())
    return handles


def _notify_mention(post: Post) -> bool:
    """E-mail the course's trainer when the post mentions them (once: at sending)."""
    course = post.thread.course
    trainer = course.trainer
    if (
        trainer is None
        or trainer.pk == post.user_id
        or not trainer.is_active
        or not mentions(post.body) & _mention_handles(trainer)
    ):
        return False
    send_email(
        kind="discussion_mention",
        to=trainer,
        context={
            "name": trainer.display_name,
            "author": post.user.display_name if post.user else "",
            "course": course.title,
            "thread": post.thread.title,
            "excerpt": " ".join(post.body.split())[:300],
            "url": absolute_url(
                "discussion:thread", thread_id=post.thread_id, fragment=f"p{post.pk}"
            ),
        },
        link=absolute_url(
            "discussion:thread", thread_id=post.thread_id, fragment=f"p{post.pk}"
        ),
    )
    return True


def _add_post(*, thread: Thread, user: User, body: str, now) -> Post:
    post = Post.objects.create(thread=thread, user=user, body=body, created_at=now)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now)
    thread.last_post_at = now
    return post


def start_thread(
    *, user: User, course: CoursePage, title: str, body: str, now=None
) -> Thread:
    """A new thread in the course's discussion space, with its first post."""
    if not permissions.can_read_discussion(user, course):
        raise DiscussionRefused
    _count_write(user, "post", now=now)
    now = now or timezone.now()
    with transaction.atomic():
        thread = Thread.objects.create(
            course=course,
            title=title,
            started_by=user,
            created_at=now,
            last_post_at=now,
        )
        post = _add_post(thread=thread, user=user, body=body, now=now)
    _notify_mention(post)
    return thread


def reply(*, user: User, thread: Thread, body: str, now=None) -> Post:
    """A reply in an open thread (moderators also in a locked one)."""
    if not permissions.can_reply(user, thread):
        raise DiscussionRefused
    _count_write(user, "post", now=now)
    now = now or timezone.now()
    with transaction.atomic():
        post = _add_post(thread=thread, user=user, body=body, now=now)
    _notify_mention(post)
    return post


def ask_about_lesson(*, user: User, lesson, body: str, now=None) -> Post:
    """A question in the lesson's *Tanya pengajar* thread, opened by the first."""
    course = lesson.get_course()
    if course is None or not permissions.can_read_discussion(user, course):
        raise DiscussionRefused
    now = now or timezone.now()
    with transaction.atomic():
        thread, _created = Thread.objects.get_or_create(
            lesson=lesson,
            defaults={
                "course": course,
                "title": _("Tanya pengajar: %(lesson)s") % {"lesson": lesson.title},
                "created_at": now,
                "last_post_at": now,
            },
        )
    return reply(user=user, thread=thread, body=body, now=now)


def edit_post(*, user: User, post: Post, body: str, now=None) -> Post:
    """The author corrects their post within the edit window."""
    now = now or timezone.now()
    if not permissions.can_edit(user, post, now=now):
        raise DiscussionRefused
    _count_write(user, "post")
    post.body = body
    post.edited_at = now
    post.save(update_fields=["body", "edited_at"])
    return post


def report_post(*, user: User, post: Post, reason: str, request=None) -> PostReport:
    """A reader reports a post; the course's trainer is told by e-mail and finds
    it in the reports list."""
    if not permissions.can_report(user, post):
        raise DiscussionRefused
    if PostReport.objects.filter(post=post, reporter=user).exists():
        raise AlreadyReported
    _count_write(user, "report")
    report = PostReport.objects.create(
        post=post, reporter=user, reason=reason, created_at=timezone.now()
    )
    record_event(actor=user, action="discussion.report", target=post, request=request)
    course = post.thread.course
    if course.trainer is not None and course.trainer.is_active:
        send_email(
            kind="discussion_report",
            to=course.trainer,
            context={
                "name": course.trainer.display_name,
                "course": course.title,
                "thread": post.thread.title,
                "reason": reason,
                "url": absolute_url("discussion:reports", course_id=course.pk),
            },
            link=absolute_url("discussion:reports", course_id=course.pk),
        )
    return report


# --- moderation ---------------------------------------------------------------


def _moderator_or_refuse(user: User, course: CoursePage) -> None:
    if not permissions.can_moderate(user, course):
        raise DiscussionRefused


@transaction.atomic
def hide_post(*, user: User, post: Post, reason: str, request=None) -> None:
    """Hide a post, with the reason shown in its place; hiding a thread's first
    post hides the thread. Its open reports are handled."""
    thread = post.thread
    _moderator_or_refuse(user, thread.course)
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(
        hidden_at=now, hidden_reason=reason, hidden_by=user
    )
    if thread.posts.order_by("created_at", "pk").first() == post:
        Thread.objects.filter(pk=thread.pk).update(
            hidden_at=now, hidden_reason=reason, hidden_by=user
        )
    PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=now
    )
    record_event(
        actor=user,
        action="discussion.hide",
        target=post,
        request=request,
        reason=reason,
    )


@transaction.atomic
def unhide_post(*, user: User, post: Post, request=None) -> None:
    thread = post.thread
    _moderator_or_refuse(user, thread.course)
    Post.objects.filter(pk=post.pk).update(
        hidden_at=None, hidden_reason="", hidden_by=None
    )
    if thread.posts.order_by("created_at", "pk").first() == post:
        Thread.objects.filter(pk=thread.pk).update(
            hidden_at=None, hidden_reason="", hidden_by=None
        )
    record_event(actor=user, action="discussion.unhide", target=post, request=request)


def mark_answer(*, user: User, post: Post, is_answer: bool, request=None) -> None:
    """The trainer marks (or unmarks) a reply as the answer to the question."""
    _moderator_or_refuse(user, post.thread.course)
    Post.objects.filter(pk=post.pk).update(is_answer=is_answer)
    record_event(
        actor=user,
        action="discussion.answer" if is_answer else "discussion.unanswer",
        target=post,
        request=request,
    )


def set_pinned(*, user: User, thread: Thread, pinned: bool, request=None) -> None:
    _moderator_or_refuse(user, thread.course)
    Thread.objects.filter(pk=thread.pk).update(is_pinned=pinned)
    record_event(
        actor=user,
        action="discussion.pin" if pinned else "discussion.unpin",
        target=thread,
        request=request,
    )


def set_locked(*, user: User, thread: Thread, locked: bool, request=None) -> None:
    _moderator_or_refuse(user, thread.course)
    Thread.objects.filter(pk=thread.pk).update(is_locked=locked)
    record_event(
        actor=user,
        action="discussion.lock" if locked else "discussion.unlock",
        target=thread,
        request=request,
    )


def dismiss_report(*, user: User, report: PostReport, request=None) -> None:
    """The moderator read the report and leaves the post as it is."""
    _moderator_or_refuse(user, report.post.thread.course)
    PostReport.objects.filter(pk=report.pk).update(resolved_at=timezone.now())
    record_event(
        actor=user, action="discussion.report_dismissed", target=report, request=request
    )


# --- the reply digest ------------------------------------------------------------


def digest_opt_out_token(user: User) -> str:
    """The signed token of the one-click opt-out link in the digest e-mail."""
    return signing.dumps(user.pk, salt=DIGEST_OPT_OUT_SALT)


def user_from_opt_out_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=DIGEST_OPT_OUT_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def set_digest_opt_out(*, user: User, opt_out: bool) -> None:
    DigestState.objects.update_or_create(user=user, defaults={"opt_out": opt_out})


def send_reply_digests(*, now: datetime.datetime | None = None) -> int:
    """One e-mail per person with the replies since their last digest, at most
    every ``SIGAP_DISCUSSION_DIGEST_HOURS``; none to those who opted out or
    restricted processing. How many were sent."""
    now = now or timezone.now()
    every = datetime.timedelta(hours=settings.SIGAP_DISCUSSION_DIGEST_HOURS)
    oldest = now - DIGEST_LOOKBACK
    people = User.objects.filter(
        pk__in=digest_candidates(since=oldest),
        is_active=True,
        processing_restricted_at__isnull=True,
    ).select_related("asn_profile")
    sent = 0
    for person in people:
        state, _created = DigestState.objects.get_or_create(user=person)
        if state.opt_out or (state.sent_until and now - state.sent_until < every):
            continue
        since = max(state.sent_until or oldest, oldest)
        items = replies_for(user=person, since=since, until=now)
        if not items:
            continue
        # Compare and set: of two workers running at once, one sends.
        claimed = DigestState.objects.filter(
            pk=state.pk, sent_until=state.sent_until, opt_out=False
        ).update(sent_until=now)
        if not claimed:
            continue
        send_email(
            kind="discussion_digest",
            to=person,
            context={
                "name": person.display_name,
                "items": items,
                "base_url": settings.SITE_URL,
                "opt_out_url": absolute_url(
                    "discussion:digest_opt_out", token=digest_opt_out_token(person)
                ),
            },
            # The notification leads to the first thread with news (never the
            # opt-out link, which is a key).
            link=absolute_url("discussion:thread", thread_id=items[0].thread_id),
        )
        sent += 1
    return sent


# --- personal data ------------------------------------------------------------------


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): the person's posts stay in their
    threads as "[dihapus]", authored by nobody, so that the replies around them
    still read; titles of threads they opened go too; their reports and digest
    state are deleted."""
    posts = Post.objects.filter(user=person).update(user=None, body="", edited_at=None)
    Thread.objects.filter(started_by=person).update(started_by=None, title="[dihapus]")
    PostReport.objects.filter(reporter=person).delete()
    DigestState.objects.filter(user=person).delete()
    return {"discussion_posts_erased": posts}
