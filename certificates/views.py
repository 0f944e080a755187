"""Certificate pages: public verification, "Sertifikat saya", downloads, revocation."""

import hashlib
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from courses.models import CoursePage
from lms.accounts.middleware import staff_area, staff_mfa_redirect
from lms.audit.services import record_event
from lms.private_files import serve_private_file
from lms.ratelimit import rate_limited

from .badges import open_badge_credential
from .bundles import start_bundle
from .credentials import is_enabled as credentials_enabled
from .forms import FingerprintForm, ReissueForm, RevokeForm
from .models import Certificate, CertificateBundle
from .permissions import (
    can_download_certificate,
    can_handle_certificates_singly,
    can_manage_course_certificates,
    can_reissue_certificate,
    can_revoke_certificate,
    course_certificates_for,
    courses_with_certificates_for,
)
from .services import (
    CODE_PATTERN,
    CertificateError,
    reissue_certificate,
    revoke_certificate,
)
from .verification import cached_page, cached_page_key, keep_page

PUBLIC_MAX_AGE = 300  # a revocation reaches every cache within five minutes
# What the verification page shows (docs/domain.md: nothing more); also keeps the one
# query small.
VERIFICATION_FIELDS = (
    "code",
    "status",
    "number",
    "holder_name",
    "holder_nip",
    "holder_employee_type",
    "course_title",
    "course_code",
    "jp",
    "jenis_diklat_name",
    "started_on",
    "completed_on",
    "issued_at",
    "valid_until",
    "revoked_at",
    "revoked_reason",
    "institution_name",
    "signer_name",
    "signer_position",
    "signed",
    "signature_info",
    "pdf",
    "sha256",
    # A programme certificate's courses (``texts["courses"]``), listed on the page.
    "texts",
    "superseded_by",
)


def _public(response):
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


@require_GET
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="verify", read=cached_page_key)
def verify_view(request, code: str):
    """The page a QR code opens: status and the printed facts, in one query (none
    when an anonymous visitor's page is in the cache)."""
    page = cached_page(request, code)
    if page is not None:
        return _public(HttpResponse(page))
    certificate = next(
        iter(
            Certificate.objects.select_related("superseded_by")
            .only(*VERIFICATION_FIELDS, "superseded_by__code")
            .filter(code=code)
            .order_by()[:1]
        ),
        None,
    )
    if certificate is None:
        return _code_not_found(request, code)
    response = render(
        request,
        "certificates/certificate_verification.html",
        {"certificate": certificate, "status": certificate.shown_status},
    )
    keep_page(request, certificate, response.content)
    return _public(response)


def _code_not_found(request, typed: str):
    """404 with what a verifier can check and a form to type the code again.

    Rendered here rather than raised, so that it is the same page in the demo
    (``DEBUG`` would show Django's technical 404 instead)."""
    return render(
        request,
        "certificates/certificate_not_found.html",
        {"typed": typed[:200]},
        status=404,
    )


def _code_in(typed: str) -> str:
    """The code in what a verifier typed or pasted: the whole verification
    address, the code with spaces, or with a trailing slash."""
    typed = typed.strip().rstrip("/")
    return "".join(typed.rpartition("/v/")[2].split())


def _verify_typed(request, typed: str):
    code = _code_in(typed)
    if re.fullmatch(CODE_PATTERN, code):
        return redirect("certificates:verify", code=code)
    return _code_not_found(request, typed)


@require_GET
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="verify")
def typed_code_view(request, typed: str):
    """``/v/<anything that is not a code>``: the code it holds, or the not-found
    page."""
    return _verify_typed(request, typed)


@require_GET
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="verify")
def badge_view(request, code: str):
    """The certificate as an Open Badges 3.0 credential (JSON)."""
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None or certificate.status == Certificate.Status.REVOKED:
        raise Http404
    response = JsonResponse(
        open_badge_credential(certificate),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/ld+json; charset=utf-8",
    )
    return _public(response)


@require_http_methods(["GET", "POST"])
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="check")
def check_view(request):
    """Check a certificate: by its code, or by uploading the PDF (fingerprint)."""
    typed = request.GET.get("kode", "").strip()
    if typed:
        return _verify_typed(request, typed)
    result = None
    form = (
        FingerprintForm(request.POST, request.FILES)
        if request.method == "POST"
        else FingerprintForm()
    )
    if request.method == "POST" and form.is_valid():
        digest = hashlib.sha256()
        for chunk in form.cleaned_data["pdf"].chunks():
            digest.update(chunk)
        match = Certificate.objects.filter(sha256=digest.hexdigest()).first()
        result = {"digest": digest.hexdigest(), "certificate": match}
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(
        request,
        "certificates/certificate_check.html",
        {"form": form, "result": result},
        status=status,
    )


@login_required
def my_certificates_view(request):
    certificates = Certificate.objects.for_holder(request.user).order_by(
        "-issued_at", "-id"
    )
    return render(
        request,
        "certificates/certificate_list.html",
        {"certificates": certificates, "credentials_enabled": credentials_enabled()},
    )


@login_required
def download_view(request, code: str):
    certificate = (
        Certificate.objects.select_related("holder_unit", "user__asn_profile__unit")
        .filter(code=code)
        .first()
    )
    if (
        certificate is None
        or not certificate.pdf
        or not can_download_certificate(request.user, certificate)
    ):
        raise Http404
    if certificate.user_id != request.user.pk:
        # Someone else's certificate: staff see it only with MFA, as in /hr/.
        if mfa_first := staff_mfa_redirect(request):
            return mfa_first
        record_event(
            actor=request.user,
            action="certificate.download",
            target=certificate,
            request=request,
        )
    return serve_private_file(
        certificate.pdf,
        filename=f"sertifikat-{slugify(certificate.number)}.pdf",
        content_type="application/pdf",
    )


def _certificate_for_staff(request, code: str, predicate) -> Certificate:
    certificate = (
        Certificate.objects.select_related("holder_unit", "user__asn_profile__unit")
        .filter(code=code)
        .first()
    )
    if certificate is None or not predicate(request.user, certificate):
        raise Http404
    return certificate


@staff_area
@login_required
@require_http_methods(["GET", "POST"])
def revoke_view(request, code: str):
    certificate = _certificate_for_staff(request, code, can_revoke_certificate)
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            revoke_certificate(
                certificate=certificate,
                by=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Sertifikat %(number)s telah dicabut.")
                % {"number": certificate.number},
            )
            return redirect("certificates:verify", code=certificate.code)
    return render(
        request,
        "certificates/certificate_revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff_area
@login_required
@require_http_methods(["GET", "POST"])
def reissue_view(request, code: str):
    certificate = _certificate_for_staff(request, code, can_reissue_certificate)
    form = ReissueForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            new = reissue_certificate(
                certificate=certificate,
                by=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except CertificateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Sertifikat baru %(number)s diterbitkan; yang lama diganti.")
                % {"number": new.number},
            )
            return redirect("certificates:verify", code=new.code)
    return render(
        request,
        "certificates/certificate_reissue.html",
        {"certificate": certificate, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@staff_area
@login_required
def manage_view(request):
    """Courses whose certificates the user manages (trainer: own; HR, admin: all)."""
    courses = courses_with_certificates_for(
        request.user, CoursePage.objects.live().order_by("path")
    ).annotate(issued=Count("certificates", filter=Q(certificates__status="valid")))
    courses = list(courses)
    # HR and administrators may have nothing to manage yet; anyone else 404s.
    if not courses and not can_handle_certificates_singly(request.user):
        raise Http404
    return render(request, "certificates/certificate_manage.html", {"courses": courses})


def _managed_course(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_manage_course_certificates(request.user, course):
        raise Http404
    return course


@staff_area
@login_required
def course_certificates_view(request, course_id: int):
    course = _managed_course(request, course_id)
    certificates = course_certificates_for(request.user, course).order_by(
        "number_scope", "seq"
    )
    bundles = CertificateBundle.objects.filter(
        course=course, requested_by=request.user
    )[:5]
    return render(
        request,
        "certificates/course_certificates.html",
        {
            "course": course,
            "certificates": certificates,
            "bundles": bundles,
            "can_handle_each": can_handle_certificates_singly(request.user),
        },
    )


@staff_area
@login_required
@require_POST
def bundle_start_view(request, course_id: int):
    course = _managed_course(request, course_id)
    bundle = start_bundle(course=course, user=request.user)
    return redirect("certificates:bundle", bundle_id=bundle.pk)


def _own_bundle(request, bundle_id: int) -> CertificateBundle:
    """A bundle the user asked for, while they still manage the course's
    certificates (a trainer or HR officer who lost the role loses the ZIP too)."""
    bundle = get_object_or_404(
        CertificateBundle.objects.select_related("course"),
        pk=bundle_id,
        requested_by=request.user,
    )
    if not can_manage_course_certificates(request.user, bundle.course):
        raise Http404
    return bundle


@staff_area
@login_required
def bundle_view(request, bundle_id: int):
    bundle = _own_bundle(request, bundle_id)
    return render(request, "certificates/certificate_bundle.html", {"bundle": bundle})


@staff_area
@login_required
def bundle_download_view(request, bundle_id: int):
    bundle = _own_bundle(request, bundle_id)
    if bundle.status != CertificateBundle.Status.DONE or not bundle.file:
        raise Http404
    return serve_private_file(
        bundle.file,
        filename=f"sertifikat-{slugify(bundle.course.code)}.zip",
        content_type="application/zip",
    )
