"""iCalendar (RFC 5545) files, written by hand: a handful of lines, escaped and
folded as the RFC says. Used by a live session's ``.ics`` and the learner's agenda
feed; shared infrastructure (imports no app)."""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

# Control characters other than a line break (which TEXT escapes as \n) have no
# place in a content line (RFC 5545 3.1): dropped, as every line break in a value
# that is not TEXT (a URL, a UID), so no value can start a property of its own.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"[\r\n\u0085\u2028\u2029]")


def plain_value(value: str) -> str:
    """A value that is not TEXT (URI, UID): no control character, no line break."""
    return LINE_BREAKS.sub("", CONTROL.sub("", value))


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line
    breaks escaped, other control characters dropped."""
    escaped = (
        CONTROL.sub("", value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
    )
    return LINE_BREAKS.sub("\\\\n", escaped)


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


def utc_stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def host() -> str:
    """The host part of every UID: Sigap's own address."""
    return urlsplit(settings.SITE_URL).hostname or "sigap"


@dataclass(frozen=True)
class Event:
    """One VEVENT. ``start`` a date makes an all-day event (a deadline)."""

    uid: str
    start: datetime.datetime | datetime.date
    summary: str
    end: datetime.datetime | None = None
    description: str = ""
    location: str = ""
    url: str = ""

    def lines(self, *, now: datetime.datetime) -> list[str]:
        lines = [
            "BEGIN:VEVENT",
            f"UID:{plain_value(self.uid)}@{host()}",
            f"DTSTAMP:{utc_stamp(now)}",
        ]
        if isinstance(self.start, datetime.datetime):
            lines.append(f"DTSTART:{utc_stamp(self.start)}")
            if self.end is not None:
                lines.append(f"DTEND:{utc_stamp(self.end)}")
        else:
            following = self.start + datetime.timedelta(days=1)
            lines += [
                f"DTSTART;VALUE=DATE:{self.start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{following:%Y%m%d}",
            ]
        lines.append(f"SUMMARY:{escape_text(self.summary)}")
        if self.description:
            lines.append(f"DESCRIPTION:{escape_text(self.description)}")
        if self.location:
            lines.append(f"LOCATION:{escape_text(self.location)}")
        if self.url:
            lines.append(f"URL:{plain_value(self.url)}")
        lines.append("END:VEVENT")
        return lines


def calendar(
    events: Iterable[Event], *, product: str, now: datetime.datetime, name: str = ""
) -> str:
    """A VCALENDAR of ``events``, CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{plain_value(product)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines += event.lines(now=now)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
