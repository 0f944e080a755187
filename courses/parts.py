"""What higher layers add to a course: parts beside its lessons, and requirements
of its completion.

``courses`` knows lessons only. The quiz engine (``courses.quizzes``) sits above
it and registers, in its ``AppConfig.ready()``, a ``CoursePart`` (the quizzes an
outline lists, with the learner's standing) and a completion requirement (every
post-test passed). ``courses.selectors`` builds outlines and asks the completion
rule from what is registered here, so it never imports the layer above.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from lms.cache import forget_person

from .models import Enrolment, LessonProgress


class CoursePart:
    """A kind of item a course lists beside its lessons (quizzes).

    Override points, called by ``courses.selectors.course_outline``:

    - ``links``: the course's items, the same for every learner; kept in the
      shared cache with the course's lessons until a page changes (so it must
      pickle, and hold nothing about a learner).
    - ``records``: the learner's own rows for those items; kept in the cache with
      their enrolment and lessons done until one of ``record_models`` is written.
    - ``standing``: what the outline shows, from both (``records`` is empty for a
      visitor who is not signed in). Costs no query.
    - ``context``: further values for course and lesson pages, by name.
    - ``learning_minutes``: the minutes this part adds to the course's measured
      learning time (``courses.course_time``), shown under ``learning_label``;
      with ``drafts``, also items never published yet (the editor's view).
    - ``agenda``: the learner's dated items of this part from ``since`` on
      (``AgendaItem``: the live sessions they registered for), for the learner's
      dashboard, calendar and calendar feed.
    - ``trainer_links``: ``(label, url)`` pairs of the part's screens for the
      course's trainer (attendance of each session, say), listed on the course
      dashboard in the admin; the caller has checked the trainer may author it.

    The outline (``CourseOutline``) keeps ``standing``'s list in ``parts[name]``
    and ``context``'s values in ``extra``; templates read ``outline.parts.<name>``
    and ``outline.extra.<key>``.
    """

    name: str = ""
    record_models: tuple = ()
    learning_label = ""

    def links(self, *, course, course_url: str | None) -> list:
        raise NotImplementedError

    def records(self, *, user, links: list) -> list:
        return []

    def cycle_records(self, *, user, links: list, enrolment) -> list:
        """``records`` of the enrolment's cycle only: a part whose records are
        kept by person (not by enrolment) overrides it, so that a renewal cycle
        starts empty (``Enrolment.cycle_started_at``)."""
        return self.records(user=user, links=links)

    def standing(self, *, links: list, records: list) -> list:
        return list(links)

    def context(self, *, course, enrolment, items: list) -> dict:
        return {}

    def learning_minutes(self, *, course, drafts: bool = False) -> int:
        return 0

    def trainer_links(self, *, course) -> list[tuple[str, str]]:
        return []

    def agenda(self, *, user, since: datetime.datetime) -> list["AgendaItem"]:
        return []


@dataclass(frozen=True)
class AgendaItem:
    """One dated thing on a learner's agenda: a course's deadline (a date, all
    day) or a live session (start and end)."""

    when: datetime.datetime | datetime.date
    title: str
    url: str
    kind: str  # what it is, shown beside it ("Sesi langsung", "Batas waktu")
    course_title: str = ""
    ends: datetime.datetime | None = None
    uid: str = ""  # stable across fetches of the feed
    # The calendar event for the feed (``lms.ics.Event``), when not a plain date.
    event: Any = None

    @property
    def day(self) -> datetime.date:
        if isinstance(self.when, datetime.datetime):
            return timezone.localdate(self.when)
        return self.when

    @property
    def sort_key(self) -> tuple:
        if isinstance(self.when, datetime.datetime):
            return (self.day, timezone.localtime(self.when).time())
        return (self.when, datetime.time.max)  # a deadline closes its day


COURSE_PARTS: list[CoursePart] = []

# More conditions of a course's completion, beyond every lesson done
# (``courses.selectors.completion_requirements_met``):
# ``requirement(*, enrolment) -> bool``.
COMPLETION_REQUIREMENTS: list[Callable[..., bool]] = []


def register_course_part(part: CoursePart) -> None:
    """Add ``part`` to every course outline; writes to its ``record_models``
    refresh the learner's cached standing."""
    if any(known.name == part.name for known in COURSE_PARTS):
        return
    COURSE_PARTS.append(part)
    watch_learner_records(*part.record_models)


def register_completion_requirement(requirement: Callable[..., bool]) -> None:
    if requirement not in COMPLETION_REQUIREMENTS:
        COMPLETION_REQUIREMENTS.append(requirement)


def watch_learner_records(*models) -> None:
    """Forget a learner's cached standing (``selectors.learner_standing``) on every
    write to these models, also those made where nobody thinks of the cache
    (Django's admin, the shell, cascading deletes). Each has ``user_id``, or is a
    ``LessonProgress``."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _forget_learner_standing,
                sender=model,
                dispatch_uid=f"sigap-standing-{model.__name__}-{id(signal)}",
            )


def _forget_learner_standing(sender, instance, **kwargs):
    if isinstance(instance, LessonProgress):
        if LessonProgress.enrolment.is_cached(instance):
            user_id = instance.enrolment.user_id
        else:
            user_id = (
                Enrolment.objects.filter(pk=instance.enrolment_id)
                .values_list("user_id", flat=True)
                .first()
            )
    else:
        user_id = instance.user_id
    forget_person([user_id])
