"""Account pages of our own: privacy notice and ASN profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import AsnProfileForm
from .models import AsnProfile
from .services import acknowledge_privacy_notice, save_profile


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def privacy_notice(request):
    if request.method == "POST":
        acknowledge_privacy_notice(user=request.user)
        profile = getattr(request.user, "asn_profile", None)
        if profile is None or not profile.is_complete:
            return redirect("accounts:profile")
        return redirect(_safe_next(request, "courses:my_courses"))
    return render(
        request, "accounts/privacy_notice.html", {"next": _safe_next(request, "")}
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    instance = AsnProfile.objects.filter(user=request.user).first() or AsnProfile(
        user=request.user, full_name=request.user.name
    )
    form = AsnProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_profile(user=request.user, form=form)
        messages.success(request, _("Profil Anda tersimpan."))
        return redirect(_safe_next(request, "courses:my_courses"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "next": _safe_next(request, "")},
        status=status,
    )
