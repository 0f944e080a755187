"""Minutes present in a session from join/leave intervals, and the times shown
to a learner in the time zone of their unit (WIB, WITA or WIT)."""

import datetime
import math
import zoneinfo
from collections.abc import Iterable

from django.utils import formats

from lms.accounts.models import TIME_ZONE_ABBREVIATIONS, TimeZone

Interval = tuple[datetime.datetime, datetime.datetime]


def merged(
    intervals: Iterable[Interval], *, start: datetime.datetime, end: datetime.datetime
) -> list[Interval]:
    """The intervals cut to the session (``start``..``end``), overlapping or
    touching ones merged, in time order; empty or reversed ones dropped."""
    cut = sorted(
        (max(a, start), min(b, end))
        for a, b in intervals
        if min(b, end) > max(a, start)
    )
    result: list[Interval] = []
    for a, b in cut:
        if result and a <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], b))
        else:
            result.append((a, b))
    return result


def minutes_present(
    intervals: Iterable[Interval], *, start: datetime.datetime, end: datetime.datetime
) -> int:
    """Whole minutes present within the session, each moment counted once."""
    seconds = sum(
        (b - a).total_seconds() for a, b in merged(intervals, start=start, end=end)
    )
    return int(seconds // 60)


def minutes_needed(*, duration_minutes: int, share_percent: int) -> int:
    """Minutes to be present for ``share_percent`` of the duration (rounded up,
    so 80 % of 90 minutes is 72 and of 95 minutes 76)."""
    return math.ceil(duration_minutes * share_percent / 100)


def zone_of(user) -> str:
    """The time zone a person reads times in: their unit's, else their
    instansi's, else WIB."""
    profile = getattr(user, "asn_profile", None) if user.is_authenticated else None
    for unit in (getattr(profile, "unit", None), getattr(profile, "instansi", None)):
        if unit is not None and unit.time_zone:
            return unit.time_zone
    return TimeZone.WIB


def local_time(value: datetime.datetime, zone_name: str) -> str:
    """``value`` as a date and time on the wall clock of ``zone_name``, with the
    zone's abbreviation: "Senin, 15 Maret 2021 09.00 WIB"."""
    local = value.astimezone(zoneinfo.ZoneInfo(zone_name))
    return "{} {}".format(
        formats.date_format(local, "l, j F Y H.i"),
        TIME_ZONE_ABBREVIATIONS.get(zone_name, zone_name),
    )


def local_clock(value: datetime.datetime, zone_name: str) -> str:
    """Only the wall-clock time with the zone: "10.30 WIB"."""
    local = value.astimezone(zoneinfo.ZoneInfo(zone_name))
    return "{} {}".format(
        formats.date_format(local, "H.i"),
        TIME_ZONE_ABBREVIATIONS.get(zone_name, zone_name),
    )
