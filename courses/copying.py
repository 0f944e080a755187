"""Copy a course as a new run (e.g. for the next cohort).

The copy is a draft under the same catalogue with its lessons, quizzes, competency
targets and certificate template; it belongs to the one who copies it. Learner
records (enrolments, progress, attempts, certificates) are not page content and
are never copied. The layers above copy what they own and remap what points to
it, each a step in ``settings.SIGAP_COURSE_COPY_STEPS`` (the question bank:
``courses.quizzes.copying``).
"""

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from lms.accounts.permissions import is_trainer
from lms.steps import run_steps

from .models import CoursePage
from .permissions import may_copy_course

# The run suffix is part of the course's title (content in the course's language),
# not of the interface.
_RUN_SUFFIX = re.compile(r"\s*\(angkatan \d+\)$")
CODE_MAX_LENGTH = CoursePage._meta.get_field("code").max_length


def next_run_title(course: CoursePage) -> str:
    """``"<title> (angkatan N)"`` with the first N from 2 that no course has."""
    base = _RUN_SUFFIX.sub("", course.title)
    taken = set(
        CoursePage.objects.filter(title__startswith=base).values_list(
            "title", flat=True
        )
    )
    number = 2
    while f"{base} (angkatan {number})" in taken:
        number += 1
    return f"{base} (angkatan {number})"


def _free_code(code: str) -> str:
    base = re.sub(r"-\d+$", "", code)
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: CODE_MAX_LENGTH - len(suffix)] + suffix
        if not CoursePage.objects.filter(code=candidate).exists():
            return candidate
        number += 1


@transaction.atomic
def copy_course(*, course: CoursePage, user, title: str = "") -> CoursePage:
    """A draft copy of ``course`` and every page below it, owned and taught by
    ``user`` when they are a trainer (else the course keeps its trainer)."""
    if not may_copy_course(user, course):
        raise PermissionDenied
    title = title.strip() or next_run_title(course)
    parent = course.get_parent()
    copy = course.copy(
        recursive=True,
        to=parent,
        update_attrs={
            "title": title,
            "draft_title": title,
            "slug": find_available_slug(parent, slugify(title) or course.slug),
            "code": _free_code(course.code),
            "trainer": user if is_trainer(user) else course.trainer,
        },
        keep_live=False,
        user=user,
    ).specific
    run_steps("SIGAP_COURSE_COPY_STEPS", original=course, copy=copy, user=user)
    return copy
