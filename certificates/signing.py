"""Signing certificate PDFs: one small seam, so a BSrE service can replace the key.

``get_signer()`` returns the configured ``Signer``: a remote BSrE-shaped service
(``SIGAP_BSRE_URL``, ``bsre.py``), a PAdES signer with a local PKCS#12 key
(``SIGAP_SIGNING_P12_PATH`` / ``SIGAP_SIGNING_P12_PASSWORD``), the demo key that
``seed_demo`` writes (only in a local run: DEBUG or SIGAP_DEMO), or no signature.
Another backend is plugged in with ``SIGAP_SIGNER_CLASS`` (a dotted path).
"""

import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    signed: bool
    signer_info: str = ""


class SigningError(Exception):
    """The signer could not sign now (a remote service down, slow or refusing);
    the message is for people (Indonesian). The PDF is then not stored, so the
    next issuing run signs it again."""


class Signer(Protocol):
    """Turns a finished PDF into the PDF that is stored and handed out."""

    def sign(self, pdf: bytes, *, reason: str, location: str) -> SignedPdf: ...


class UnsignedSigner:
    """No signing key configured: the PDF is stored as rendered, and says so."""

    def sign(self, pdf: bytes, *, reason: str, location: str) -> SignedPdf:
        return SignedPdf(data=pdf, signed=False)


def _load_pkcs12_signer(data: bytes, password: str):
    """pyHanko's SimpleSigner for a PKCS#12 file, keeping the parsed private key.

    SimpleSigner re-parses (and re-validates) the key on every signature, which
    costs more than the rest of signing together; this one parses it once.
    """
    # in-function: pyHanko takes ~0.6 s to import; only signing deployments need it.
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import pkcs12
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1,
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    key, certificate, chain = pkcs12.load_key_and_certificates(
        data, password.encode() if password else None
    )

    class KeyCachingSigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mechanism.signature_algo != "rsassa_pkcs1v15" or not isinstance(
                key, RSAPrivateKey
            ):
                return super().sign_raw(data, digest_algorithm)
            return key.sign(
                data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
            )

    registry = SimpleCertificateStore()
    registry.register_multiple(
        [translate_pyca_cryptography_cert_to_asn1(cert) for cert in chain or []]
    )
    return KeyCachingSigner(
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
        cert_registry=registry,
    )


class Pkcs12Signer:
    """A PAdES (baseline B) signature with a key and certificate from a PKCS#12 file."""

    def __init__(self, *, path: str | Path, password: str = ""):
        self._signer = _load_pkcs12_signer(Path(path).read_bytes(), password)
        subject = self._signer.signing_cert.subject.native
        self.subject = (
            ", ".join(
                subject[part]
                for part in ("common_name", "organization_name")
                if subject.get(part)
            )
            or self._signer.signing_cert.subject.human_friendly
        )

    def sign(self, pdf: bytes, *, reason: str, location: str) -> SignedPdf:
        # in-function: pyHanko is slow to import (see _load_pkcs12_signer).
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers

        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        meta = signers.PdfSignatureMetadata(
            field_name="SigapSignature",
            reason=reason,
            location=location,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        output = signers.PdfSigner(meta, signer=self._signer).sign_pdf(
            writer, bytes_reserved=16384
        )
        return SignedPdf(data=output.getvalue(), signed=True, signer_info=self.subject)


def demo_key_path() -> Path:
    return Path(settings.SIGAP_DEMO_SIGNING_P12_PATH)


@functools.cache
def _configured_signer() -> Signer:
    if settings.SIGAP_BSRE_URL:
        from .bsre import BsreSigner  # in-function: bsre imports this module

        return BsreSigner()
    if settings.SIGAP_SIGNER_CLASS:
        return import_string(settings.SIGAP_SIGNER_CLASS)()
    if settings.SIGAP_SIGNING_P12_PATH:
        return Pkcs12Signer(
            path=settings.SIGAP_SIGNING_P12_PATH,
            password=settings.SIGAP_SIGNING_P12_PASSWORD,
        )
    if settings.LOCAL and demo_key_path().exists():
        return Pkcs12Signer(
            path=demo_key_path(), password=settings.SIGAP_DEMO_SIGNING_P12_PASSWORD
        )
    return UnsignedSigner()


def get_signer() -> Signer:
    """The configured signer; loaded once per process (keys are slow to read)."""
    return _configured_signer()


def reset_signer() -> None:
    """Forget the loaded signer (after settings change, e.g. in tests)."""
    _configured_signer.cache_clear()


def create_self_signed_p12(
    *, path: Path, password: str, common_name: str, organisation: str = "Sigap"
) -> Path:
    """Write a self-signed signing key and certificate (demo and tests only)."""
    # in-function: only the demo and the tests make keys; the web never does.
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name=common_name.encode(),
        key=key,
        cert=certificate,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode())
        if password
        else serialization.NoEncryption(),
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)
    return path
