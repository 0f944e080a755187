"""The LTI tool's public end points (login initiation, launch, key set, the
course target link) and its screens in the Wagtail admin (administrators).

The login initiation and the launch are called by another site (the platform
posts a form from its own origin): Django's CSRF token cannot be there, so
they are ``csrf_exempt``. What protects them instead: the launch is believed
only with an id_token signed by the registered platform's key, for Sigap's
client ID and a registered deployment, carrying the nonce Sigap made for a
``state`` it keeps server-side and accepts once (``launch.validate_launch``).
A forged cross-site POST has none of these. The login initiation changes
nothing but a short-lived state row and only redirects to the registered
platform's own login URL.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import CoursePage
from courses.permissions import LearningRefused
from lms.audit.services import record_event
from lms.ratelimit import rate_limited

from .client import PlatformError
from .keys import public_jwks, rotate_key
from .launch import LaunchRefused, start_login, validate_launch
from .models import LtiResourceLink
from .permissions import can_manage_lti
from .selectors import lti_overview
from .services import accept_launch, read_roster, record_refusal, retry_failed

LOGIN_BACKEND = "lms.accounts.backends.CachedModelBackend"


def _refused(request, error: LaunchRefused):
    record_refusal(error=error, request=request)
    return render(request, "lti/refused.html", {"message": error.message}, status=400)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("SIGAP_LTI_RATE_LIMIT", group="lti")
def login_initiation(request):
    params = request.POST if request.method == "POST" else request.GET
    try:
        url = start_login(params)
    except LaunchRefused as error:
        return _refused(request, error)
    return HttpResponseRedirect(url)


@csrf_exempt
@never_cache
@require_POST
@rate_limited("SIGAP_LTI_RATE_LIMIT", group="lti")
def launch(request):
    try:
        checked = validate_launch(
            id_token=request.POST.get("id_token", ""),
            state=request.POST.get("state", ""),
        )
        accepted = accept_launch(launch=checked, request=request)
    except LaunchRefused as error:
        return _refused(request, error)
    except LearningRefused as error:
        return render(request, "lti/refused.html", {"message": str(error)}, status=403)
    login(request, accepted.user, backend=LOGIN_BACKEND)
    return HttpResponseRedirect(accepted.course.url)


@require_http_methods(["GET", "HEAD"])
def jwks(request):
    response = JsonResponse(public_jwks())
    response["Cache-Control"] = "max-age=300"
    return response


@require_http_methods(["GET", "HEAD"])
def course_target(request, course_id: int):
    """The target link of a course (what a platform launches); opened directly,
    it leads to the course page."""
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None:
        raise Http404
    return HttpResponseRedirect(course.url)


# --- Wagtail admin ---------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
def overview(request):
    if not can_manage_lti(request.user):
        raise PermissionDenied
    return render(request, "lti/admin/overview.html", {"overview": lti_overview()})


@require_POST
def rotate(request):
    if not can_manage_lti(request.user):
        raise PermissionDenied
    key = rotate_key()
    record_event(
        actor=request.user, action="lti.key_rotated", request=request, kid=key.kid
    )
    messages.success(request, _("Kunci alat baru dibuat dan diterbitkan."))
    return redirect("sigap_lti_overview")


@require_POST
def retry(request):
    if not can_manage_lti(request.user):
        raise PermissionDenied
    count = retry_failed(by=request.user, request=request)
    messages.success(
        request, _("%(count)d nilai yang gagal akan dikirim lagi.") % {"count": count}
    )
    return redirect("sigap_lti_overview")


@require_http_methods(["GET", "HEAD"])
def roster(request, link_id: int):
    if not can_manage_lti(request.user):
        raise PermissionDenied
    link = get_object_or_404(
        LtiResourceLink.objects.select_related("platform", "course"), pk=link_id
    )
    members, error = [], ""
    try:
        members = read_roster(link=link)
    except PlatformError as failure:
        error = failure.message
    return render(
        request,
        "lti/admin/roster.html",
        {"link": link, "members": members, "error": error},
    )
