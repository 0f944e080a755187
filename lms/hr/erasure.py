"""What erasing a person does to the national export (riwayat kursus), noted for HR.

``lms.accounts.privacy.erase_person`` runs this step (``SIGAP_ERASURE_STEPS``)
before the person's ASN profile goes, so the export's facts can still be read.
"""

from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrolment
from lms.accounts import scope
from lms.accounts.models import AsnProfile, User

from .filters import HrFilters
from .models import ErasedCompletion


def note_national_export(*, person: User) -> dict:
    """Note every completion of ``person`` as kept in or removed from the export.

    Kept: a valid certificate with the holder's NIP exists; its snapshot (kept
    anyway so the certificate stays verifiable) is the national row. Removed: no
    such certificate, so nothing would be left to report it by. Returns counts for
    the erasure's audit event.
    """
    if person.erased_at is not None:  # erased before: already noted
        return {}
    profile = (
        AsnProfile.objects.filter(user=person)
        .select_related("unit", "instansi")
        .first()
    )
    unit = profile.unit if profile else None
    # As the export showed it before (``user__asn_profile__instansi__code``).
    instansi = profile.instansi if profile else None
    completed = Enrolment.objects.filter(
        user=person, status=Enrolment.Status.COMPLETED
    ).select_related("course")
    certificates = {}
    for certificate in Certificate.objects.filter(enrolment__in=completed).order_by(
        "pk"
    ):
        # A valid certificate wins over a revoked or superseded one.
        current = certificates.get(certificate.enrolment_id)
        if current is None or certificate.status == Certificate.Status.VALID:
            certificates[certificate.enrolment_id] = certificate
    now = timezone.now()
    notes = []
    for enrolment in completed:
        certificate = certificates.get(enrolment.pk)
        note = ErasedCompletion(
            erased_at=now,
            unit=unit,
            course=enrolment.course,
            course_title=enrolment.course.title,
            certificate_number=certificate.number if certificate else "",
            completed_on=timezone.localdate(enrolment.completed_at),
            outcome=ErasedCompletion.Outcome.REMOVED,
        )
        if (
            certificate is not None
            and certificate.status == Certificate.Status.VALID
            and certificate.holder_nip
        ):
            note.outcome = ErasedCompletion.Outcome.KEPT
            note.certificate = certificate
            note.unit = certificate.holder_unit or unit
            note.completed_on = certificate.completed_on
            note.instansi_code = instansi.code if instansi else ""
        notes.append(note)
    ErasedCompletion.objects.bulk_create(notes)
    kept = sum(n.outcome == ErasedCompletion.Outcome.KEPT for n in notes)
    return {
        "national_records_kept": kept,
        "national_records_removed": len(notes) - kept,
    }


def erased_completions(user, filters: HrFilters):
    """Notes of erased people's completions in ``user``'s HR scope and filters."""
    qs = ErasedCompletion.objects.select_related("unit")
    condition = scope.scope_q(user, unit_lookup="unit")
    if condition is not None:
        qs = qs.filter(condition)
    if filters.year:
        qs = qs.filter(completed_on__year=filters.year)
    if filters.unit is not None:
        qs = qs.filter(unit__path__startswith=filters.unit.path)
    if filters.course is not None:
        qs = qs.filter(course=filters.course)
    return qs


def kept_national_rows(user, filters: HrFilters):
    """The kept rows that belong in this export, as national-export tuples
    (the same order as ``exports.riwayat_kursus_queryset``).

    Only the facts on the certificate were kept: a filter on jabatan or golongan
    cannot be answered for them, so such an export leaves them out.
    """
    if filters.jabatan_category or filters.golongan:
        return ErasedCompletion.objects.none().values_list("pk")
    # Revoking the certificate later takes its row out too.
    qs = erased_completions(user, filters).filter(
        outcome=ErasedCompletion.Outcome.KEPT,
        certificate__status=Certificate.Status.VALID,
    )
    if filters.employee_type:
        qs = qs.filter(certificate__holder_employee_type=filters.employee_type)
    return qs.order_by("pk").values_list(
        "instansi_code",
        "certificate__jenis_diklat",
        "certificate__jp",
        "certificate__course_title",
        "certificate__number",
        "certificate__holder_nip",
        "certificate__started_on",
        "certificate__completed_on",
    )
