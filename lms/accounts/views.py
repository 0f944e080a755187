"""Account pages of our own: privacy notice and ASN profile."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from lms.audit.services import record_event
from lms.emails import recipient_language

from .forms import AsnProfileForm, DataRequestForm
from .models import AsnProfile, DataRequest
from .permissions import is_staff_role
from .personal_data import collect_personal_data, personal_data_json, personal_data_zip
from .privacy import (
    RequestAlreadyOpen,
    lift_restriction,
    request_erasure,
    request_restriction,
)
from .services import acknowledge_privacy_notice, choose_language, save_profile


def safe_next(request, default: str) -> str:
    """The ``next`` path asked for, when it stays on this site, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site; redirect() would take a bare word for a URL name and
    # fail (NoReverseMatch, a 500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return default


def needs_asn_profile(user) -> bool:
    """A learner fills in the ASN profile after the privacy notice. Staff accounts
    (trainers, reviewers, HR, admins, often made by an admin or HR) are not sent
    there: nothing they do as staff needs it, and they fill it in only when they
    enrol as a learner (enrolment asks for it)."""
    if is_staff_role(user):
        return False
    profile = getattr(user, "asn_profile", None)
    return profile is None or not profile.is_complete


def default_landing(user) -> str:
    return (
        reverse("wagtailadmin_home")
        if is_staff_role(user)
        else reverse("courses:my_courses")
    )


@login_required
@require_http_methods(["GET", "POST"])
def privacy_notice(request):
    if request.method == "POST":
        acknowledge_privacy_notice(user=request.user)
        target = safe_next(request, "")
        if needs_asn_profile(request.user):
            profile = reverse("accounts:profile")
            return redirect(
                f"{profile}?{urlencode({'next': target})}" if target else profile
            )
        return redirect(target or default_landing(request.user))
    return render(
        request, "accounts/privacy_notice.html", {"next": safe_next(request, "")}
    )


@require_POST
def set_language(request):
    """The footer's and the profile's language form: Django's ``set_language``
    (a cookie for this browser), and for a signed-in person their stored choice
    too, which the admin, their e-mails and their next sign-in follow."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        choose_language(user=request.user, language=language)
    return response


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
        return redirect(safe_next(request, "courses:my_courses"))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "next": safe_next(request, ""),
            "preferred_language": recipient_language(request.user),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET"])
def my_data(request):
    """ "Data saya": what Sigap holds, and the person's rights over it."""
    return render(
        request,
        "accounts/my_data.html",
        {
            "requests": DataRequest.objects.filter(user=request.user),
            "erasure_open": DataRequest.objects.open()
            .filter(user=request.user, kind=DataRequest.Kind.ERASURE)
            .exists(),
            "form": DataRequestForm(),
        },
    )


@login_required
@require_http_methods(["GET"])
def my_data_download(request, fmt: str):
    """All of one's own data as JSON, or as a ZIP with the attached files."""
    if fmt not in ("json", "zip"):
        raise Http404
    data = collect_personal_data(user=request.user)
    record_event(
        actor=request.user,
        action="privacy.export",
        target=request.user,
        request=request,
        format=fmt,
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "json":
        response = HttpResponse(
            personal_data_json(data), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(personal_data_zip(data), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="data-saya-sigap-{stamp}.{fmt}"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def my_data_restrict(request):
    form = DataRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"form": form}, status=400)
    request_restriction(
        user=request.user, reason=form.cleaned_data["reason"], request=request
    )
    messages.success(
        request,
        _(
            "Pemrosesan data Anda dibatasi mulai sekarang: Anda tidak akan menerima "
            "pengingat. Catatan pelatihan wajib tetap disimpan."
        ),
    )
    return redirect("accounts:my_data")


@login_required
@require_POST
def my_data_lift_restriction(request):
    lift_restriction(user=request.user, request=request)
    messages.success(request, _("Pembatasan pemrosesan dicabut."))
    return redirect("accounts:my_data")


@login_required
@require_POST
def my_data_erase(request):
    form = DataRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "accounts/my_data.html", {"form": form}, status=400)
    try:
        request_erasure(
            user=request.user, reason=form.cleaned_data["reason"], request=request
        )
    except RequestAlreadyOpen:
        messages.info(request, _("Permintaan penghapusan Anda sudah kami terima."))
    else:
        messages.success(
            request,
            _(
                "Permintaan penghapusan terkirim. Administrator akan "
                "menganonimkan data Anda; sertifikat yang telah terbit tetap dapat "
                "diverifikasi."
            ),
        )
    return redirect("accounts:my_data")
