"""The LTI tool's public end points (login initiation, launch, key set, the
course target link) and its screens in the Wagtail admin (administrators).

The login initiation and the launch are called by another site (the platform
posts a form from its own origin): Django's CSRF token cannot be there, so
they are ``csrf_exempt``. What protects them instead: the launch is believed
only with an id_token signed by the registered platform's key, for Sigap's
client ID and a registered deployment, carrying the nonce Sigap made for a
``state`` it keeps server-side and accepts once (``launch.validate_launch``),
which for a resource link launch must come from the browser that started the
login (the login initiation's state cookie). A forged cross-site POST has none
of these. The login initiation changes
nothing but a short-lived state row and only redirects to the registered
platform's own login URL. The deep linking picker's answer (``deep_link``) is
also posted from a page the platform may frame, where no session or CSRF
cookie is sent: what lets it through is the picker's one-use random token,
made for a deep linking request that passed the launch checks.
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from courses.models import CoursePage
from courses.permissions import LearningRefused
from lms.audit.services import record_event
from lms.numbers import parse_int
from lms.ratelimit import rate_limited

from .client import PlatformError
from .keys import public_jwks, rotate_key
from .launch import (
    DEEP_LINKING_REQUEST,
    STATE_SECONDS,
    LaunchRefused,
    start_login,
    state_cookie_name,
    validate_launch,
)
from .models import LtiDeepLinkRequest, LtiResourceLink
from .permissions import can_manage_lti
from .selectors import lti_overview, offered_courses, pending_deep_link_request
from .services import (
    accept_launch,
    answer_deep_linking,
    begin_deep_linking,
    read_roster,
    record_refusal,
    retry_failed,
)

LOGIN_BACKEND = "lms.accounts.backends.CachedModelBackend"


def _refused(request, error: LaunchRefused, *, framed_by: str = ""):
    """The refusal page; ``framed_by`` is a registered platform's issuer (never
    one read from an unchecked token) whose dialog may show it."""
    record_refusal(error=error, request=request)
    response = render(
        request, "lti/refused.html", {"message": error.message}, status=error.status
    )
    if framed_by:
        _framed_by_platform(response, platform_urls=(framed_by,))
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _framed_by_platform(response, *, platform_urls, form_target: str = ""):
    """Moodle opens its content selection in a dialog that frames the tool: the
    picker and its answer may be framed by the platform's own origin (no one
    else), and the answer's form may post to the platform's return URL."""
    origins = list(dict.fromkeys(_origin(url) for url in platform_urls))
    response.xframe_options_exempt = True
    response._csp_replace = {"frame-ancestors": origins}
    if form_target:
        response._csp_update = {"form-action": [_origin(form_target)]}
    return response


def _picker(request, row: LtiDeepLinkRequest, *, error: str = ""):
    response = render(
        request,
        "lti/deep_link_picker.html",
        {
            "row": row,
            "courses": offered_courses(row.platform),
            "action": reverse("lti:deep_link"),
            "error": error,
        },
        status=400 if error else 200,
    )
    return _framed_by_platform(
        response, platform_urls=(row.platform.issuer, row.return_url)
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("SIGAP_LTI_RATE_LIMIT", group="lti")
def login_initiation(request):
    params = request.POST if request.method == "POST" else request.GET
    try:
        login = start_login(params)
    except LaunchRefused as error:
        return _refused(request, error)
    response = HttpResponseRedirect(login.url)
    # The platform posts the launch back from its own site: over HTTPS the cookie
    # must be SameSite=None to come with that POST (and then Secure); over plain
    # HTTP (the demo, the tests) browsers refuse None without Secure, and Lax
    # serves a platform on the same host.
    secure = request.is_secure()
    response.set_cookie(
        state_cookie_name(login.state),
        "1",
        max_age=STATE_SECONDS,
        path=reverse("lti:launch"),
        secure=secure,
        httponly=True,
        samesite="None" if secure else "Lax",
    )
    return response


@csrf_exempt
@never_cache
@require_POST
@rate_limited("SIGAP_LTI_RATE_LIMIT", group="lti")
def launch(request):
    try:
        checked = validate_launch(
            id_token=request.POST.get("id_token", ""),
            state=request.POST.get("state", ""),
            cookies=request.COOKIES,
        )
        if checked.message_type == DEEP_LINKING_REQUEST:
            try:
                row = begin_deep_linking(launch=checked, request=request)
            except LaunchRefused as error:
                # In Moodle's dialog: the teacher-only message must show there.
                return _refused(request, error, framed_by=checked.platform.issuer)
            return _picker(request, row)
        accepted = accept_launch(launch=checked, request=request)
    except LaunchRefused as error:
        return _refused(request, error)
    except LearningRefused as error:
        return render(request, "lti/refused.html", {"message": str(error)}, status=403)
    login(request, accepted.user, backend=LOGIN_BACKEND)
    response = HttpResponseRedirect(accepted.course.url)
    response.delete_cookie(
        state_cookie_name(request.POST.get("state", "")), path=reverse("lti:launch")
    )
    return response


@csrf_exempt
@never_cache
@require_POST
def deep_link(request):
    """The picker's answer: the chosen courses (none: *Batal*) go back to the
    platform as a signed LtiDeepLinkingResponse, in a form the browser posts
    to the platform's return URL."""
    cancelled = "batal" in request.POST
    course_ids = []
    if not cancelled:
        for value in request.POST.getlist("kursus"):
            course_id = parse_int(value, min_value=1)
            if course_id is None:
                return _refused(
                    request,
                    LaunchRefused("unknown_course", _("Pilihan kursus tidak sah.")),
                )
            course_ids.append(course_id)
        row = pending_deep_link_request(request.POST.get("token", ""))
        if not course_ids and row is not None:
            # Nothing ticked is not a cancellation: ask again, token unspent.
            return _picker(
                request,
                row,
                error=_("Pilih sekurang-kurangnya satu kursus, atau tekan Batal."),
            )
    try:
        answer = answer_deep_linking(
            token=request.POST.get("token", ""), course_ids=course_ids, request=request
        )
    except LaunchRefused as error:
        # Its issuer, when set, is that of the stored request's platform.
        return _refused(request, error, framed_by=error.issuer)
    response = render(
        request,
        "lti/deep_link_return.html",
        {"answer": answer, "count": len(answer.items)},
    )
    return _framed_by_platform(
        response,
        platform_urls=(answer.issuer, answer.return_url),
        form_target=answer.return_url,
    )


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
