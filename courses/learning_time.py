"""How long learning takes (docs/domain.md, "Waktu belajar dan JP"): the rules.

A lesson's estimated time is computed from its content when it is saved
(``LessonPage.clean``); a lesson is marked done only after a share of its
estimated time has passed since the learner first opened it. A course's measured
time and its JP check are read in ``courses.course_time``.
"""

import html
import math
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

WORD = re.compile(r"\w+")

# Time to think through one reflection prompt or one discussion question of a case
# study, on top of reading it: the lesson asks for it, so it is part of the lesson.
THINKING_MINUTES = 1


def count_words(text: str) -> int:
    """Words in ``text`` (plain or HTML): runs of letters and digits, so a
    hyphenated reduplication (``masing-masing``) counts as two."""
    return len(WORD.findall(html.unescape(strip_tags(text or ""))))


def _text_of(value) -> list[str]:
    """Every piece of text in a block's value (struct, list, rich text, string);
    chosen images, documents and embeds hold none."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, RichText):
        return [value.source]
    if isinstance(value, dict):  # a StructValue
        return [text for child in value.values() for text in _text_of(child)]
    if isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        return [text for child in value for text in _text_of(child)]
    return []


@dataclass(frozen=True)
class LessonTime:
    """What a lesson's estimated time is made of."""

    words: int
    media_minutes: int
    thinking_minutes: int

    @property
    def reading_minutes(self) -> float:
        return self.words / settings.SIGAP_READING_WPM

    @property
    def minutes(self) -> int:
        """The whole estimate, in whole minutes (at least one)."""
        total = self.reading_minutes + self.media_minutes + self.thinking_minutes
        return max(1, math.ceil(total))


def lesson_time(*, intro: str, body) -> LessonTime:
    """The estimate of a lesson from its intro and its content blocks
    (``LessonStreamBlock``): every word read at ``SIGAP_READING_WPM``, a video or
    audio for its duration (its transcript is then the alternative, not extra
    reading; without a duration the transcript is read), a minute to think per
    reflection prompt and per discussion question."""
    words = count_words(intro)
    media = thinking = 0
    for block in body or ():
        kind, value = block.block_type, block.value
        if kind == "video" and value.get("duration_minutes"):
            media += value["duration_minutes"]
            words += count_words(value.get("title", ""))
            continue
        if kind in ("reflection", "assignment"):
            thinking += THINKING_MINUTES
        elif kind == "case_study":
            thinking += THINKING_MINUTES * len(value.get("questions") or ())
        words += sum(count_words(text) for text in _text_of(value))
    return LessonTime(words=words, media_minutes=media, thinking_minutes=thinking)


# The most ``LessonPage.estimated_minutes`` holds (a PositiveSmallIntegerField).
MAX_STORED_MINUTES = 32767


def estimated_minutes(*, intro: str, body) -> int:
    """The minutes stored as a lesson's estimate (``LessonPage.estimated_minutes``)."""
    return min(lesson_time(intro=intro, body=body).minutes, MAX_STORED_MINUTES)


def minutes_per_jp() -> int:
    return settings.SIGAP_MINUTES_PER_JP


# --- the time a lesson must be open before it is marked done -------------------


def min_time_share(course) -> int:
    """The share (%) of a lesson's estimated time that must pass from its first
    opening before it can be marked done: the course's own, else the site's."""
    share = getattr(course, "min_time_share", None)
    return settings.SIGAP_MIN_TIME_SHARE if share is None else share


def required_seconds(*, lesson, course) -> int:
    return math.ceil(lesson.estimated_minutes * 60 * min_time_share(course) / 100)


class MarkedDoneTooEarly(PermissionDenied):
    """A lesson marked done before its share of the estimated time has passed."""

    def __init__(self, *, read_seconds: int, lesson, left_seconds: int):
        self.read_seconds = read_seconds
        self.left_seconds = left_seconds
        self.estimated_minutes = lesson.estimated_minutes
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return _(
            "Anda baru membaca %(read)s menit; pelajaran ini diperkirakan "
            "± %(estimated)s menit. Tandai selesai setelah %(left)s menit lagi."
        ) % {
            "read": self.read_seconds // 60,
            "estimated": self.estimated_minutes,
            "left": max(1, math.ceil(self.left_seconds / 60)),
        }


def check_time_before_done(
    *, lesson, course, first_opened_at: datetime | None, now: datetime
) -> None:
    """Raise ``MarkedDoneTooEarly`` unless the share of the lesson's estimated
    time has passed since the server saw the learner first open it (a lesson never
    opened has been read for no time at all)."""
    required = required_seconds(lesson=lesson, course=course)
    if required <= 0:
        return
    read = 0 if first_opened_at is None else (now - first_opened_at).total_seconds()
    read = max(0, int(read))
    if read < required:
        raise MarkedDoneTooEarly(
            read_seconds=read, lesson=lesson, left_seconds=required - read
        )
