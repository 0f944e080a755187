"""Recording to the audit trail."""

from typing import Any

from django.db import models
from django.http import HttpRequest

from lms.client_ip import client_ip

from .models import AuditEvent

# The longest text of an event's data: what came from outside (a token's issuer,
# an uploaded file's name) is evidence, not a place to store megabytes.
DATA_TEXT_MAX_LENGTH = 1000


def _storable(value: Any) -> Any:
    """``value`` as the event's JSON keeps it: texts without NUL (PostgreSQL's
    jsonb refuses it), cut to ``DATA_TEXT_MAX_LENGTH``; lists and objects
    throughout."""
    if isinstance(value, str):
        return value.replace("\x00", "")[:DATA_TEXT_MAX_LENGTH]
    if isinstance(value, dict):
        return {_storable(str(key)): _storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(item) for item in value]
    return value


def record_event(
    *,
    # The person (``settings.AUTH_USER_MODEL``, a model of a layer above, so not
    # named here), an anonymous visitor, or None for Sigap itself.
    actor: Any,
    action: str,
    target: models.Model | None = None,
    request: HttpRequest | None = None,
    **data: Any,
) -> AuditEvent:
    """Append one event: ``actor`` did ``action`` to ``target``."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_repr=(actor.email if is_user else "") or "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        ip_address=client_ip(request),
        user_agent=_storable(request.headers.get("user-agent", ""))[:255]
        if request
        else "",
        data=_storable(data),
    )
