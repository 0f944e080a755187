"""Learner and HR pages: "Kompetensi saya", evidence, claims and their review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.middleware import staff_mfa_redirect
from lms.numbers import parse_int
from lms.private_files import serve_private_file

from .charts import growth_chart, profile_chart
from .forms import ClaimDecisionForm, ClaimForm
from .models import CompetencyEvidence, ExternalLearningClaim
from .permissions import (
    can_review_claim,
    can_submit_claim,
    can_use_claim_review,
    can_view_claim,
    can_view_evidence,
    can_view_own_competencies,
    claims_in_hr_scope,
)
from .selectors import GrowthRow, competency_growth, competency_profile, jp_summary
from .services import ClaimAlreadyDecided, decide_claim, submit_claim


def _year_from(request) -> int:
    this_year = timezone.localdate().year
    year = parse_int(request.GET.get("tahun"), min_value=2000, max_value=this_year + 1)
    return this_year if year is None else year


@login_required
def my_competencies_view(request):
    if not can_view_own_competencies(request.user):
        raise PermissionDenied
    rows = competency_profile(user=request.user)
    growth = competency_growth(user=request.user)
    measured = [row for row in growth if row.pre is not None or row.post is not None]
    year = _year_from(request)
    jp = jp_summary(user=request.user, year=year)
    this_year = timezone.localdate().year
    jp_now = jp if year == this_year else jp_summary(user=request.user)
    standards = [row for row in rows if row.required_level]
    gap_rows = [row for row in rows if row.has_gap]
    profile = getattr(request.user, "asn_profile", None)
    return render(
        request,
        "competencies/my_competencies.html",
        {
            "rows": rows,
            "gap_rows": gap_rows,
            "uncovered_gaps": [row for row in gap_rows if not row.closing_courses],
            "standard_total": len(standards),
            "standard_met": sum(1 for row in standards if not row.has_gap),
            "profile_chart": profile_chart(rows),
            "growth": growth,
            "growth_chart": growth_chart(measured) if measured else "",
            "jp": jp,
            "jp_now": jp_now,
            "years": range(this_year, 2019, -1),
            "jabatan": profile.jabatan if profile else None,
            "claims": ExternalLearningClaim.objects.filter(user=request.user)[:20],
        },
    )


@login_required
def evidence_detail_view(request, evidence_id: int):
    evidence = get_object_or_404(
        CompetencyEvidence.objects.select_related("competency", "course", "user"),
        pk=evidence_id,
    )
    if not can_view_evidence(request.user, evidence):
        raise Http404
    # Someone else's record: staff see it only with MFA, as in /hr/.
    if evidence.user_id != request.user.pk and (
        mfa_first := staff_mfa_redirect(request)
    ):
        return mfa_first
    level = evidence.competency.levels.filter(level=evidence.level_demonstrated).first()
    return render(
        request,
        "competencies/competency_evidence.html",
        {"evidence": evidence, "level": level, "growth": GrowthRow(evidence=evidence)},
    )


@login_required
def claim_create_view(request):
    if not can_submit_claim(request.user):
        messages.info(
            request, _("Lengkapi profil ASN Anda (NIP, unit kerja) sebelum mengajukan.")
        )
        return redirect("accounts:profile")
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            submit_claim(
                user=request.user,
                data=form.claim_data(),
                evidence=form.cleaned_data["evidence"],
            )
            messages.success(
                request,
                _("Klaim terkirim. Anda akan menerima email setelah HR meninjaunya."),
            )
            return redirect("competencies:mine")
        status = 400
    else:
        status = 200
    return render(
        request,
        "competencies/external_learning_claim_form.html",
        {"form": form},
        status=status,
    )


def _evidence_response(claim):
    return serve_private_file(
        claim.evidence,
        content_type="application/pdf",
        filename=f"bukti-klaim-{claim.pk}.pdf",
    )


@login_required
def claim_evidence_view(request, claim_id: int):
    """The claimant's own evidence (HR in scope may open it too)."""
    claim = get_object_or_404(ExternalLearningClaim, pk=claim_id)
    if not can_view_claim(request.user, claim):
        raise Http404
    if claim.user_id != request.user.pk and (mfa_first := staff_mfa_redirect(request)):
        return mfa_first
    return _evidence_response(claim)


@login_required
def claim_review_evidence_view(request, claim_id: int):
    """The evidence as the reviewing HR officer opens it, inside /hr/."""
    claim = get_object_or_404(ExternalLearningClaim, pk=claim_id)
    if not can_review_claim(request.user, claim):
        raise Http404
    return _evidence_response(claim)


@login_required
def claim_review_queue_view(request):
    if not can_use_claim_review(request.user):
        raise PermissionDenied
    claims = claims_in_hr_scope(
        ExternalLearningClaim.objects.select_related(
            "user", "user__asn_profile", "user__asn_profile__unit"
        ),
        request.user,
    )
    return render(
        request,
        "competencies/claim_review_queue.html",
        {
            "pending": claims.pending().order_by("submitted_at"),
            "decided": claims.exclude(status=ExternalLearningClaim.Status.SUBMITTED)
            .select_related("reviewed_by")
            .order_by("-reviewed_at")[:30],
        },
    )


@login_required
def claim_review_view(request, claim_id: int):
    claim = get_object_or_404(
        ExternalLearningClaim.objects.select_related("user", "user__asn_profile"),
        pk=claim_id,
    )
    if not can_review_claim(request.user, claim):
        raise Http404
    form = ClaimDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not claim.is_pending:
            messages.warning(request, _("Klaim ini sudah diputuskan sebelumnya."))
            return redirect("competencies:review_queue")
        if form.is_valid():
            try:
                decide_claim(
                    claim=claim,
                    reviewer=request.user,
                    approve=form.approve,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            except ClaimAlreadyDecided:
                messages.warning(request, _("Klaim ini sudah diputuskan sebelumnya."))
            else:
                messages.success(
                    request,
                    _("Klaim disetujui; JP dicatat.")
                    if form.approve
                    else _("Klaim ditolak; peserta diberi tahu alasannya."),
                )
            return redirect("competencies:review_queue")
        status = 400
    return render(
        request,
        "competencies/claim_review.html",
        {"claim": claim, "form": form},
        status=status,
    )
