"""Data subjects' rights (UU 27/2022): restriction and erasure, as services.

Decisions written down in docs/privacy.md:
- A **restriction** takes effect the moment it is asked for: the person receives
  no optional processing (JP reminder emails) and is marked in HR views; records
  needed for the legal obligation (training completed, JP, national reporting)
  are kept and still reported. The person can lift it themselves.
- **Erasure** is carried out by an administrator and anonymises the person: the
  identity (email, name, NIP, birth, unit, sign-in methods) and attached files
  are removed; learning records stay as pseudonymous statistics; issued
  certificates keep their own snapshot and stay verifiable; audit events stay
  until their retention period ends (accountability for breaches). A completion
  with a valid certificate stays in the national export (built from that
  snapshot: the agency's reporting duty); others leave it; HR sees which, by
  certificate number (``lms.hr.erasure``, a step in ``SIGAP_ERASURE_STEPS``).
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db import models, transaction
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from lms.audit.services import record_event
from lms.cache import forget_person
from lms.steps import run_steps

from .models import AsnProfile, DataRequest, User
from .personal_data import _owned_models

# Apps whose files must survive erasure: the certificate PDF is what a verifier
# compares fingerprints against.
KEEP_FILES_OF_APPS = {"certificates"}


class RequestAlreadyOpen(Exception):
    """The person already has an open request of this kind."""


@transaction.atomic
def request_restriction(*, user: User, reason: str, request=None) -> DataRequest:
    """Restrict processing now; the request is recorded as carried out."""
    now = timezone.now()
    if user.processing_restricted_at is None:
        user.processing_restricted_at = now
        user.save(update_fields=["processing_restricted_at"])
    data_request = DataRequest.objects.create(
        user=user,
        kind=DataRequest.Kind.RESTRICTION,
        reason=reason,
        status=DataRequest.Status.DONE,
        handled_at=now,
    )
    record_event(
        actor=user, action="privacy.restriction", target=data_request, request=request
    )
    return data_request


@transaction.atomic
def lift_restriction(*, user: User, request=None) -> None:
    """The person allows processing again."""
    if user.processing_restricted_at is not None:
        user.processing_restricted_at = None
        user.save(update_fields=["processing_restricted_at"])
        record_event(
            actor=user,
            action="privacy.restriction_lifted",
            target=user,
            request=request,
        )


@transaction.atomic
def request_erasure(*, user: User, reason: str, request=None) -> DataRequest:
    """Ask an administrator to erase (anonymise) one's data."""
    if DataRequest.objects.open().filter(user=user, kind="erasure").exists():
        raise RequestAlreadyOpen
    data_request = DataRequest.objects.create(
        user=user, kind=DataRequest.Kind.ERASURE, reason=reason
    )
    record_event(
        actor=user,
        action="privacy.erasure_requested",
        target=data_request,
        request=request,
    )
    return data_request


@dataclass
class ErasureResult:
    files_removed: int
    profile_removed: bool


def _remove_files(person: User) -> int:
    removed = 0
    for model, owner_field in _owned_models():
        if model._meta.app_label in KEEP_FILES_OF_APPS:
            continue
        file_fields = [
            f for f in model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        if not file_fields:
            continue
        for obj in model.objects.filter(**{owner_field: person}):
            changed = []
            for f in file_fields:
                file = getattr(obj, f.name)
                if file:
                    file.delete(save=False)
                    setattr(obj, f.name, "")
                    changed.append(f.name)
                    removed += 1
            if changed:
                model.objects.filter(pk=obj.pk).update(**dict.fromkeys(changed, ""))
    return removed


@transaction.atomic
def erase_person(
    *, person: User, by: User, data_request: DataRequest | None = None, request=None
) -> ErasureResult:
    """Anonymise ``person`` (an administrator carries out an erasure request)."""
    # Steps of higher layers (``SIGAP_ERASURE_STEPS``), run while the identity
    # is still there; what each returns goes into the erasure's audit event.
    step_data = {}
    for data in run_steps("SIGAP_ERASURE_STEPS", person=person):
        step_data.update(data or {})
    files_removed = _remove_files(person)
    # Nobody keeps an erased person as their supervisor (atasan langsung).
    AsnProfile.objects.filter(supervisor=person).update(supervisor=None)
    # An erased member leaves the team of their supervisor.
    forget_person(
        AsnProfile.objects.filter(user=person).values_list("supervisor", flat=True)
    )
    profile_removed = False
    profile = AsnProfile.objects.filter(user=person).first()
    if profile is not None:
        try:
            profile.delete()
            profile_removed = True
        except ProtectedError:
            AsnProfile.objects.filter(pk=profile.pk).update(
                full_name="",
                title_prefix="",
                title_suffix="",
                nip=None,
                legacy_nip="",
                birth_place="",
                birth_date=None,
            )
    EmailAddress.objects.filter(user=person).delete()
    SocialAccount.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    now = timezone.now()
    person.email = f"anonim-{person.pk}@dihapus.invalid"
    person.name = ""
    person.set_unusable_password()  # also ends every session of the person
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    person.erased_at = now
    person.processing_restricted_at = person.processing_restricted_at or now
    person.save()
    person.groups.clear()
    if data_request is not None:
        data_request.status = DataRequest.Status.DONE
        data_request.handled_by = by
        data_request.handled_at = now
        data_request.reason = ""
        data_request.save()
    DataRequest.objects.filter(user=person).update(reason="")
    record_event(
        actor=by,
        action="privacy.erasure",
        target=person,
        request=request,
        files_removed=files_removed,
        **step_data,
    )
    return ErasureResult(files_removed=files_removed, profile_removed=profile_removed)


@transaction.atomic
def reject_data_request(
    *, data_request: DataRequest, by: User, note: str, request=None
) -> None:
    data_request.status = DataRequest.Status.REJECTED
    data_request.handled_by = by
    data_request.handled_at = timezone.now()
    data_request.note = note
    data_request.save()
    record_event(
        actor=by,
        action="privacy.request_rejected",
        target=data_request,
        request=request,
        note=note,
    )
