"""Named rules of live sessions: who registers, who sees the meeting link, who
keeps and who reads attendance."""

import datetime

from django.utils import timezone

from courses.permissions import is_course_trainer, may_open_course
from lms.accounts.permissions import can_use_hr_workspace, is_admin
from lms.accounts.scope import filter_in_hr_scope

# The meeting link is revealed to registered learners this long before the start.
LINK_OPENS_BEFORE = datetime.timedelta(minutes=30)
# The attendance code is accepted until this long after the end.
CODE_GRACE = datetime.timedelta(minutes=15)


def may_register(user, session, *, request=None) -> bool:
    """A signed-in person who may open the course page (published, view
    restrictions met) may register for a session that has not ended."""
    course = session.get_course()
    return (
        user.is_authenticated
        and course is not None
        and bool(may_open_course(user, course, request=request, page=session))
        and timezone.now() < session.ends_at
    )


def may_join(session, registration, *, now=None) -> bool:
    """The meeting link is for a registered learner, from shortly before the
    start until the end; never for anyone else, never in a public page."""
    now = now or timezone.now()
    return (
        registration is not None
        and bool(session.meeting_url)
        and session.starts_at - LINK_OPENS_BEFORE <= now <= session.ends_at
    )


def code_accepted_now(session, *, now=None) -> bool:
    """The attendance code is entered during the session (and a little after)."""
    now = now or timezone.now()
    return session.starts_at <= now <= session.ends_at + CODE_GRACE


def can_manage_attendance(user, session) -> bool:
    """The course's trainer and administrators show the code, tick the classroom
    register and import providers' reports."""
    course = session.get_course()
    return user.is_authenticated and (
        is_admin(user) or (course is not None and is_course_trainer(user, course))
    )


def can_view_attendance(user, session) -> bool:
    """Who opens a session's attendance list: its managers, and HR officers (who
    see only the people in their scope, ``attendance_in_scope``)."""
    return can_manage_attendance(user, session) or can_use_hr_workspace(user)


def attendance_in_scope(queryset, user, session, *, via: str = "user"):
    """The records of ``queryset`` (people, through ``via``) that ``user`` may read
    for ``session``: all for its managers, their scope's people for HR, none
    else."""
    if can_manage_attendance(user, session):
        return queryset
    if can_use_hr_workspace(user):
        return filter_in_hr_scope(queryset, user, via=via)
    return queryset.none()
