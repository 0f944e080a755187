"""A course's measured learning time and the JP it supports (docs/domain.md,
"Waktu belajar dan JP"): its lessons' estimated time plus the time of every part
the layers above registered (``parts.CoursePart.learning_minutes``: the quizzes)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from .learning_time import minutes_per_jp
from .models import LessonPage
from .parts import COURSE_PARTS


@dataclass(frozen=True)
class CourseLearningTime:
    """A course's measured learning time: its lessons and each registered part
    (label, minutes), and the JP that time supports (whole JP, rounded down)."""

    lesson_minutes: int
    parts: tuple[tuple[str, int], ...]

    @property
    def minutes(self) -> int:
        return self.lesson_minutes + sum(minutes for _label, minutes in self.parts)

    @property
    def supported_jp(self) -> int:
        return self.minutes // minutes_per_jp()

    def jp_exceeds(self, jp: int) -> bool:
        """Whether ``jp`` claims more than this time supports."""
        return (jp or 0) > self.supported_jp


def course_learning_time(*, course, drafts: bool = False) -> CourseLearningTime:
    """The measured time of the course's live lessons and parts; with ``drafts``
    (the editor, a reviewer), also of those never published yet, which go live
    with the course."""
    shown = (
        Q(live=True) | Q(first_published_at__isnull=True) if drafts else Q(live=True)
    )
    lesson_minutes = sum(
        LessonPage.objects.child_of(course)
        .filter(shown)
        .values_list("estimated_minutes", flat=True)
    )
    return CourseLearningTime(
        lesson_minutes=lesson_minutes,
        parts=tuple(
            (
                str(part.learning_label),
                part.learning_minutes(course=course, drafts=drafts),
            )
            for part in COURSE_PARTS
            if part.learning_label
        ),
    )


def jp_warning(*, course, time: CourseLearningTime) -> str:
    """The warning an editor and a reviewer see when the course's JP is more than
    its measured time supports, or ``""``."""
    if not time.jp_exceeds(course.jp):
        return ""
    return _(
        "JP kursus ini %(jp)s (%(jp_minutes)s menit), tetapi waktu belajar yang "
        "terukur hanya %(minutes)s menit, cukup untuk %(supported)s JP. Tambah "
        "materi atau turunkan JP sebelum kursus disetujui."
    ) % {
        "jp": course.jp,
        "jp_minutes": course.jp * minutes_per_jp(),
        "minutes": time.minutes,
        "supported": time.supported_jp,
    }
