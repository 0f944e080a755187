"""Everything Sigap holds about one person, for "Data saya" (UU 27/2022 access).

Found by walking the models rather than listed by hand, so that records added by
other apps (attempts, certificates, claims…) are exported without anyone having
to remember: a model belongs to a person when its ``user`` field points at them,
and records hanging on such a record (progress on an enrolment, responses of an
attempt) follow, up to three links away. A model may name its owner field in
``PERSONAL_DATA_OWNER`` instead: it is then read through that field only, never as
a record hanging on someone else's (a reply in one's discussion thread is the
replier's, a report of one's post the reporter's). Secrets never leave: password hashes,
MFA secrets, OAuth tokens and sessions are excluded.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from lms.audit.models import AuditEvent

from .models import User

OWNER_FIELDS = {"user", "holder", "learner"}
EXCLUDED_MODELS = {
    "mfa.authenticator",
    "socialaccount.socialtoken",
    "account.emailconfirmation",
    "sessions.session",
    "audit.auditevent",  # exported separately: events the person did
    "admin.logentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailusers.userprofile",
}
EXCLUDED_FIELDS = {"password", "secret", "token", "token_secret", "data"}
MAX_DEPTH = 3


@dataclass
class PersonalData:
    """One person's records: ``sections`` by model label, and attached ``files``."""

    sections: dict[str, list[dict]] = field(default_factory=dict)
    files: list[tuple[str, models.fields.files.FieldFile]] = field(default_factory=list)


def _row(obj: models.Model, data: PersonalData, label: str) -> dict:
    row = {}
    for f in obj._meta.concrete_fields:
        if f.name in EXCLUDED_FIELDS:
            continue
        value = getattr(obj, f.attname)
        if isinstance(f, models.FileField):
            file = getattr(obj, f.name)
            if file:
                name = f"berkas/{label}/{obj.pk}-{file.name.rsplit('/', 1)[-1]}"
                data.files.append((name, file))
                value = name
            else:
                value = ""
        if f.name == "supervisor" and value is not None:
            # The supervisor (atasan langsung) by name, not by an internal id.
            supervisor = getattr(obj, f.name)
            value = supervisor.display_name if supervisor is not None else ""
        row[f.name] = value
    return row


def _owned_models():
    """(model, owner field) pairs: models with a user-like FK to the user model."""
    for model in apps.get_models():
        if model._meta.label_lower in EXCLUDED_MODELS or model is User:
            continue
        declared = getattr(model, "PERSONAL_DATA_OWNER", None)
        if declared is not None:
            yield model, declared
            continue
        for f in model._meta.concrete_fields:
            if (
                f.is_relation
                and f.name in OWNER_FIELDS
                and f.related_model is not None
                and f.related_model._meta.label == settings.AUTH_USER_MODEL
            ):
                yield model, f.name


def collect_personal_data(*, user: User) -> PersonalData:
    """Read every record about ``user``."""
    data = PersonalData()
    data.sections["akun"] = [
        {
            "email": user.email,
            "nama": user.name,
            "bergabung": user.date_joined,
            "terakhir_masuk": user.last_login,
            "pemberitahuan_privasi_ditampilkan": user.privacy_notice_shown_at,
            "pemrosesan_dibatasi_sejak": user.processing_restricted_at,
        }
    ]
    frontier: dict[type[models.Model], list] = {}
    for model, owner_field in _owned_models():
        objs = list(model.objects.filter(**{owner_field: user}))
        if objs:
            label = model._meta.label_lower
            data.sections[label] = [_row(o, data, label) for o in objs]
            frontier[model] = [o.pk for o in objs]
    seen = set(frontier)
    for _depth in range(MAX_DEPTH - 1):
        next_frontier = {}
        for model in apps.get_models():
            label = model._meta.label_lower
            if (
                model in seen
                or label in EXCLUDED_MODELS
                or hasattr(model, "PERSONAL_DATA_OWNER")
            ):
                continue
            filters = models.Q()
            for f in model._meta.concrete_fields:
                if f.many_to_one or f.one_to_one:
                    parent_pks = frontier.get(f.related_model)
                    if parent_pks:
                        filters |= models.Q(**{f"{f.name}__in": parent_pks})
            if not filters:
                continue
            objs = list(model.objects.filter(filters))
            if objs:
                data.sections[label] = [_row(o, data, label) for o in objs]
                next_frontier[model] = [o.pk for o in objs]
        seen |= set(next_frontier)
        frontier = next_frontier
        if not frontier:
            break
    data.sections["jejak_audit_tindakan_saya"] = list(
        AuditEvent.objects.filter(actor=user).values(
            "at", "action", "target_type", "target_id", "ip_address"
        )[:5000]
    )
    return data


def personal_data_json(data: PersonalData) -> str:
    payload = {"dibuat": timezone.now(), "data": data.sections}
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def personal_data_zip(data: PersonalData) -> bytes:
    """data.json plus every file attached to the person's records (certificates,
    evidence PDFs)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", personal_data_json(data))
        for name, file in data.files:
            try:
                with file.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except FileNotFoundError:
                continue
    return buffer.getvalue()
