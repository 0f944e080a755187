"""A session as an iCalendar file (RFC 5545), written by hand: a handful of
lines, escaped and folded as the RFC says. The meeting link is never in it; its
address is the session's page in Sigap, which reveals the link to registered
learners near the start."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from .models import SessionMode, SessionPage

PRODUCT = "-//Sigap//Sesi langsung//ID"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line
    breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8
    character; continuation lines start with one space."""
    encoded = line.encode()
    if len(encoded) <= 75:
        return line
    parts = []
    limit = 75
    while encoded:
        cut = min(limit, len(encoded))
        while cut < len(encoded) and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1  # do not split a multi-byte character
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
        limit = 74  # the leading space counts
    return "\r\n ".join(parts)


def _utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def session_calendar(
    *, session: SessionPage, page_url: str, now: datetime.datetime | None = None
) -> str:
    """The session as one VEVENT in a VCALENDAR, CRLF line endings."""
    now = now or timezone.now()
    host = urlsplit(settings.SITE_URL).hostname or "sigap"
    course = session.get_course()
    description = "\n".join(
        part
        for part in (
            course.title if course else "",
            session.intro,
            "\n".join(session.speaker_list),
            page_url,
        )
        if part
    )
    location = session.place if session.mode == SessionMode.CLASSROOM else page_url
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:sesi-{session.pk}@{host}",
        f"DTSTAMP:{_utc(now)}",
        f"DTSTART:{_utc(session.starts_at)}",
        f"DTEND:{_utc(session.ends_at)}",
        f"SUMMARY:{escape_text(session.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{page_url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
