from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def notifications(request):
    """``unread_notifications`` for the header, read only when a page shows it."""
    user = getattr(request, "user", None)
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: unread_count(user=user) if user is not None else 0
        )
    }
