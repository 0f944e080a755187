"""Signed credentials: the issuer's published keys, the status list, the holder's
download, and the public "periksa kredensial" page."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods

from lms.ratelimit import rate_limited

from .credentials import (
    MEDIA_TYPE,
    CredentialError,
    check_credential,
    credential_for,
    is_enabled,
    sign_credential,
    status_list_credential,
    status_list_exists,
)
from .forms import CredentialCheckForm
from .models import Certificate
from .permissions import can_get_credential
from .vc_keys import did_document, jwks, published_keys

PUBLIC_MAX_AGE = 300


def _public(response):
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


@require_GET
def jwks_view(request):
    """The issuer's public keys (current and retired) as a JWK Set."""
    if not published_keys():
        raise Http404
    return _public(JsonResponse(jwks(), content_type="application/jwk-set+json"))


@require_GET
def did_view(request):
    """The ``did:web`` document of the issuer."""
    if not published_keys():
        raise Http404
    return _public(JsonResponse(did_document(), content_type="application/did+json"))


@require_GET
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="verify")
def status_list_view(request, number: int):
    """The signed Bitstring Status List credential (revocation) number ``number``."""
    if not is_enabled() or not status_list_exists(number):
        raise Http404
    _credential, token = status_list_credential(number)
    return _public(HttpResponse(token, content_type=MEDIA_TYPE))


def _own_certificate(request, code: str) -> Certificate:
    certificate = Certificate.objects.filter(code=code).first()
    if (
        certificate is None
        or not can_get_credential(request.user, certificate)
        or not is_enabled()
    ):
        raise Http404
    return certificate


@login_required
@require_GET
def credential_view(request, code: str):
    """The holder's page of the credential: what it says and the download."""
    certificate = _own_certificate(request, code)
    credential = token = None
    if certificate.status == Certificate.Status.VALID:
        credential = json.dumps(
            credential_for(certificate), ensure_ascii=False, indent=2
        )
        token = sign_credential(certificate=certificate)
    response = render(
        request,
        "certificates/credential.html",
        {"certificate": certificate, "credential": credential, "token": token},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def credential_download_view(request, code: str):
    """The signed credential as a ``.jwt`` file, for a wallet or a portfolio."""
    certificate = _own_certificate(request, code)
    try:
        token = sign_credential(certificate=certificate)
    except CredentialError as error:
        raise Http404 from error
    response = HttpResponse(token, content_type=MEDIA_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="kredensial-{slugify(certificate.number)}.jwt"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
@rate_limited("SIGAP_VERIFY_RATE_LIMIT", group="check")
def credential_check_view(request):
    """Anyone pastes a credential (JWT) and sees whether it holds."""
    form = CredentialCheckForm(request.POST if request.method == "POST" else None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = check_credential(form.cleaned_data["token"])
    # Refused input is a 400; a genuine credential that is revoked is an answer.
    refused = request.method == "POST" and (result is None or not result.credential)
    status = 400 if refused else 200
    return render(
        request,
        "certificates/credential_check.html",
        {"form": form, "result": result},
        status=status,
    )
