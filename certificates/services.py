"""Issuing, rendering, revoking and reissuing certificates.

Issuing has two steps so that the slow part never holds a lock: a short
transaction reserves the number and records the snapshot, then the PDF is
rendered, signed and stored. Running ``issue_certificate`` again (a retried task,
a second completion) finds the same certificate and only finishes what is missing.
"""

import calendar
import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.jenis_diklat import JenisDiklat
from courses.models import CoursePage, Enrolment, LessonVisit
from courses.permissions import may_learn
from courses.services import start_new_cycle
from lms.accounts.models import User
from lms.audit.services import record_event

from . import pdf
from .credentials import allocate_status_index, forget_status_lists
from .grading import post_test_percent, predikat_for
from .models import Certificate, CertificateCounter, CertificateTemplate
from .numbering import NumberContext, format_number, number_scope
from .signing import SigningError, get_signer

logger = logging.getLogger(__name__)

CODE_BYTES = 18  # 144 bits of randomness; token_urlsafe gives 24 characters.
# What a verification code can look like (codes of older lengths included).
CODE_PATTERN = r"[A-Za-z0-9_-]{16,64}"


class CertificateError(Exception):
    """A certificate cannot be issued; the message is for people (Indonesian)."""


def new_verification_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def template_for(course: CoursePage) -> CertificateTemplate:
    """The course's own template, else the default one."""
    template = getattr(course, "certificate_template", None)
    return template or CertificateTemplate.objects.default()


def allocate_number(*, pattern: str, context: NumberContext) -> tuple[str, int, str]:
    """Take the next number in the pattern's scope: (number, seq, scope).

    The counter row is locked until the caller's transaction ends, so concurrent
    issuers wait for each other: no duplicates, and a rolled-back issue gives its
    number back (no gaps).
    """
    scope = number_scope(pattern, context=context)
    CertificateCounter.objects.get_or_create(scope=scope)
    counter = CertificateCounter.objects.select_for_update().get(scope=scope)
    counter.last_seq += 1
    counter.save(update_fields=["last_seq"])
    return (
        format_number(pattern, seq=counter.last_seq, context=context),
        counter.last_seq,
        scope,
    )


def _holder_snapshot(*, user: User, template: CertificateTemplate) -> dict:
    """Who holds it and who signs it, as printed (copied at issue)."""
    profile = getattr(user, "asn_profile", None)
    unit = profile.unit if profile else None
    instansi = (
        (profile.instansi or (unit.instansi if unit else None)) if profile else None
    )
    return {
        "user": user,
        "template": template,
        "template_revision": template.latest_revision,
        "holder_unit": unit,
        "holder_name": user.display_name,
        "holder_nip": (profile.nip or "") if profile else "",
        "holder_employee_type": profile.employee_type if profile else "",
        "holder_birth_place": profile.birth_place if profile else "",
        "holder_birth_date": profile.birth_date if profile else None,
        "holder_golongan": profile.get_golongan_display() if profile else "",
        "holder_jabatan": str(profile.jabatan) if profile and profile.jabatan else "",
        "holder_instansi": instansi.name if instansi else "",
        "holder_unit_name": unit.name if unit else "",
        "institution_name": template.institution_name,
        "signer_name": template.signer_name,
        "signer_nip": template.signer_nip,
        "signer_position": template.signer_position,
        "texts": template.texts(),
    }


def _snapshot(*, enrolment: Enrolment, template: CertificateTemplate) -> dict:
    """Everything the certificate prints, copied now so later edits change nothing."""
    course = enrolment.course
    completed = timezone.localdate(enrolment.completed_at or timezone.now())
    score = post_test_percent(enrolment=enrolment)
    return _holder_snapshot(user=enrolment.user, template=template) | {
        "enrolment": enrolment,
        "course": course,
        "course_title": course.title,
        "course_code": course.code,
        "jp": course.jp,
        "jenis_diklat": course.jenis_diklat,
        "jenis_diklat_name": JenisDiklat(course.jenis_diklat).label,
        "started_on": _learning_started_on(enrolment),
        "completed_on": completed,
        "score": score,
        "predikat": predikat_for(score),
        "valid_until": (
            add_months(completed, template.validity_months)
            if template.validity_months
            else None
        ),
    }


def _learning_started_on(enrolment: Enrolment) -> datetime.date:
    """The first day of the learning period: the learner's first opening of a
    lesson (recorded by the server), else the day of enrolment."""
    first = (
        LessonVisit.objects.filter(enrolment=enrolment)
        .order_by("first_opened_at")
        .values_list("first_opened_at", flat=True)
        .first()
    )
    return timezone.localdate(first or enrolment.enrolled_at)


@transaction.atomic
def _record_certificate(*, enrolment: Enrolment) -> tuple[Certificate, bool]:
    """Reserve a number and store the snapshot, once per enrolment."""
    locked = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("user__asn_profile", "course")
        .get(pk=enrolment.pk)
    )
    existing = Certificate.objects.filter(
        enrolment=locked, status=Certificate.Status.VALID
    ).first()
    if existing is not None:
        return existing, False
    if not locked.is_completed:
        raise CertificateError(_("Kursus ini belum diselesaikan."))
    template = template_for(locked.course.specific)
    fields = _snapshot(enrolment=locked, template=template)
    context = NumberContext(
        course_code=locked.course.code,
        year=fields["completed_on"].year,
        month=fields["completed_on"].month,
    )
    number, seq, scope = allocate_number(
        pattern=template.number_pattern, context=context
    )
    certificate = Certificate.objects.create(
        number=number,
        seq=seq,
        number_scope=scope,
        code=new_verification_code(),
        status_list_index=allocate_status_index(),
        **fields,
    )
    return certificate, True


@dataclass(frozen=True)
class PathCourse:
    """One course printed on a learning-path certificate."""

    title: str
    jp: int


def issue_path_certificate(
    *,
    user: User,
    title: str,
    code: str,
    courses: list[PathCourse],
    started_on: datetime.date,
    completed_on: datetime.date,
    validity_months: int | None = None,
    template: CertificateTemplate | None = None,
) -> Certificate:
    """A certificate for a whole learning path (a programme of several courses):
    the same numbering, snapshot, PDF and verification as a course's, listing the
    courses, with the path's JP (their sum). Tied to no enrolment: the caller keeps
    it (once) on its own record, inside its own transaction.
    """
    template = template or CertificateTemplate.objects.default()
    fields = _holder_snapshot(user=user, template=template)
    fields["texts"] = fields["texts"] | {
        "courses": [{"title": c.title, "jp": c.jp} for c in courses]
    }
    number, seq, scope = allocate_number(
        pattern=template.number_pattern,
        context=NumberContext(
            course_code=code, year=completed_on.year, month=completed_on.month
        ),
    )
    certificate = Certificate.objects.create(
        number=number,
        seq=seq,
        number_scope=scope,
        code=new_verification_code(),
        status_list_index=allocate_status_index(),
        course_title=title,
        course_code=code[:30],
        jp=sum(c.jp for c in courses),
        jenis_diklat=JenisDiklat.KURSUS,
        jenis_diklat_name=JenisDiklat.KURSUS.label,
        started_on=started_on,
        completed_on=completed_on,
        score=None,
        predikat=predikat_for(None),
        valid_until=(
            add_months(completed_on, validity_months) if validity_months else None
        ),
        **fields,
    )
    record_event(actor=None, action="certificate.issue", target=certificate)
    transaction.on_commit(lambda: _render_later(certificate))
    return certificate


def _render_later(certificate: Certificate) -> None:
    try:
        render_certificate(certificate=certificate)
    except SigningError as error:
        logger.warning("certificate %s not signed yet: %s", certificate.number, error)


def issue_certificate(*, enrolment: Enrolment) -> Certificate:
    """The enrolment's one valid certificate: issued now, or the existing one.

    Safe to call twice at once or after a crash: the database allows one valid
    certificate per enrolment, and a missing PDF is rendered on the next call.
    A new one is refused (``CertificateError``) when ``may_learn`` refuses the
    holder the course now (a group restriction they left, an unpublished course).
    """
    if not Certificate.objects.filter(
        enrolment=enrolment, status=Certificate.Status.VALID
    ).exists():
        decision = may_learn(enrolment.user, enrolment.course, enrolment=enrolment)
        if not decision:
            raise CertificateError(decision.message)
    try:
        certificate, created = _record_certificate(enrolment=enrolment)
    except IntegrityError:
        # Another worker recorded it between our check and our insert.
        certificate = Certificate.objects.get(
            enrolment=enrolment, status=Certificate.Status.VALID
        )
        created = False
    if created:
        record_event(actor=None, action="certificate.issue", target=certificate)
    if not certificate.pdf:
        render_certificate(certificate=certificate)
    return certificate


def _image_bytes(image, spec: str) -> bytes | None:
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        return handle.read()


def render_certificate(*, certificate: Certificate) -> Certificate:
    """Render, sign and store the PDF once, recording its SHA-256."""
    template = certificate.template
    logo = signature = None
    if template is not None:
        # JPEG on white, about 300 dpi at the printed size: embedded as it is.
        logo = _image_bytes(
            template.institution_logo, "max-240x240|bgcolor-ffffff|format-jpeg"
        )
        signature = _image_bytes(
            template.signature_image, "max-540x180|bgcolor-ffffff|format-jpeg"
        )
    unsigned = pdf.render_certificate_pdf(certificate, logo=logo, signature=signature)
    result = get_signer().sign(
        unsigned,
        reason=_("Sertifikat pelatihan %(number)s") % {"number": certificate.number},
        location=certificate.texts.get("place", "") or "Indonesia",
    )
    digest = hashlib.sha256(result.data).hexdigest()
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.pdf:  # another worker finished first: keep its file
            return locked
        locked.pdf.save("sertifikat.pdf", ContentFile(result.data), save=False)
        locked.sha256 = digest
        locked.signed = result.signed
        locked.signature_info = result.signer_info[:255]
        locked.rendered_at = timezone.now()
        locked.save(
            update_fields=["pdf", "sha256", "signed", "signature_info", "rendered_at"]
        )
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def revoke_certificate(
    *,
    certificate: Certificate,
    by: User,
    reason: str,
    request: HttpRequest | None = None,
) -> Certificate:
    """Revoke a valid certificate for a stated reason (recorded in the audit trail)."""
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status != Certificate.Status.VALID:
        raise CertificateError(_("Sertifikat ini sudah tidak berlaku."))
    locked.status = Certificate.Status.REVOKED
    locked.revoked_at = timezone.now()
    locked.revoked_by = by
    locked.revoked_reason = reason
    locked.save(update_fields=["status", "revoked_at", "revoked_by", "revoked_reason"])
    forget_status_lists(certificate=locked)
    record_event(
        actor=by,
        action="certificate.revoke",
        target=locked,
        request=request,
        reason=reason,
    )
    return locked


def reissue_certificate(
    *,
    certificate: Certificate,
    by: User,
    reason: str,
    request: HttpRequest | None = None,
) -> Certificate:
    """Issue a fresh certificate (new number, current data); supersede the old one."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        enrolment = locked.enrolment
        if enrolment is None:
            raise CertificateError(
                _("Pendaftaran kursus untuk sertifikat ini sudah dihapus.")
            )
        if locked.status != Certificate.Status.VALID:
            raise CertificateError(
                _("Hanya sertifikat yang sah dapat diterbitkan ulang.")
            )
        locked.status = Certificate.Status.SUPERSEDED
        locked.save(update_fields=["status"])
        forget_status_lists(certificate=locked)
        new, _created = _record_certificate(enrolment=enrolment)
        locked.superseded_by = new
        locked.save(update_fields=["superseded_by"])
        record_event(
            actor=by,
            action="certificate.reissue",
            target=locked,
            request=request,
            reason=reason,
            new_number=new.number,
        )
    try:
        return render_certificate(certificate=new)
    except SigningError as error:
        # Reissued all the same; the scheduled run signs and stores the PDF later.
        logger.warning("certificate %s not signed yet: %s", new.number, error)
        return new


# --- renewal of course certificates ------------------------------------------

# Days before a course certificate ends on which its holder is given the course
# again (as a programme's default ``renewal_lead_days``).
RENEWAL_LEAD_DAYS = 60


def renew_expiring_certificates(*, today: datetime.date | None = None) -> int:
    """Give the course again to holders of a valid course certificate that ends
    within ``RENEWAL_LEAD_DAYS`` (Jakarta days; one already past its date too,
    should a run have been missed): a new enrolment cycle due on the day the
    certificate ends. The certificate stays valid until then, and stays on record.
    Idempotent: only a certificate of a current, completed enrolment starts a
    cycle, and the new cycle makes it an earlier one. Return how many started.
    """
    today = today or timezone.localdate()
    due = (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            valid_until__isnull=False,
            valid_until__lte=today + datetime.timedelta(days=RENEWAL_LEAD_DAYS),
            enrolment__is_current=True,
            enrolment__status=Enrolment.Status.COMPLETED,
            enrolment__user__is_active=True,
            enrolment__course__live=True,
        )
        .select_related("enrolment")
        .order_by("valid_until", "pk")
    )
    started = 0
    for certificate in due:
        enrolment = certificate.enrolment
        if enrolment is None or certificate.valid_until is None:
            continue
        fresh, created = start_new_cycle(
            enrolment=enrolment, deadline=certificate.valid_until
        )
        if created:
            started += 1
            record_event(
                actor=None,
                action="certificate.renewal_assigned",
                target=fresh,
                certificate=certificate.number,
                valid_until=certificate.valid_until.isoformat(),
                cycle=fresh.cycle,
            )
    return started
