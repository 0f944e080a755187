"""HR writes: export and import jobs, bulk enrolment. Reads are in ``selectors``
and the modules named after what they read (``reports``, ``transcript``, ``jp``)."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation

from courses.models import CoursePage, Enrolment
from courses.permissions import LearningRefused
from courses.services import enrol
from lms.accounts.employee_numbers import normalise_employee_number
from lms.accounts.models import AsnProfile, OrgUnit, User
from lms.accounts.scope import profiles_in_scope, users_in_scope
from lms.audit.services import record_event
from lms.cache import forget_person
from lms.emails import absolute_url, send_email

from .exports import riwayat_kursus_queryset, time_spent_queryset
from .filters import HrFilters
from .imports import read_rows
from .jobs import run_job
from .models import HrJob
from .reminders import send_due_reminders
from .tasks import run_hr_job


def _start_xlsx_export(
    *,
    user: User,
    filters: HrFilters,
    kind: str,
    report: str,
    params: dict,
    total: int,
    request: HttpRequest | None,
) -> HrJob:
    """Create a background XLSX export job of ``report``, audit it and queue it."""
    job = HrJob.objects.create(kind=kind, created_by=user, params=params, total=total)
    record_event(
        actor=user,
        action="hr.export",
        target=job,
        request=request,
        format="xlsx",
        report=report,
        filters=filters.as_query(),
        background=True,
    )
    run_hr_job.enqueue(job.pk)
    return job


def start_riwayat_xlsx_export(
    *,
    user: User,
    filters: HrFilters,
    request: HttpRequest | None = None,
    total: int | None = None,
) -> HrJob:
    """Create a background XLSX export of the national report and queue it
    (``total``: its row count, when the caller has already counted)."""
    if total is None:
        total = riwayat_kursus_queryset(user=user, filters=filters).count()
    return _start_xlsx_export(
        user=user,
        filters=filters,
        kind=HrJob.Kind.EXPORT_RIWAYAT_XLSX,
        report="riwayat_kursus",
        params=filters.as_query(),
        total=total,
        request=request,
    )


def start_time_spent_xlsx_export(
    *,
    user: User,
    filters: HrFilters,
    request: HttpRequest | None = None,
    total: int | None = None,
) -> HrJob:
    """Create a background XLSX export of the learning time per learner and
    course, in the requester's language, and queue it."""
    if total is None:
        total = time_spent_queryset(user=user, filters=filters).count()
    return _start_xlsx_export(
        user=user,
        filters=filters,
        kind=HrJob.Kind.EXPORT_TIME_XLSX,
        report="waktu_belajar",
        params=filters.as_query() | {"language": translation.get_language() or ""},
        total=total,
        request=request,
    )


def start_staff_import(*, user: User, uploaded: UploadedFile) -> HrJob:
    """Store the upload and run its dry run (in the background when it is large)."""
    rows = read_rows(uploaded)  # raises ImportFileError for unreadable files
    uploaded.seek(0)
    filename = uploaded.name or ""
    job = HrJob.objects.create(
        kind=HrJob.Kind.IMPORT_STAFF,
        created_by=user,
        params={"phase": "dry_run", "filename": filename[:200]},
        total=len(rows),
    )
    job.source.save(filename[-80:], uploaded, save=True)
    if len(rows) > settings.SIGAP_HR_IMPORT_SYNC_ROWS:
        run_hr_job.enqueue(job.pk)
    else:
        run_job(job_id=job.pk)
    return job


def apply_staff_import(*, job: HrJob, request: HttpRequest | None = None) -> HrJob:
    """Apply a checked import: all rows or none (in the background when large)."""
    job.params = {**job.params, "phase": "apply"}
    job.status = HrJob.Status.PENDING
    job.done = 0
    job.save(update_fields=["params", "status", "done"])
    if job.total > settings.SIGAP_HR_IMPORT_SYNC_ROWS:
        run_hr_job.enqueue(job.pk)
    else:
        run_job(job_id=job.pk)
    return job


@dataclass
class BulkEnrolResult:
    enrolled: int = 0
    already: int = 0
    not_found: list[str] = field(default_factory=list)
    # NIPs of people the course is closed to (a Wagtail group restriction).
    refused: list[str] = field(default_factory=list)


def bulk_enrol(
    *,
    officer: User,
    course: CoursePage,
    unit: OrgUnit | None = None,
    nips: list[str] | None = None,
    deadline: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> BulkEnrolResult:
    """Enrol everyone in scope under ``unit`` and/or with a NIP in ``nips``.

    NIPs that are unknown or outside the officer's scope are listed, not enrolled
    (the same message for both, so scope does not leak). New enrolments are emailed.
    """
    people = profiles_in_scope(officer)
    result = BulkEnrolResult()
    targets = people.none()
    if unit is not None:
        targets = people.filter(unit__path__startswith=unit.path)
    if nips:
        wanted = {normalise_employee_number(n) for n in nips}
        by_nip = people.filter(nip__in=wanted)
        found = set(by_nip.values_list("nip", flat=True))
        result.not_found = sorted(wanted - found)
        targets = targets | by_nip
    new = []
    with transaction.atomic():
        for profile in targets.select_related("user").order_by("pk").distinct():
            try:
                enrolment, created = enrol(
                    user=profile.user,
                    course=course,
                    source=Enrolment.Source.BULK,
                    deadline=deadline,
                )
            except LearningRefused:
                result.refused.append(profile.nip or profile.user.email)
                continue
            if created:
                result.enrolled += 1
                new.append(enrolment)
            else:
                result.already += 1
                if deadline and not enrolment.is_completed and not enrolment.deadline:
                    enrolment.deadline = deadline
                    enrolment.save(update_fields=["deadline"])
        record_event(
            actor=officer,
            action="hr.bulk_enrol",
            target=course,
            request=request,
            enrolled=result.enrolled,
            already=result.already,
            unit=unit.code if unit else "",
            nips=len(nips or []),
            deadline=deadline.isoformat() if deadline else "",
        )
        transaction.on_commit(lambda: notify_enrolled(enrolments=new))
    return result


def notify_enrolled(*, enrolments: list[Enrolment]) -> int:
    """Tell each learner by email that HR enrolled them (with the deadline, if any)."""
    my_courses_url = absolute_url("courses:my_courses")
    for enrolment in enrolments:
        send_email(
            kind="enrolled_by_hr",
            to=enrolment.user,
            context={
                "name": enrolment.user.display_name,
                "course": enrolment.course,
                "deadline": enrolment.deadline,
                "my_courses_url": my_courses_url,
            },
            link=my_courses_url,
        )
    return len(enrolments)


# --- supervisors (atasan langsung) and reminders -----------------------------------


class SupervisorNotFound(ValueError):
    """The typed e-mail or NIP names nobody in the officer's scope."""


def find_supervisor_in_scope(*, officer: User, typed: str) -> User:
    """The person an HR officer means by ``typed`` (an e-mail address or a NIP),
    among the people of their scope; ``SupervisorNotFound`` otherwise."""
    typed = (typed or "").strip()
    profiles = profiles_in_scope(officer).filter(user__is_active=True)
    if "@" in typed:
        profile = profiles.filter(user__email__iexact=typed).first()
    else:
        profile = profiles.filter(nip=normalise_employee_number(typed) or "-").first()
    if profile is None:
        raise SupervisorNotFound(typed)
    return profile.user


@transaction.atomic
def set_supervisor(
    *,
    by: User,
    person: User,
    supervisor: User | None,
    request: HttpRequest | None = None,
) -> None:
    """HR sets (or clears, ``supervisor=None``) ``person``'s direct supervisor."""
    if supervisor is not None and supervisor.pk == person.pk:
        raise SupervisorNotFound(str(supervisor.pk))
    previous = (
        AsnProfile.objects.filter(user=person)
        .values_list("supervisor", flat=True)
        .first()
    )
    AsnProfile.objects.filter(user=person).update(supervisor=supervisor)
    forget_person([previous, supervisor.pk if supervisor is not None else None])
    record_event(
        actor=by,
        action="hr.set_supervisor",
        target=person,
        request=request,
        supervisor=supervisor.pk if supervisor is not None else None,
    )


def send_reminders_now(*, by: User, request: HttpRequest | None = None) -> int:
    """*Kirim sekarang*: send the reminders due now to the people of ``by``'s
    scope (the job's own rule: nothing already sent within the window goes
    again); how many were sent."""
    run = send_due_reminders(people=users_in_scope(by))
    record_event(
        actor=by,
        action="hr.send_reminders",
        request=request,
        sent=run.total,
        by_kind=dict(run.sent),
    )
    return run.total
