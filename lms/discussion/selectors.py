"""Discussion reads: a course's threads, a thread's posts, open reports, the
replies a person's digest carries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from courses.models import CoursePage, Enrolment

from .models import DigestState, Post, PostReport, Thread


def course_threads(*, course: CoursePage, moderator: bool) -> QuerySet[Thread]:
    """Pinned first, then the most recently active; hidden threads only for
    moderators. Each with its number of visible replies and whether the
    trainer's answer is marked."""
    threads = Thread.objects.filter(course=course).select_related("started_by")
    if not moderator:
        threads = threads.filter(hidden_at__isnull=True)
    return threads.annotate(
        post_count=Count("posts", filter=Q(posts__hidden_at__isnull=True)),
        answered=Exists(Post.objects.filter(thread=OuterRef("pk"), is_answer=True)),
    ).order_by("-is_pinned", "-last_post_at", "-pk")


def thread_posts(*, thread: Thread) -> QuerySet[Post]:
    return Post.objects.filter(thread=thread).select_related(
        "user", "user__asn_profile"
    )


def digest_opted_out(user) -> bool:
    """The person turned the reply digest off."""
    return DigestState.objects.filter(user=user, opt_out=True).exists()


def lesson_thread(*, lesson) -> Thread | None:
    return Thread.objects.filter(lesson=lesson).first()


def open_reports(*, course: CoursePage) -> QuerySet[PostReport]:
    return (
        PostReport.objects.filter(post__thread__course=course, resolved_at__isnull=True)
        .select_related("post", "post__thread", "post__user")
        .order_by("created_at")
    )


def open_report_count(*, course: CoursePage) -> int:
    return open_reports(course=course).count()


@dataclass(frozen=True)
class DigestItem:
    course_title: str
    thread_title: str
    thread_id: int
    author: str
    excerpt: str
    created_at: datetime.datetime


def replies_for(
    *, user, since: datetime.datetime, until: datetime.datetime
) -> list[DigestItem]:
    """Visible posts by others in ``(since, until]`` in the threads ``user`` wrote
    in (courses they are still enrolled in) or in the courses they teach."""
    taking_part = Post.objects.filter(user=user).values("thread_id")
    enrolled = Enrolment.objects.filter(user=user).values("course_id")
    posts = (
        Post.objects.filter(
            created_at__gt=since,
            created_at__lte=until,
            hidden_at__isnull=True,
            thread__hidden_at__isnull=True,
        )
        .exclude(user=user)
        .exclude(user__isnull=True)
        .filter(
            Q(thread_id__in=taking_part, thread__course_id__in=enrolled)
            | Q(thread__course__trainer=user)
        )
        .select_related("thread", "thread__course", "user", "user__asn_profile")
        .order_by("thread_id", "created_at")
    )
    return [
        DigestItem(
            course_title=post.thread.course.title,
            thread_title=post.thread.title,
            thread_id=post.thread_id,
            author=post.user.display_name if post.user else "",
            excerpt=" ".join(post.body.split())[:200],
            created_at=post.created_at,
        )
        for post in posts
    ]


def digest_candidates(*, since: datetime.datetime) -> set[int]:
    """Ids of people who may have replies since ``since``: those who wrote in a
    thread that has new posts, and the trainers of its course."""
    active = Thread.objects.filter(last_post_at__gt=since)
    writers = Post.objects.filter(thread__in=active, user__isnull=False).values_list(
        "user_id", flat=True
    )
    trainers = active.filter(course__trainer__isnull=False).values_list(
        "course__trainer_id", flat=True
    )
    return set(writers) | set(trainers)
