"""Views of package lessons: launching the player, the SCORM runtime's commits,
the package's files (from Sigap's own origin, under a CSP of their own), and the
small xAPI endpoint a cmi5 AU talks to, scoped to one registration."""

from __future__ import annotations

import mimetypes
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
    StreamingHttpResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from lms.accounts.middleware import staff_mfa_redirect
from lms.numbers import parse_int
from lms.private_files import private_storage
from lms.uploads import read_json

from .models import PackageAttempt, PackagePage, Standard, UnitAttempt
from .permissions import can_preview_package, may_play_package
from .selectors import (
    cmi5_actor,
    cmi5_launch,
    cmi5_launch_data,
    scorm_launch,
    unit_to_open,
)
from .services import (
    StatementRefused,
    attempt_for,
    commit_runtime,
    fetch_cmi5_token,
    launch_cmi5,
    record_for_token,
    store_cmi5_statements,
    store_state_document,
    unit_of,
    unit_record,
)
from .validation import safe_member_name

XAPI_VERSION = "2.0.0"
# A statement (or a batch) from an AU; xAPI sets no limit, Sigap does.
MAX_STATEMENT_BYTES = 256 * 1024


def _page(page_id: int) -> PackagePage:
    page = get_object_or_404(PackagePage.objects.select_related("package"), pk=page_id)
    if page.package_id is None:
        raise Http404
    return page


def _may_open(request, page: PackagePage) -> bool:
    return bool(
        may_play_package(request.user, page, request=request)
        or can_preview_package(request.user, page)
    )


def _preview_needs_mfa(request, page: PackagePage):
    """Staff previewing a lesson they are not enrolled in set up MFA first, as
    on every staff screen; None for a learner."""
    if may_play_package(request.user, page, request=request):
        return None
    return staff_mfa_redirect(request)


@login_required
@require_POST
def launch_view(request, page_id: int):
    """Open one SCO or AU of the lesson (``unit``: its number in the table of
    contents; without it, the one opened last): the learner's attempt and the
    unit's record, for cmi5 a new launch session, and the player page framing
    the unit's launch file with the table of contents and previous / next."""
    page = _page(page_id)
    if not _may_open(request, page):
        raise Http404
    if mfa_first := _preview_needs_mfa(request, page):
        return mfa_first
    number = None
    if "unit" in request.POST:
        number = parse_int(request.POST["unit"], min_value=1, max_value=10_000)
        if number is None:
            raise Http404
    attempt = attempt_for(page=page, user=request.user)
    chosen = unit_to_open(attempt=attempt, number=number)
    if chosen is None:
        raise Http404
    number, unit = chosen
    record = unit_record(attempt=attempt, unit=unit)
    if page.package.standard == Standard.CMI5:
        launch = cmi5_launch(
            page=page,
            attempt=attempt,
            unit=unit,
            number=number,
            code=launch_cmi5(record=record, unit=unit, page=page),
        )
    else:
        launch = scorm_launch(
            page=page,
            attempt=attempt,
            record=record,
            unit=unit,
            number=number,
            user=request.user,
            csrf_token=get_token(request),
        )
    return render(
        request,
        "packages/player.html",
        {
            "page": page,
            "launch": launch,
            "course": page.get_course(),
            "previewing": not may_play_package(request.user, page, request=request),
        },
    )


@login_required
@require_POST
def commit_view(request, page_id: int, number: int):
    """A commit of the SCORM runtime (scorm-again, a synchronous POST with the
    CSRF token) for the SCO numbered ``number``: stored in the learner's own
    record of that SCO, never anyone else's."""
    page = _page(page_id)
    if not _may_open(request, page):
        return JsonResponse({"result": False, "errorCode": 403}, status=404)
    attempt = PackageAttempt.objects.filter(page=page, user=request.user).first()
    if (
        attempt is None
        or attempt.package_id != page.package_id
        or page.package.standard == Standard.CMI5
    ):
        return JsonResponse({"result": False, "errorCode": 404}, status=404)
    chosen = unit_to_open(attempt=attempt, number=number)
    record = (
        UnitAttempt.objects.filter(
            attempt=attempt, package=attempt.package, unit=chosen[1].identifier
        ).first()
        if chosen is not None
        else None
    )
    if record is None:
        return JsonResponse({"result": False, "errorCode": 404}, status=404)
    if request.content_type != "application/json":
        return JsonResponse({"result": False, "errorCode": 101}, status=400)
    try:
        commit_runtime(record=record, body=request.body)
    except ValueError:  # read_json's: not JSON, too deep, NaN, NUL
        return JsonResponse({"result": False, "errorCode": 101}, status=400)
    return JsonResponse({"result": True, "errorCode": 0})


def _package_csp() -> str:
    script = "'self' 'unsafe-inline'"
    if settings.SIGAP_PACKAGE_CSP_UNSAFE_EVAL:
        script += " 'unsafe-eval'"
    return (
        "default-src 'self'; "
        f"script-src {script}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "media-src 'self' blob:; "
        "font-src 'self' data:; "
        "connect-src 'self'; "
        "frame-src 'self'; "
        "object-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'; "
        "frame-ancestors 'self'"
    )


@login_required
@require_safe
def file_view(request, page_id: int, package_id: int, path: str):
    """One file of the package, for whoever may open the lesson, framed only by
    Sigap's own pages. Not a download: the package's pages run here, under
    their own CSP (no other origin, no plugins)."""
    page = _page(page_id)
    if page.package_id != package_id or not _may_open(request, page):
        raise Http404
    if mfa_first := _preview_needs_mfa(request, page):
        return mfa_first
    name = safe_member_name(path)
    if name is None:
        raise Http404
    storage = private_storage()
    storage_name = page.package.storage_name(name)
    if not storage.exists(storage_name):
        raise Http404
    content_type, encoding = mimetypes.guess_type(name)
    if content_type is None or encoding is not None:
        content_type = "application/octet-stream"
    if content_type.startswith("text/") or content_type in (
        "application/javascript",
        "application/json",
        "application/xml",
    ):
        content_type += "; charset=utf-8"
    response = StreamingHttpResponse(
        storage.open(storage_name, "rb"), content_type=content_type
    )
    response["Content-Security-Policy"] = _package_csp()
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- cmi5 ---------------------------------------------------------------------


def _xapi(response: HttpResponse) -> HttpResponse:
    response["X-Experience-API-Version"] = XAPI_VERSION
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # the AU knows no CSRF token; the one-time code in the URL is the key
@require_POST
def cmi5_fetch_view(request, registration: uuid.UUID, code: str):
    """The cmi5 fetch URL: the launch's auth token, once, to the learner whose
    registration it is."""
    attempt = PackageAttempt.objects.filter(registration=registration).first()
    if (
        attempt is None
        or not request.user.is_authenticated
        or attempt.user_id != request.user.pk
    ):
        raise Http404
    token = fetch_cmi5_token(attempt=attempt, code=code)
    if token is None:
        return JsonResponse(
            {"error-code": "1", "error-text": "Token sudah diambil atau tidak sah."},
            status=401,
        )
    return JsonResponse({"auth-token": token})


def _authorised(request, registration) -> UnitAttempt:
    """The AU launch whose token the request carries, of this registration."""
    record = record_for_token(
        registration=registration,
        authorization=request.headers.get("Authorization", ""),
    )
    if record is None:
        raise PermissionDenied
    return record


@csrf_exempt  # answers no cookie: only the token in Authorization counts
@require_safe
def cmi5_endpoint_view(request, registration: uuid.UUID):
    """The endpoint's base: xAPI's /about for a client that asks."""
    return _xapi(JsonResponse({"version": [XAPI_VERSION, "1.0.3"]}))


@csrf_exempt  # answers no cookie: only the token in Authorization counts
def cmi5_statements_view(request, registration: uuid.UUID):
    """Statements from the AU (POST one or a list, PUT with ``statementId``)
    for this registration only."""
    if request.method not in ("POST", "PUT"):
        return _xapi(HttpResponseNotAllowed(["POST", "PUT"]))
    record = _authorised(request, registration)
    if len(request.body) > MAX_STATEMENT_BYTES:
        return _xapi(JsonResponse({"error": "too large"}, status=413))
    try:
        body = read_json(request.body)
    except ValueError:
        return _xapi(JsonResponse({"error": "not JSON"}, status=400))
    statements = body if isinstance(body, list) else [body]
    statement_id = None
    if request.method == "PUT":
        statement_id = request.GET.get("statementId")
        if not statement_id or len(statements) != 1:
            return _xapi(JsonResponse({"error": "statementId"}, status=400))
    try:
        ids = store_cmi5_statements(
            record=record,
            statements=statements,
            actor=cmi5_actor(record.attempt),
            statement_id=statement_id,
        )
    except StatementRefused as refused:
        return _xapi(JsonResponse({"error": str(refused)}, status=403))
    if request.method == "PUT":
        return _xapi(HttpResponse(status=204))
    return _xapi(JsonResponse(ids, safe=False))


@csrf_exempt  # answers no cookie: only the token in Authorization counts
def cmi5_state_view(request, registration: uuid.UUID):
    """The registration's state documents: ``LMS.LaunchData`` (read only, made
    by Sigap) and the AU's own documents."""
    record = _authorised(request, registration)
    state_id = request.GET.get("stateId")
    if not state_id:
        return _xapi(JsonResponse({"error": "stateId"}, status=400))
    if state_id == "LMS.LaunchData":
        if request.method != "GET":
            return _xapi(HttpResponse(status=403))
        unit = unit_of(record)
        if unit is None:
            return _xapi(HttpResponse(status=404))
        course = record.attempt.page.get_course()
        return_url = (
            settings.SITE_URL.rstrip("/") + course.url if course is not None else ""
        )
        return _xapi(
            JsonResponse(
                cmi5_launch_data(record=record, unit=unit, return_url=return_url)
            )
        )
    if request.method == "GET":
        document = record.state_documents.get(state_id)
        if document is None:
            return _xapi(HttpResponse(status=404))
        return _xapi(HttpResponse(document, content_type="application/json"))
    if request.method in ("PUT", "POST"):
        try:
            document = request.body.decode("utf-8")
        except UnicodeDecodeError:
            return _xapi(HttpResponse(status=400))
        if "\x00" in document:  # kept as JSON text, which holds no NUL
            return _xapi(HttpResponse(status=400))
        if not store_state_document(
            record=record, state_id=state_id, document=document
        ):
            return _xapi(HttpResponse(status=413))
        return _xapi(HttpResponse(status=204))
    return _xapi(HttpResponseNotAllowed(["GET", "PUT", "POST"]))
