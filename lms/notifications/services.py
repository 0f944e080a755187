"""Writes of in-app notifications."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from lms.cache import forget_person

from .models import Notification
from .selectors import UNREAD_CACHE_NAME

# A person's list keeps this many; older ones go as new ones come.
KEEP_PER_PERSON = 200


def sigap_path(link: str) -> str | None:
    """``link`` as a path in Sigap, or None when it points anywhere else."""
    site = urlsplit(settings.SITE_URL)
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            return None
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return None
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def record_email(*, to, kind: str, title: str, link: str) -> Notification | None:
    """A step of ``SIGAP_NOTIFICATION_STEPS``: the e-mail ``kind`` sent to ``to``,
    also as an unread notification leading to ``link`` (a Sigap address only)."""
    path = sigap_path(link)
    if path is None or to is None or to.pk is None:
        return None
    # "[Sigap] …": the e-mail's tag says where it came from; in Sigap it is noise.
    title = re.sub(r"^\[[^\]]*\]\s*", "", title)
    notification = Notification.objects.create(
        user=to, kind=kind[:50], title=title[:255], link=path[:500]
    )
    stale = Notification.objects.filter(user=to).values_list("pk", flat=True)[
        KEEP_PER_PERSON:
    ]
    if stale_ids := list(stale):
        Notification.objects.filter(pk__in=stale_ids).delete()
    forget_person([to.pk], drop=(UNREAD_CACHE_NAME,))
    return notification


def mark_read(*, user, notification_id: int) -> Notification | None:
    """The person's own notification, now read; None when it is not theirs."""
    notification = Notification.objects.filter(pk=notification_id, user=user).first()
    if notification is None:
        return None
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        forget_person([user.pk], drop=(UNREAD_CACHE_NAME,))
    return notification


def mark_all_read(*, user) -> int:
    count = Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if count:
        forget_person([user.pk], drop=(UNREAD_CACHE_NAME,))
    return count


def forget_notifications(*, person) -> dict:
    """Erasure step: the person's notifications go with their account's data."""
    deleted, _by_model = Notification.objects.filter(user=person).delete()
    forget_person([person.pk], drop=(UNREAD_CACHE_NAME,))
    return {"notifications": deleted}
