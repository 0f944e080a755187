"""Building xAPI 2.0 statements (IEEE 9274.1.1): actor, verb, activity, result,
context. Pure functions of what they are given; ``services`` stores them.

- **Actor**: an account, ``homePage`` = ``SITE_URL``, ``name`` = the person's
  opaque ``XapiActor.name`` (never the e-mail or NIP).
- **Verbs**: ADL's (``VERBS``), displayed in Indonesian and English.
- **Activities**: id = the page's canonical URL on ``SITE_URL``; definition with
  an ADL activity type and the page title (``id-ID``: Sigap's content is written
  in Indonesian and has no English title).
- **Context**: ``registration`` = a UUID per enrolment (stable, derived from the
  actor's name and the enrolment), ``contextActivities.parent`` = the course (or
  the quiz, for a question), ``grouping`` = the course under a quiz.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

XAPI_VERSION = "2.0.0"
ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"


@dataclass(frozen=True)
class Verb:
    name: str
    indonesian: str
    english: str

    def as_xapi(self) -> dict:
        return {
            "id": ADL_VERBS + self.name,
            "display": {"id-ID": self.indonesian, "en-US": self.english},
        }


VERBS = {
    verb.name: verb
    for verb in (
        Verb("launched", "memulai", "launched"),
        Verb("experienced", "mempelajari", "experienced"),
        Verb("answered", "menjawab", "answered"),
        Verb("completed", "menyelesaikan", "completed"),
        Verb("passed", "lulus", "passed"),
        Verb("failed", "tidak lulus", "failed"),
        Verb("attended", "menghadiri", "attended"),
    )
}

ACTIVITY_TYPES = {
    "course": ADL_ACTIVITIES + "course",
    "lesson": ADL_ACTIVITIES + "lesson",
    "assessment": ADL_ACTIVITIES + "assessment",
    "question": ADL_ACTIVITIES + "cmi.interaction",
    "meeting": ADL_ACTIVITIES + "meeting",
}


def site_url(path: str) -> str:
    """An absolute URL on the canonical site (``SITE_URL``)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_activity(page: Page, kind: str, *, fragment: str = "") -> dict:
    """The Activity for a page (course, lesson, quiz, session): its canonical URL
    as id, the ADL type of ``kind`` and its title."""
    url = site_url(page.get_url() or page.url_path)
    return activity(
        url + (f"#{fragment}" if fragment else ""),
        kind,
        name=page.title,
    )


def activity(activity_id: str, kind: str, *, name: str) -> dict:
    return {
        "objectType": "Activity",
        "id": activity_id,
        "definition": {
            "type": ACTIVITY_TYPES[kind],
            "name": {"id-ID": name},
        },
    }


def actor(name: uuid.UUID) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL.rstrip("/"), "name": str(name)},
    }


def registration(actor_name: uuid.UUID, enrolment_id: int) -> str:
    """The enrolment's registration: the same UUID in every statement about it."""
    return str(uuid.uuid5(actor_name, f"sigap-enrolment:{enrolment_id}"))


def iso_timestamp(moment: datetime.datetime | None = None) -> str:
    """RFC 3339 in UTC with milliseconds, as xAPI 2.0 asks (a time zone always)."""
    moment = (moment or timezone.now()).astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration, to the hundredth of a second: ``PT1H2M3.5S``."""
    hundredths = max(0, round(seconds * 100))
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    whole, fraction = divmod(rest, 100)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if whole or fraction or text == "PT":
        text += f"{whole}.{fraction:02d}S" if fraction else f"{whole}S"
    return text


def score(*, raw: float, maximum: float, minimum: float = 0) -> dict:
    """``result.score``: raw within [min, max], scaled in [0, 1] (none when
    ``maximum`` is 0)."""
    raw = min(max(raw, minimum), maximum)
    value: dict = {
        "raw": _number(raw),
        "min": _number(minimum),
        "max": _number(maximum),
    }
    if maximum > minimum:
        value["scaled"] = round((raw - minimum) / (maximum - minimum), 4)
    return value


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)


def statement(
    *,
    statement_id: uuid.UUID,
    actor_name: uuid.UUID,
    verb: str,
    obj: dict,
    registration_id: str | None = None,
    parent: dict | None = None,
    grouping: dict | None = None,
    result: dict | None = None,
    timestamp: datetime.datetime | None = None,
) -> dict:
    """A whole statement, ready to send."""
    context: dict = {"platform": "Sigap", "language": "id-ID"}
    if registration_id:
        context["registration"] = registration_id
    activities = {}
    if parent:
        activities["parent"] = [parent]
    if grouping:
        activities["grouping"] = [grouping]
    if activities:
        context["contextActivities"] = activities
    built = {
        "id": str(statement_id),
        "actor": actor(actor_name),
        "verb": VERBS[verb].as_xapi(),
        "object": obj,
        "context": context,
        "timestamp": iso_timestamp(timestamp),
        "version": XAPI_VERSION,
    }
    if result:
        built["result"] = result
    return built
