"""Recording to the audit trail."""

from typing import Any

from django.db import models
from django.http import HttpRequest

from lms.client_ip import client_ip

from .models import AuditEvent


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
        user_agent=(request.headers.get("user-agent", "")[:255] if request else ""),
        data=data,
    )
