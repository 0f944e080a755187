"""Each certificate as an Open Badges 3.0 credential (JSON), for portfolios.

Unsigned JSON (no embedded proof): its authority is its ``id``, the verification
URL, which anyone can open to see the certificate's current status.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import Certificate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def iso_utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def open_badge_credential(certificate: Certificate) -> dict:
    """The OpenBadgeCredential for ``certificate`` (id = its verification URL)."""
    site = settings.SITE_URL
    achievement_id = f"urn:sigap:kursus:{certificate.course_code}"
    credential = {
        "@context": CONTEXT,
        "id": certificate.verification_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.texts.get('title', 'Sertifikat')}: "
        f"{certificate.course_title}",
        "issuer": {
            "id": site + "/",
            "type": ["Profile"],
            "name": certificate.institution_name,
            "url": site + "/",
        },
        "validFrom": iso_utc(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name,
                }
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": certificate.course_title,
                "description": (
                    f"{certificate.jenis_diklat_name}, {certificate.jp} jam pelajaran "
                    f"(JP), diselenggarakan oleh {certificate.institution_name}."
                ),
                "criteria": {
                    "narrative": (
                        "Menyelesaikan seluruh pelajaran dan penilaian kursus "
                        f"{certificate.course_title}."
                    )
                },
                "humanCode": certificate.course_code,
                "creditsAvailable": certificate.jp,
                "inLanguage": "id",
            },
        },
    }
    if certificate.valid_until:
        credential["validUntil"] = iso_utc(_end_of_day(certificate.valid_until))
    return credential
