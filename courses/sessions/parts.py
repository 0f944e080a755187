"""The live sessions as a part of every course outline (``courses.parts``), their
duration in the course's learning time, and attendance as a requirement of
completion; registered in ``SessionsConfig.ready``."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from courses.parts import AgendaItem, CoursePart

from .ics import session_event
from .models import Attendance, SessionPage, SessionRegistration
from .selectors import (
    SessionLink,
    SessionStatus,
    session_links,
    session_records,
    session_standing,
)


class SessionsPart(CoursePart):
    """The course's live sessions with the learner's registration and
    attendance, under ``sessions``; their duration in the learning time."""

    name = "sessions"
    record_models = (SessionRegistration, Attendance)
    learning_label = _("Sesi langsung")

    def learning_minutes(self, *, course, drafts: bool = False) -> int:
        shown = Q(live=True)
        if drafts:
            shown |= Q(first_published_at__isnull=True)
        sessions = (
            SessionPage.objects.child_of(course)
            .filter(shown)
            .only("starts_at", "ends_at")
        )
        return sum(session.duration_minutes for session in sessions)

    def trainer_links(self, *, course) -> list[tuple[str, str]]:
        sessions = SessionPage.objects.child_of(course).order_by("starts_at")
        return [
            (
                _("Kehadiran: %(title)s") % {"title": session.title},
                reverse("livesessions:attendance", args=[session.pk]),
            )
            for session in sessions.only("pk", "title")
        ]

    def agenda(self, *, user, since) -> list[AgendaItem]:
        """Live sessions the learner registered for that end after ``since``."""
        sessions = (
            SessionPage.objects.live()
            .filter(registrations__user=user, ends_at__gte=since)
            .order_by("starts_at")
        )
        sessions = list(sessions)
        # Each session's course (its parent page) in one query, not one each.
        parents = {session.path[: -session.steplen] for session in sessions}
        titles = dict(
            CoursePage.objects.filter(path__in=parents).values_list("path", "title")
        )
        items = []
        for session in sessions:
            url = session.full_url or session.url or ""
            course_title = titles.get(session.path[: -session.steplen], "")
            items.append(
                AgendaItem(
                    when=session.starts_at,
                    ends=session.ends_at,
                    title=session.title,
                    url=url,
                    kind=str(_("Sesi langsung")),
                    course_title=course_title,
                    event=session_event(
                        session=session, page_url=url, course_title=course_title
                    ),
                )
            )
        return items

    def links(self, *, course, course_url: str | None) -> list[SessionLink]:
        return session_links(course=course, course_url=course_url)

    def records(self, *, user, links: list[SessionLink]) -> list[tuple]:
        return session_records(user=user, session_ids=[link.pk for link in links])

    def standing(
        self, *, links: list[SessionLink], records: list
    ) -> list[SessionStatus]:
        return session_standing(links=links, records=records)
