"""Writes of package lessons: importing an uploaded package, starting a learner's
attempt (a cmi5 launch), storing what the SCORM runtime commits and what a cmi5
AU states, and letting the course know when the lesson counts as done."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import secrets
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrolment
from courses.models.pages import course_of
from courses.services import evaluate_completion
from lms.accounts.models import User
from lms.private_files import private_storage

from .models import Cmi5Statement, ContentPackage, PackageAttempt, PackagePage, Standard
from .validation import inspect_package, safe_member_name

# SCORM 2004 allows 64,000 characters of suspend_data; the whole data model
# committed (interactions included) is kept under this many bytes.
MAX_CMI_BYTES = 256 * 1024
MAX_SUSPEND_DATA = 64_000
MAX_STATE_DOCUMENTS = 20
MAX_STATE_BYTES = 64 * 1024
# Who the learner is stays with Sigap: the data model's name and id are loaded
# at each launch and never stored with the runtime data.
IDENTITY_KEYS = {
    "cmi.core.student_id",
    "cmi.core.student_name",
    "cmi.learner_id",
    "cmi.learner_name",
}
CMI5_VERB = "https://w3id.org/xapi/adl/verbs/"
VERBS = {
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "failed": "http://adlnet.gov/expapi/verbs/failed",
}

RUNTIME_TOO_BIG = _("Data runtime terlalu besar untuk disimpan.")
STORE_FAILED = _("Paket tidak dapat disimpan. Coba unggah lagi.")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@transaction.atomic
def import_package(*, upload, course: CoursePage, uploaded_by: User | None):
    """Check the uploaded ZIP and extract its files into the private storage,
    under a fresh folder; the package row records what its manifest launches.
    Raises ``ValidationError`` (Indonesian) for anything unsafe or malformed."""
    upload.seek(0)
    manifest, members = inspect_package(upload)
    folder = f"packages/{uuid.uuid4().hex}"
    storage = private_storage()
    written = 0
    archive = zipfile.ZipFile(upload)
    try:
        for info in members:
            name = f"{folder}/{safe_member_name(info.filename)}"
            with archive.open(info) as member:
                stored = storage.save(name, File(member, name=name))
            if stored != name:
                raise ValidationError(STORE_FAILED, code="store_failed")
            written += info.file_size
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        _remove_folder(folder, [info.filename for info in members])
        raise ValidationError(
            _("Isi paket rusak (CRC tidak cocok). Ekspor ulang paketnya."),
            code="corrupt",
        ) from error
    return ContentPackage.objects.create(
        course=course,
        standard=manifest.standard,
        title=manifest.title,
        original_name=(getattr(upload, "name", "") or "paket.zip")[-255:],
        folder=folder,
        launch_path=manifest.launch_path,
        launch_parameters=manifest.launch_parameters,
        activity_id=manifest.activity_id,
        move_on=manifest.move_on,
        mastery_score=manifest.mastery_score,
        file_count=len(members),
        total_bytes=written,
        uploaded_by=uploaded_by,
    )


def _remove_folder(folder: str, names: list[str]) -> None:
    storage = private_storage()
    for filename in names:
        name = safe_member_name(filename)
        if name and storage.exists(f"{folder}/{name}"):
            storage.delete(f"{folder}/{name}")


def attempt_for(*, page: PackagePage, user: User) -> PackageAttempt:
    """The learner's attempt of the lesson, made on first launch; a package
    replaced since then starts its runtime data afresh (``satisfied_at`` stays:
    a lesson done is not undone by a new upload)."""
    package = page.package
    if package is None:
        raise ValueError("a package lesson without a package")
    attempt, created = PackageAttempt.objects.get_or_create(
        page=page, user=user, defaults={"package": package}
    )
    if not created and attempt.package_id != package.pk:
        attempt.package = package
        attempt.cmi = {}
        attempt.location = attempt.suspend_data = ""
        attempt.completion_status = attempt.success_status = ""
        attempt.score_scaled = None
        attempt.state_documents = {}
        attempt.save()
    return attempt


def flatten(data, prefix: str = "") -> dict[str, str]:
    """A nested data model (``{"cmi": {"core": {...}}}``) as dotted names."""
    flat: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            flat.update(flatten(value, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            flat.update(flatten(value, f"{prefix}.{index}"))
    elif data is not None:
        flat[prefix] = str(data)
    return flat


def _float(value) -> float | None:
    """A number the runtime reported; None for anything else, NaN and infinity
    included (NaN slipped through the clamp to -1..1 as a full score)."""
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _scorm_statuses(standard: str, cmi: dict[str, str]):
    """(completion, success, scaled score, location, suspend data) read from a
    committed data model of either SCORM version."""
    if standard == Standard.SCORM12:
        status = cmi.get("cmi.core.lesson_status", "")
        completion = (
            "completed"
            if status in ("completed", "passed", "failed")
            else ("incomplete" if status in ("incomplete", "browsed") else "")
        )
        success = status if status in ("passed", "failed") else ""
        raw = _float(cmi.get("cmi.core.score.raw"))
        low = _float(cmi.get("cmi.core.score.min")) or 0.0
        high = _float(cmi.get("cmi.core.score.max"))
        high = 100.0 if high is None else high
        scaled = (raw - low) / (high - low) if raw is not None and high > low else None
        return (
            completion,
            success,
            scaled,
            cmi.get("cmi.core.lesson_location", ""),
            cmi.get("cmi.suspend_data", ""),
        )
    scaled = _float(cmi.get("cmi.score.scaled"))
    if scaled is None:
        raw = _float(cmi.get("cmi.score.raw"))
        low = _float(cmi.get("cmi.score.min")) or 0.0
        high = _float(cmi.get("cmi.score.max"))
        if raw is not None and high is not None and high > low:
            scaled = (raw - low) / (high - low)
    return (
        cmi.get("cmi.completion_status", ""),
        cmi.get("cmi.success_status", ""),
        scaled,
        cmi.get("cmi.location", ""),
        cmi.get("cmi.suspend_data", ""),
    )


def _is_satisfied(attempt: PackageAttempt) -> bool:
    package = attempt.package
    completed = attempt.completion_status == "completed"
    passed = attempt.success_status == "passed"
    if package.standard == Standard.CMI5:
        move_on = package.move_on or "NotApplicable"
        return {
            "NotApplicable": True,
            "Completed": completed,
            "Passed": passed,
            "CompletedAndPassed": completed and passed,
            "CompletedOrPassed": completed or passed,
        }[move_on]
    return passed or (completed and attempt.success_status != "failed")


def _satisfy_if_done(attempt: PackageAttempt) -> None:
    """Mark the lesson done the first time its rule is met, and let the course
    decide whether it is now complete."""
    if attempt.satisfied_at is not None or not _is_satisfied(attempt):
        return
    attempt.satisfied_at = timezone.now()
    attempt.save(update_fields=["satisfied_at"])
    course = course_of(attempt.page)
    enrolment = (
        Enrolment.objects.current()
        .filter(user_id=attempt.user_id, course=course)
        .first()
        if course is not None
        else None
    )
    if enrolment is not None:
        evaluate_completion(enrolment=enrolment)


@transaction.atomic
def commit_runtime(*, attempt: PackageAttempt, body: bytes) -> PackageAttempt:
    """Store what the SCORM runtime (scorm-again) committed: the data model
    without the learner's identity, and the statuses, score and resume point
    read from it. Raises ``ValueError`` for a body that is not a data model."""
    if len(body) > MAX_CMI_BYTES:
        raise ValueError(str(RUNTIME_TOO_BIG))
    data = json.loads(body.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not an object")
    if isinstance(data.get("runtimeData"), dict):
        data = data["runtimeData"]
    cmi = {
        key: value[:MAX_SUSPEND_DATA]
        for key, value in flatten(data).items()
        if key.startswith("cmi.") and key not in IDENTITY_KEYS
    }
    if not cmi:
        raise ValueError("no cmi")
    locked = PackageAttempt.objects.select_for_update().get(pk=attempt.pk)
    completion, success, scaled, location, suspend = _scorm_statuses(
        locked.package.standard, cmi
    )
    locked.cmi = cmi
    locked.completion_status = completion[:20]
    locked.success_status = success[:20]
    locked.score_scaled = scaled if scaled is None else max(-1.0, min(1.0, scaled))
    locked.location = location[:1000]
    locked.suspend_data = suspend
    locked.commits += 1
    locked.save()
    _satisfy_if_done(locked)
    return locked


# --- cmi5 ---------------------------------------------------------------------


@transaction.atomic
def launch_cmi5(*, attempt: PackageAttempt) -> str:
    """A new cmi5 launch session: a fresh one-time fetch code (returned), the
    previous session's auth token forgotten, a new session id."""
    code = secrets.token_urlsafe(24)
    attempt.secret = _sha256(code)
    attempt.token = ""
    attempt.session_id = str(uuid.uuid4())
    attempt.launched_at = timezone.now()
    attempt.save(
        update_fields=["secret", "token", "session_id", "launched_at", "updated_at"]
    )
    if attempt.package.move_on == "NotApplicable":
        _satisfy_if_done(attempt)
    return code


@transaction.atomic
def fetch_cmi5_token(*, attempt: PackageAttempt, code: str) -> str | None:
    """The auth token for this launch, handed out once for the fetch code (the
    cmi5 fetch URL); None when the code is wrong or already used."""
    locked = PackageAttempt.objects.select_for_update().get(pk=attempt.pk)
    if not locked.secret or not secrets.compare_digest(locked.secret, _sha256(code)):
        return None
    secret = secrets.token_urlsafe(32)
    token = base64.b64encode(f"sigap:{secret}".encode()).decode()
    locked.secret = ""
    locked.token = _sha256(token)
    locked.save(update_fields=["secret", "token", "updated_at"])
    return token


def attempt_for_token(*, registration, authorization: str) -> PackageAttempt | None:
    """The attempt whose launch issued the token in ``authorization``
    (``Basic <token>``), when it is that registration's."""
    scheme, _sep, token = (authorization or "").partition(" ")
    if scheme.lower() != "basic" or not token:
        return None
    attempt = (
        PackageAttempt.objects.select_related("package")
        .filter(registration=registration, package__standard=Standard.CMI5)
        .first()
    )
    if (
        attempt is None
        or not attempt.token
        or not secrets.compare_digest(attempt.token, _sha256(token.strip()))
    ):
        return None
    return attempt


class StatementRefused(ValueError):
    """A statement a cmi5 AU may not store for this registration."""


def _part(value) -> dict:
    """A part of a statement that must be an object; {} when it is anything else
    (an AU's string or list there is refused by the checks, not a server error)."""
    return value if isinstance(value, dict) else {}


def _check_statement(attempt: PackageAttempt, statement, actor: dict) -> None:
    if not isinstance(statement, dict):
        raise StatementRefused("statement is not an object")
    if statement.get("actor") != actor:
        raise StatementRefused("actor does not match the launch")
    context = _part(statement.get("context"))
    if context.get("registration") != str(attempt.registration):
        raise StatementRefused("registration does not match the launch")
    verb = _part(statement.get("verb")).get("id")
    if not isinstance(verb, str) or not verb:
        raise StatementRefused("statement has no verb")
    if (
        verb in VERBS.values()
        and _part(statement.get("object")).get("id") != attempt.package.activity_id
    ):
        raise StatementRefused("object is not the AU")


@transaction.atomic
def store_cmi5_statements(
    *, attempt: PackageAttempt, statements: list, actor: dict, statement_id=None
) -> list[str]:
    """Keep the AU's statements (checked: the launch's actor and registration,
    the AU as object of its cmi5 verbs) and apply completed, passed and failed
    to the attempt. A statement id already stored is kept once."""
    locked = PackageAttempt.objects.select_for_update().get(pk=attempt.pk)
    ids = []
    for statement in statements:
        _check_statement(locked, statement, actor)
        raw_id = statement_id or statement.get("id") or str(uuid.uuid4())
        try:
            sid = uuid.UUID(str(raw_id))
        except ValueError as error:
            raise StatementRefused("statement id is not a UUID") from error
        statement = {**statement, "id": str(sid)}
        verb = statement["verb"]["id"]
        _row, created = Cmi5Statement.objects.get_or_create(
            attempt=locked,
            statement_id=sid,
            defaults={"verb": verb[:200], "statement": statement},
        )
        ids.append(str(sid))
        if not created:
            continue
        result = _part(statement.get("result"))
        if verb == VERBS["completed"]:
            locked.completion_status = "completed"
        elif verb in (VERBS["passed"], VERBS["failed"]):
            if locked.success_status != "passed":
                locked.success_status = (
                    "passed" if verb == VERBS["passed"] else "failed"
                )
            scaled = _float(_part(result.get("score")).get("scaled"))
            if scaled is not None:
                locked.score_scaled = max(-1.0, min(1.0, scaled))
    locked.save()
    _satisfy_if_done(locked)
    return ids


def store_state_document(
    *, attempt: PackageAttempt, state_id: str, document: str
) -> bool:
    """Keep one of the AU's state documents (its own bookmark); False when the
    document or the number of documents is over the limit."""
    if len(document.encode()) > MAX_STATE_BYTES or len(state_id) > 200:
        return False
    documents = dict(attempt.state_documents)
    if state_id not in documents and len(documents) >= MAX_STATE_DOCUMENTS:
        return False
    documents[state_id] = document
    attempt.state_documents = documents
    attempt.save(update_fields=["state_documents", "updated_at"])
    return True


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): what a package wrote freely about
    the person (the data model with its interactions and suspend data, the
    AU's statements and state documents) is removed; the pseudonymous facts
    (done, statuses, score) stay, as for every learning record."""
    attempts = PackageAttempt.objects.filter(user=person)
    statements = Cmi5Statement.objects.filter(attempt__user=person)
    removed = statements.count()
    statements.delete()
    cleared = attempts.update(
        cmi={}, suspend_data="", location="", state_documents={}, secret="", token=""
    )
    counts = {}
    if cleared:
        counts["package_runtime_cleared"] = cleared
    if removed:
        counts["cmi5_statements_removed"] = removed
    return counts
