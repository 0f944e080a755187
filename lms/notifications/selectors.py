"""Reads of in-app notifications."""

from django.db.models import QuerySet

from lms.cache import remembered_for_person

from .models import Notification

UNREAD_CACHE_NAME = "notifications-unread"


def unread_count(*, user) -> int:
    """The number in the header's bell, kept per person until one is written."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return remembered_for_person(
        user.pk,
        UNREAD_CACHE_NAME,
        lambda: Notification.objects.filter(user=user, read_at__isnull=True).count(),
    )


def notifications_of(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)
