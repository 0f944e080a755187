"""Writes of package lessons: importing an uploaded package, starting a learner's
attempt and opening one of its SCOs or AUs (a cmi5 launch), storing what the
SCORM runtime commits and what a cmi5 AU states in that unit's record, rolling
the units up into the lesson (the LMS's cmi5 ``satisfied`` statements among
them), and letting the course know when the lesson counts as done."""

from __future__ import annotations

import base64
import hashlib
import math
import secrets
import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrolment
from courses.models.pages import course_of
from courses.services import evaluate_completion
from lms.accounts.models import User
from lms.private_files import private_storage
from lms.uploads import read_json

from . import xapi
from .models import (
    Cmi5Statement,
    ContentPackage,
    PackageAttempt,
    PackagePage,
    Standard,
    UnitAttempt,
)
from .validation import PackageUnit, inspect_package, safe_member_name

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
        units=[unit.as_json() for unit in manifest.units],
        course_activity_id=manifest.course_id,
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
    """The learner's attempt of the lesson (their cmi5 registration), made on
    first launch; a package replaced since then starts its units afresh
    (``satisfied_at`` stays: a lesson done is not undone by a new upload).
    A new registration evaluates the cmi5 moveOn rules at once (§9.6.1):
    ``NotApplicable`` AUs are satisfied before any launch."""
    package = page.package
    if package is None:
        raise ValueError("a package lesson without a package")
    attempt, created = PackageAttempt.objects.get_or_create(
        page=page, user=user, defaults={"package": package}
    )
    if not created and attempt.package_id != package.pk:
        attempt.package = package
        attempt.completion_status = attempt.success_status = ""
        attempt.score_scaled = None
        attempt.current_unit = ""
        attempt.save()
        created = True
    if created:
        roll_up(attempt=attempt, session_id="")
    return attempt


def unit_record(*, attempt: PackageAttempt, unit: PackageUnit) -> UnitAttempt:
    """The learner's record of one SCO, asset or AU of the lesson, which
    becomes the one *Lanjutkan* opens. An asset (no runtime) is completed by
    being opened."""
    record, _created = UnitAttempt.objects.get_or_create(
        attempt=attempt, package=attempt.package, unit=unit.identifier
    )
    if attempt.current_unit != unit.identifier:
        attempt.current_unit = unit.identifier
        attempt.save(update_fields=["current_unit", "updated_at"])
    if unit.kind == "asset" and record.completion_status != "completed":
        record.completion_status = "completed"
        record.save(update_fields=["completion_status", "updated_at"])
        roll_up(attempt=attempt, session_id="")
    return record


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


def move_on_met(move_on: str, *, completed: bool, passed: bool) -> bool:
    """The cmi5 moveOn table (§13.1.4): when an AU is satisfied."""
    return {
        "NotApplicable": True,
        "Completed": completed,
        "Passed": passed,
        "CompletedAndPassed": completed and passed,
        "CompletedOrPassed": completed or passed,
    }[move_on or "NotApplicable"]


def unit_satisfied(unit: PackageUnit, record: UnitAttempt | None) -> bool:
    """Whether the learner has done one SCO, asset or AU: the AU's moveOn; a
    SCO passed, or completed and not failed; an asset opened. Once satisfied,
    a unit stays satisfied."""
    if unit.kind == "au" and (unit.move_on or "NotApplicable") == "NotApplicable":
        return True
    if record is None:
        return False
    if record.satisfied_at is not None:
        return True
    completed = record.completion_status == "completed"
    passed = record.success_status == "passed"
    if unit.kind == "au":
        return move_on_met(unit.move_on, completed=completed, passed=passed)
    return passed or (completed and record.success_status != "failed")


@transaction.atomic
def roll_up(*, attempt: PackageAttempt, session_id: str) -> PackageAttempt:
    """The lesson's standing from its units' records: done when every
    launchable unit is satisfied; the score is the average of the units that
    reported one. For cmi5 the LMS states ``satisfied`` for each block and
    the course once all their AUs are (``session_id``: the AU launch that
    caused it, or a fresh one). The first time the lesson is done, the course
    is asked whether it is now complete."""
    locked = (
        PackageAttempt.objects.select_for_update()
        .select_related("package")
        .get(pk=attempt.pk)
    )
    package = locked.package
    units = package.unit_list()
    launchable = [unit for unit in units if unit.launchable]
    records = {
        record.unit: record
        for record in UnitAttempt.objects.filter(attempt=locked, package=package)
    }
    now = timezone.now()
    satisfied = set()
    for unit in launchable:
        record = records.get(unit.identifier)
        if unit_satisfied(unit, record):
            satisfied.add(unit.identifier)
            if record is not None and record.satisfied_at is None:
                record.satisfied_at = now
                record.save(update_fields=["satisfied_at", "updated_at"])
    scores = [
        record.score_scaled
        for unit in launchable
        if (record := records.get(unit.identifier)) is not None
        and record.score_scaled is not None
    ]
    successes = [
        record.success_status
        for record in records.values()
        if record.success_status in ("passed", "failed")
    ]
    all_done = len(satisfied) == len(launchable)
    locked.completion_status = (
        "completed" if all_done else ("incomplete" if records else "")
    )
    locked.success_status = (
        "failed"
        if "failed" in successes and not all_done
        else ("passed" if successes and all_done else "")
    )
    locked.score_scaled = sum(scores) / len(scores) if scores else None
    newly_done = all_done and locked.satisfied_at is None
    if newly_done:
        locked.satisfied_at = now
    locked.save()
    if package.standard == Standard.CMI5:
        _state_satisfied(locked, units, satisfied, session_id or str(uuid.uuid4()))
    if newly_done:
        course = course_of(locked.page)
        enrolment = (
            Enrolment.objects.current()
            .filter(user_id=locked.user_id, course=course)
            .first()
            if course is not None
            else None
        )
        if enrolment is not None:
            evaluate_completion(enrolment=enrolment)
    return locked


def _state_satisfied(
    attempt: PackageAttempt, units: list[PackageUnit], satisfied: set, session_id
) -> None:
    """The LMS's ``satisfied`` statements (cmi5 §9.3.9): one per block whose
    AUs are all satisfied and one for the course once they all are, each once
    per registration."""
    package = attempt.package
    issued = set(
        Cmi5Statement.objects.filter(
            attempt=attempt, by_lms=True, verb=xapi.VERBS["satisfied"]
        ).values_list("unit", flat=True)
    )
    aus = [unit for unit in units if unit.kind == "au"]
    course_id = package.course_activity_id or package.activity_id
    wholes = [
        (
            block.identifier,
            "block",
            xapi.BLOCK_TYPE,
            [au for au in aus if block.identifier in au.blocks],
        )
        for block in units
        if block.kind == "block"
    ]
    wholes.append((course_id, "course", xapi.COURSE_TYPE, aus))
    for publisher_id, kind, object_type, members in wholes:
        if publisher_id in issued or not members:
            continue
        if not all(au.identifier in satisfied for au in members):
            continue
        _record_lms_statement(
            attempt,
            publisher_id,
            xapi.lms_statement(
                registration=attempt.registration,
                verb="satisfied",
                object_id=xapi.lms_activity_id(
                    folder=package.folder, kind=kind, publisher_id=publisher_id
                ),
                object_type=object_type,
                session_id=session_id,
                publisher_id=publisher_id,
            ),
        )


def _record_lms_statement(attempt: PackageAttempt, unit: str, statement: dict):
    return Cmi5Statement.objects.create(
        attempt=attempt,
        statement_id=uuid.UUID(statement["id"]),
        verb=statement["verb"]["id"][:200],
        unit=unit[:1000],
        by_lms=True,
        statement=statement,
    )


@transaction.atomic
def commit_runtime(*, record: UnitAttempt, body: bytes) -> UnitAttempt:
    """Store what the SCORM runtime (scorm-again) committed for one SCO: the
    data model without the learner's identity, and the statuses, score and
    resume point read from it; then roll the lesson up. Raises
    ``ValueError`` for a body that is not a data model."""
    if len(body) > MAX_CMI_BYTES:
        raise ValueError(str(RUNTIME_TOO_BIG))
    data = read_json(body)
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
    locked = (
        UnitAttempt.objects.select_for_update()
        .select_related("package")
        .get(pk=record.pk)
    )
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
    roll_up(attempt=locked.attempt, session_id="")
    return locked


# --- cmi5 ---------------------------------------------------------------------


def _abandon(record: UnitAttempt, *, now) -> None:
    """State ``abandoned`` for the record's AU session, which never sent
    ``terminated``, and close it (its token retired)."""
    attempt = record.attempt
    _record_lms_statement(
        attempt,
        record.unit,
        xapi.lms_statement(
            registration=attempt.registration,
            verb="abandoned",
            object_id=record.unit,
            session_id=record.session_id,
            publisher_id=record.unit,
            result={
                "duration": xapi.duration(
                    record.launched_at, record.last_statement_at or now
                )
            },
        ),
    )
    record.terminated = True  # closed: abandoned sessions take no statements
    record.token = ""
    record.save(update_fields=["terminated", "token", "updated_at"])


@transaction.atomic
def launch_cmi5(*, record: UnitAttempt, unit: PackageUnit, page: PackagePage) -> str:
    """A new launch session of one AU: a fresh one-time fetch code (returned),
    the previous session's auth token forgotten, a new session id. Any session
    of the registration the AU never terminated (this AU's previous one, or
    another AU's left open) is ``abandoned`` by the LMS, then the LMS states
    ``launched`` (cmi5 §9.3.8, §9.3.1)."""
    locked = (
        UnitAttempt.objects.select_for_update()
        .select_related("attempt", "package")
        .get(pk=record.pk)
    )
    attempt = locked.attempt
    now = timezone.now()
    open_sessions = (
        UnitAttempt.objects.select_for_update()
        .select_related("attempt")
        .filter(attempt=attempt, terminated=False, launched_at__isnull=False)
        .exclude(session_id="")
    )
    for session in open_sessions:
        _abandon(session, now=now)
    code = secrets.token_urlsafe(24)
    locked.secret = _sha256(code)
    locked.token = ""
    locked.session_id = str(uuid.uuid4())
    locked.launched_at = now
    locked.last_statement_at = None
    locked.terminated = False
    locked.save()
    launch_url = settings.SITE_URL.rstrip("/") + reverse(
        "packages:file",
        kwargs={"page_id": page.pk, "package_id": locked.package_id, "path": unit.path},
    )
    extensions: dict[str, object] = {
        xapi.EXTENSION + "launchmode": "Normal",
        xapi.EXTENSION + "launchurl": launch_url,
        xapi.EXTENSION + "moveon": unit.move_on or "NotApplicable",
    }
    if unit.launch_data:
        extensions[xapi.EXTENSION + "launchparameters"] = unit.launch_data
    if unit.mastery_score is not None:
        extensions[xapi.EXTENSION + "masteryscore"] = unit.mastery_score
    _record_lms_statement(
        attempt,
        unit.identifier,
        xapi.lms_statement(
            registration=attempt.registration,
            verb="launched",
            object_id=unit.identifier,
            session_id=locked.session_id,
            publisher_id=unit.identifier,
            extensions=extensions,
        ),
    )
    return code


@transaction.atomic
def fetch_cmi5_token(*, attempt: PackageAttempt, code: str) -> str | None:
    """The auth token of the AU launch the fetch code belongs to, handed out
    once (the cmi5 fetch URL); None when the code is wrong or already used."""
    locked = (
        UnitAttempt.objects.select_for_update()
        .filter(attempt=attempt, package=attempt.package, secret=_sha256(code))
        .exclude(secret="")
        .first()
    )
    if locked is None:
        return None
    secret = secrets.token_urlsafe(32)
    token = base64.b64encode(f"sigap:{secret}".encode()).decode()
    locked.secret = ""
    locked.token = _sha256(token)
    locked.save(update_fields=["secret", "token", "updated_at"])
    return token


def record_for_token(*, registration, authorization: str) -> UnitAttempt | None:
    """The AU launch whose token is in ``authorization`` (``Basic <token>``),
    when it is of that registration."""
    scheme, _sep, token = (authorization or "").partition(" ")
    if scheme.lower() != "basic" or not token.strip():
        return None
    record = (
        UnitAttempt.objects.select_related("attempt", "package", "attempt__page")
        .filter(
            attempt__registration=registration,
            package__standard=Standard.CMI5,
            token=_sha256(token.strip()),
        )
        .exclude(token="")
        .first()
    )
    if record is None or record.package_id != record.attempt.package_id:
        return None
    return record


def unit_of(record: UnitAttempt) -> PackageUnit | None:
    return next(
        (
            unit
            for unit in record.package.launchable_units()
            if unit.identifier == record.unit
        ),
        None,
    )


class StatementRefused(ValueError):
    """A statement a cmi5 AU may not store for this registration."""


def _part(value) -> dict:
    """A part of a statement that must be an object; {} when it is anything else
    (an AU's string or list there is refused by the checks, not a server error)."""
    return value if isinstance(value, dict) else {}


def _check_statement(record: UnitAttempt, statement, actor: dict) -> str:
    if not isinstance(statement, dict):
        raise StatementRefused("statement is not an object")
    if statement.get("actor") != actor:
        raise StatementRefused("actor does not match the launch")
    context = _part(statement.get("context"))
    if context.get("registration") != str(record.attempt.registration):
        raise StatementRefused("registration does not match the launch")
    verb = _part(statement.get("verb")).get("id")
    if not isinstance(verb, str) or not verb:
        raise StatementRefused("statement has no verb")
    if verb in xapi.LMS_VERBS:
        raise StatementRefused("only the LMS states this verb")
    if verb in xapi.AU_VERBS and _part(statement.get("object")).get("id") != (
        record.unit
    ):
        raise StatementRefused("object is not the AU")
    return verb


@transaction.atomic
def store_cmi5_statements(
    *, record: UnitAttempt, statements: list, actor: dict, statement_id=None
) -> list[str]:
    """Keep the AU's statements (checked: the launch's actor and registration,
    the AU as object of its cmi5 verbs, no verb only the LMS may state) and
    apply completed, passed, failed and terminated to the AU's record; then
    roll the lesson up. A statement id already stored is kept once."""
    locked = (
        UnitAttempt.objects.select_for_update()
        .select_related("attempt", "package")
        .get(pk=record.pk)
    )
    ids = []
    for statement in statements:
        verb = _check_statement(locked, statement, actor)
        raw_id = statement_id or statement.get("id") or str(uuid.uuid4())
        try:
            sid = uuid.UUID(str(raw_id))
        except ValueError as error:
            raise StatementRefused("statement id is not a UUID") from error
        statement = {**statement, "id": str(sid)}
        _row, created = Cmi5Statement.objects.get_or_create(
            attempt=locked.attempt,
            statement_id=sid,
            defaults={
                "verb": verb[:200],
                "unit": locked.unit,
                "statement": statement,
            },
        )
        ids.append(str(sid))
        if not created:
            continue
        locked.last_statement_at = timezone.now()
        result = _part(statement.get("result"))
        if verb == xapi.VERBS["completed"]:
            locked.completion_status = "completed"
        elif verb == xapi.VERBS["terminated"]:
            locked.terminated = True
        elif verb in (xapi.VERBS["passed"], xapi.VERBS["failed"]):
            if locked.success_status != "passed":
                locked.success_status = (
                    "passed" if verb == xapi.VERBS["passed"] else "failed"
                )
            scaled = _float(_part(result.get("score")).get("scaled"))
            if scaled is not None:
                locked.score_scaled = max(-1.0, min(1.0, scaled))
    locked.save()
    roll_up(attempt=locked.attempt, session_id=locked.session_id)
    return ids


def store_state_document(*, record: UnitAttempt, state_id: str, document: str) -> bool:
    """Keep one of the AU's state documents (its own bookmark); False when the
    document or the number of documents is over the limit."""
    if len(document.encode()) > MAX_STATE_BYTES or len(state_id) > 200:
        return False
    documents = dict(record.state_documents)
    if state_id not in documents and len(documents) >= MAX_STATE_DOCUMENTS:
        return False
    documents[state_id] = document
    record.state_documents = documents
    record.save(update_fields=["state_documents", "updated_at"])
    return True


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): what a package wrote freely about
    the person (each unit's data model with its interactions and suspend data,
    the registration's statements and state documents) is removed; the
    pseudonymous facts (done, statuses, score) stay, as for every learning
    record."""
    records = UnitAttempt.objects.filter(attempt__user=person)
    statements = Cmi5Statement.objects.filter(attempt__user=person)
    removed = statements.count()
    statements.delete()
    cleared = records.update(
        cmi={}, suspend_data="", location="", state_documents={}, secret="", token=""
    )
    counts = {}
    if cleared:
        counts["package_runtime_cleared"] = cleared
    if removed:
        counts["cmi5_statements_removed"] = removed
    return counts
