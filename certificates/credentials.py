"""Signed verifiable credentials: each certificate as a VC 2.0 secured with JOSE.

A certificate's Open Badges 3.0 credential (``badges.py``) becomes the payload of
a JWS (``typ: vc+jwt``, ``cty: vc``; W3C "Securing Verifiable Credentials using
JOSE and COSE"), signed with the issuer key of ``vc_keys.py``. It carries a
``credentialStatus`` entry: its bit in a W3C Bitstring Status List, a signed
credential of its own served at ``/v/status/<n>``, in which a revoked or
superseded certificate's bit is 1. ``check_credential`` is what the "periksa
kredensial" page runs: signature with a published key, validity dates, status bit.
"""

from __future__ import annotations

import base64
import datetime
import gzip
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import jwt
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.numbers import parse_int

from .badges import iso_utc, open_badge_credential
from .models import Certificate, CertificateCounter
from .vc_keys import issuer_id, key_for, signing_key

MEDIA_TYPE = "application/vc+jwt"
STATUS_LIST_SIZE = 131_072  # bits per list: the minimum the specification allows
STATUS_LIST_SCOPE = "__vc_status_list__"  # the CertificateCounter of the indexes
STATUS_LIST_SECONDS = 300  # as the verification page: a revocation shows within 5 min
MAX_TOKEN_CHARS = 20_000
LEEWAY_SECONDS = 60
JWS_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")


class CredentialError(Exception):
    """No credential can be given; the message is for people (Indonesian)."""


def is_enabled() -> bool:
    """Whether an issuer key is configured (the demo makes one)."""
    return signing_key() is not None


# --- status list indexes ---


def allocate_status_index() -> int:
    """The next free bit; the counter row stays locked until the caller commits."""
    CertificateCounter.objects.get_or_create(scope=STATUS_LIST_SCOPE)
    counter = CertificateCounter.objects.select_for_update().get(
        scope=STATUS_LIST_SCOPE
    )
    index = counter.last_seq
    counter.last_seq += 1
    counter.save(update_fields=["last_seq"])
    return index


@transaction.atomic
def ensure_status_index(*, certificate: Certificate) -> int:
    """The certificate's bit, allocated once (older certificates get it here)."""
    if certificate.status_list_index is not None:
        return certificate.status_list_index
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.status_list_index is None:
        locked.status_list_index = allocate_status_index()
        locked.save(update_fields=["status_list_index"])
    certificate.status_list_index = locked.status_list_index
    return locked.status_list_index


def status_list_url(number: int) -> str:
    return settings.SITE_URL + reverse("certificates:status_list", args=[number])


# --- signing ---


def _sign(payload: dict) -> str:
    key = signing_key()
    if key is None:
        raise CredentialError(_("Kredensial digital belum diaktifkan di Sigap ini."))
    return jwt.encode(
        payload,
        key.private,
        algorithm=key.alg,
        headers={"typ": "vc+jwt", "cty": "vc", "kid": key.kid},
    )


def credential_for(certificate: Certificate) -> dict:
    """The VC 2.0 / Open Badges 3.0 credential as signed (without JWT claims)."""
    index = ensure_status_index(certificate=certificate)
    number, bit = divmod(index, STATUS_LIST_SIZE)
    credential = open_badge_credential(certificate)
    credential["issuer"]["id"] = issuer_id()
    credential["credentialStatus"] = {
        "id": f"{status_list_url(number)}#{bit}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(bit),
        "statusListCredential": status_list_url(number),
    }
    return credential


def sign_credential(*, certificate: Certificate) -> str:
    """The certificate as a signed credential (compact JWS); only a valid one."""
    if certificate.status != Certificate.Status.VALID:
        raise CredentialError(
            _("Sertifikat ini sudah tidak berlaku; kredensial tidak diterbitkan.")
        )
    credential = credential_for(certificate)
    claims = {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "iat": int(time.time()),
        "nbf": int(certificate.issued_at.timestamp()),
    }
    if "validUntil" in credential:
        valid_until = datetime.datetime.fromisoformat(credential["validUntil"])
        claims["exp"] = int(valid_until.timestamp())
    return _sign({**credential, **claims})


# --- the status list ---


def encode_bitstring(indexes: Iterable[int], *, size: int = STATUS_LIST_SIZE) -> str:
    """Multibase base64url (``u``, no padding) of the GZIP-compressed bitstring;
    bit 0 is the most significant bit of the first byte."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode()


def decode_bitstring(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("not multibase base64url")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def _not_valid_in_list(number: int):
    start = number * STATUS_LIST_SIZE
    return Certificate.objects.filter(
        status_list_index__gte=start, status_list_index__lt=start + STATUS_LIST_SIZE
    ).exclude(status=Certificate.Status.VALID)


def revoked_indexes(number: int) -> list[int]:
    """Bits of list ``number`` that are set: revoked or superseded certificates."""
    start = number * STATUS_LIST_SIZE
    return [
        index - start
        for index in _not_valid_in_list(number).values_list(
            "status_list_index", flat=True
        )
    ]


def status_list_exists(number: int) -> bool:
    """Whether list ``number`` holds an allocated index (list 0 always exists)."""
    counter = CertificateCounter.objects.filter(scope=STATUS_LIST_SCOPE).first()
    allocated = counter.last_seq if counter else 0
    return number <= max(allocated - 1, 0) // STATUS_LIST_SIZE


def _status_list_cache_key(number: int) -> str:
    """Named after the list's set bits (how many, the newest certificate id among
    them; one indexed query): a revocation makes a new name, so no list is served
    stale, even from a cache that outlived the database's state (a restored
    backup; a test database rolled back while Redis kept the list, where status
    indexes are handed out again)."""
    state = _not_valid_in_list(number).aggregate(count=Count("pk"), last=Max("pk"))
    return f"sigap:vc-status-list:{number}:{state['count']}:{state['last']}"


def build_status_list(number: int) -> tuple[dict, str]:
    """The BitstringStatusListCredential of list ``number``: (payload, JWT)."""
    url = status_list_url(number)
    now = timezone.now()
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id(),
        "validFrom": iso_utc(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode_bitstring(revoked_indexes(number)),
            "ttl": STATUS_LIST_SECONDS * 1000,
        },
    }
    claims = {"iss": issuer_id(), "jti": url, "iat": int(now.timestamp())}
    return credential, _sign({**credential, **claims})


def status_list_credential(number: int) -> tuple[dict, str]:
    """The list as served, built again only after a certificate changed status."""
    key = _status_list_cache_key(number)
    kept = cache.get(key)
    if kept is None:
        kept = build_status_list(number)
        cache.set(key, kept, STATUS_LIST_SECONDS)
    return kept


def forget_status_lists(*, certificate: Certificate) -> None:
    """A certificate was revoked or superseded: its list is built again (the list's
    cache name changes with it; the name read before the change is dropped once
    the change is committed)."""
    index = certificate.status_list_index
    if index is None:
        return
    key = _status_list_cache_key(index // STATUS_LIST_SIZE)
    transaction.on_commit(lambda: cache.delete(key))


# --- checking a credential ---


@dataclass
class CredentialCheck:
    """What the check page shows: ``valid`` only when every check passed."""

    valid: bool
    message: str
    certificate: Certificate | None = None
    status: str = ""
    credential: dict = field(default_factory=dict)


def _refused(message: str) -> CredentialCheck:
    return CredentialCheck(valid=False, message=message)


def _malformed() -> CredentialCheck:
    return _refused(_("Ini bukan kredensial JWT: formatnya rusak atau terpotong."))


def check_credential(token: str) -> CredentialCheck:
    """Check a pasted credential: a JWS from Sigap's published keys, unaltered,
    within its validity dates, and not revoked in its status list."""
    token = "".join((token or "").split())
    if not token:
        return _refused(_("Tempelkan kredensial (JWT) yang akan diperiksa."))
    if len(token) > MAX_TOKEN_CHARS or not JWS_SHAPE.match(token):
        return _malformed()
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError:
        return _malformed()
    key = key_for(str(header.get("kid", "")))
    if header.get("alg") not in {"ES256", "EdDSA"} or (
        key is not None and header["alg"] != key.alg
    ):
        return _refused(
            _("Algoritma tanda tangan %(alg)s tidak diterima.")
            % {"alg": str(header.get("alg"))[:20]}
        )
    if key is None:
        return _refused(
            _(
                "Kunci penanda tangan tidak dikenal: kredensial ini tidak diterbitkan "
                "dengan kunci Sigap yang dipublikasikan."
            )
        )
    if header.get("typ") != "vc+jwt":
        return _refused(_("Ini bukan kredensial terverifikasi (typ bukan vc+jwt)."))
    try:
        payload = jwt.decode(
            token,
            key.public,
            algorithms=[key.alg],
            options={"verify_exp": False, "verify_nbf": False, "require": ["iss"]},
        )
    except jwt.InvalidSignatureError:
        return _refused(
            _(
                "Tanda tangan tidak cocok: isi kredensial telah diubah atau "
                "kredensial ini palsu."
            )
        )
    except jwt.InvalidTokenError:
        return _malformed()
    return _check_claims(payload)


def _check_claims(payload: dict) -> CredentialCheck:
    issuer = payload.get("issuer")
    issuer = issuer.get("id") if isinstance(issuer, dict) else issuer
    types = payload.get("type") or []
    if (
        payload.get("iss") != issuer_id()
        or issuer != issuer_id()
        or "VerifiableCredential" not in types
    ):
        return _refused(_("Kredensial ini tidak diterbitkan oleh Sigap ini."))
    certificate = _certificate_of(payload)
    result = CredentialCheck(
        valid=False, message="", certificate=certificate, credential=payload
    )
    now = time.time()
    if payload.get("nbf") and payload["nbf"] > now + LEEWAY_SECONDS:
        result.message = _("Kredensial ini belum berlaku.")
        return result
    if payload.get("exp") and payload["exp"] < now - LEEWAY_SECONDS:
        result.status = Certificate.EXPIRED
        result.message = _("Tanda tangan sah, tetapi masa berlakunya sudah berakhir.")
        return result
    revoked = _revoked_in_status_list(payload.get("credentialStatus"))
    if revoked is None:
        result.message = _("Status kredensial ini tidak dapat diperiksa.")
        return result
    if revoked:
        result.status = (
            certificate.status if certificate else Certificate.Status.REVOKED
        )
        result.message = (
            _("Tanda tangan sah, tetapi sertifikat ini sudah diganti (terbit ulang).")
            if result.status == Certificate.Status.SUPERSEDED
            else _("Tanda tangan sah, tetapi kredensial ini sudah dicabut.")
        )
        return result
    result.valid = True
    result.status = Certificate.Status.VALID
    result.message = _("Kredensial sah: diterbitkan oleh Sigap dan tidak diubah.")
    return result


def _certificate_of(payload: dict) -> Certificate | None:
    """The certificate whose verification URL is the credential's ``id``."""
    url = str(payload.get("id", ""))
    if not url.startswith(settings.SITE_URL + "/"):
        return None
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    if match.view_name != "certificates:verify":
        return None
    return Certificate.objects.filter(code=match.kwargs["code"]).first()


def _revoked_in_status_list(entry) -> bool | None:
    """Its bit in Sigap's list; None when the entry is missing or not Sigap's."""
    if not isinstance(entry, dict) or entry.get("statusPurpose") != "revocation":
        return None
    prefix = status_list_url(0)[: -len("0")]
    url = str(entry.get("statusListCredential", ""))
    number, index = url.removeprefix(prefix), str(entry.get("statusListIndex", ""))
    list_number, list_index = parse_int(number), parse_int(index)
    if not url.startswith(prefix) or list_number is None or list_index is None:
        return None  # "²" passes isdigit() and breaks int(): ASCII digits only
    if list_index >= STATUS_LIST_SIZE:
        return None
    credential, _token = status_list_credential(list_number)
    bitstring = decode_bitstring(credential["credentialSubject"]["encodedList"])
    return bit_is_set(bitstring, int(index))
