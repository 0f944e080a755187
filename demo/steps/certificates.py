"""Demo certificate set-up for ``seed_demo``: the default template's issuer, signer,
logo and signature, a self-signed demo signing key, and the certificates of the
demo's earlier completions (their queued tasks may never meet a worker in
``make demo``), and a check that the demo learner's signed credential verifies (the
demo issuer key is made on first use). Idempotent."""

import io
import math

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from certificates.credentials import check_credential, is_enabled, sign_credential
from certificates.models import Certificate, CertificateTemplate
from certificates.services import issue_certificate
from certificates.signing import create_self_signed_p12, demo_key_path, reset_signer
from courses.models import Enrolment

DEMO_TEMPLATE = {
    "institution_name": (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sukamaju Raya"
    ),
    "signer_name": "Dr. Hj. Ratna Kusumawardani, S.Sos., M.Si.",
    "signer_nip": "197204121998032004",
    "signer_position": "Kepala BKPSDM Kabupaten Sukamaju Raya",
    "place": "Sukamaju",
}
DEFAULT_TEMPLATE_NAME = "Templat bawaan Sigap"
DEMO_LEARNER = "peserta@sigap.test"


def _png(draw_on, size: tuple[int, int]) -> bytes:
    image = PILImage.new("RGBA", size, (255, 255, 255, 0))
    draw_on(ImageDraw.Draw(image), size)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _draw_emblem(draw, size) -> None:
    w, h = size
    draw.ellipse(
        (8, 8, w - 8, h - 8), fill=(11, 93, 75), outline=(201, 162, 39), width=14
    )
    draw.ellipse((46, 46, w - 46, h - 46), outline=(255, 209, 102), width=6)
    cx, cy, r = w / 2, h / 2, w / 4.2
    star = [
        (
            cx + (r if i % 2 == 0 else r / 2.4) * math.sin(i * math.pi / 5),
            cy - (r if i % 2 == 0 else r / 2.4) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]
    draw.polygon(star, fill=(255, 209, 102))


def _draw_signature(draw, size) -> None:
    w, h = size
    points = [
        (40 + t * 4.4, h / 2 + 38 * math.sin(t / 7.0) * math.cos(t / 23.0) - t * 0.25)
        for t in range(0, 120)
    ]
    draw.line(points, fill=(20, 40, 110), width=6, joint="curve")
    draw.line([(60, h - 40), (w - 60, h - 60)], fill=(20, 40, 110), width=4)


def _image(title: str, data: bytes, filename: str) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(data), name=filename)
    )


def seed() -> None:
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        template = CertificateTemplate(name=DEFAULT_TEMPLATE_NAME, is_default=True)
    changed = template.pk is None
    for field, value in DEMO_TEMPLATE.items():
        if getattr(template, field) != value:
            setattr(template, field, value)
            changed = True
    if template.institution_logo_id is None:
        template.institution_logo = _image(
            "Lambang BKPSDM Sukamaju Raya (demo)",
            _png(_draw_emblem, (400, 400)),
            "lambang-demo.png",
        )
        changed = True
    if template.signature_image_id is None:
        template.signature_image = _image(
            "Tanda tangan Kepala BKPSDM (demo)",
            _png(_draw_signature, (600, 200)),
            "tanda-tangan-demo.png",
        )
        changed = True
    if changed:
        template.save()
        template.save_revision(log_action=True)

    if not demo_key_path().exists():
        create_self_signed_p12(
            path=demo_key_path(),
            password=settings.SIGAP_DEMO_SIGNING_P12_PASSWORD,
            common_name="Sigap Demo Signer (self-signed, bukan BSrE)",
            organisation="BKPSDM Kabupaten Sukamaju Raya (demo)",
        )
        reset_signer()

    _issue_missing_certificates()
    _check_a_demo_credential()


def _issue_missing_certificates() -> None:
    certified = Certificate.objects.values("enrolment_id")
    for enrolment in Enrolment.objects.completed().exclude(pk__in=certified):
        issue_certificate(enrolment=enrolment)


def _check_a_demo_credential() -> None:
    """peserta@sigap.test opens Sertifikat saya → Kredensial digital (VC) →
    Periksa kredensial ini; seeding fails loudly if that would not say "sah"."""
    if not is_enabled():
        return
    valid = Certificate.objects.valid().order_by("pk")
    certificate = valid.filter(user__email=DEMO_LEARNER).first() or valid.first()
    if certificate is None:
        return
    result = check_credential(sign_credential(certificate=certificate))
    if not result.valid:
        raise RuntimeError(f"demo credential does not verify: {result.message}")
