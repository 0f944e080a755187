"""Named rules of package lessons: who plays a package (and reads its files),
who previews it."""

from courses.permissions import is_course_trainer, may_learn
from lms.accounts.permissions import is_admin


def can_preview_package(user, page) -> bool:
    """The course's trainer and administrators open the package without being
    enrolled (their plays are not recorded)."""
    course = page.get_course()
    return user.is_authenticated and (
        is_admin(user) or (course is not None and is_course_trainer(user, course))
    )


def may_play_package(user, page, *, request=None) -> bool:
    """An enrolled learner who may learn in the course now (``may_learn``) plays
    the lesson, and only they write its runtime data."""
    course = page.get_course()
    return (
        course is not None
        and page.live
        and page.package_id is not None
        and bool(may_learn(user, course, request=request, page=page))
    )
