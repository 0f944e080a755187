"""Named predicates about courses and learning records.

``may_learn`` is the one rule for "may this person learn in this course now?": the
course page's own guard (published, Wagtail's view restrictions on it and its
ancestors) plus enrolment and the gates higher layers register (the pre-test).
Every view and service that acts on a course asks it: enrol, mark a lesson done,
start, save and hand in a quiz, record a completion, issue the certificate.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseViewRestriction

from lms.accounts.permissions import is_admin, is_reviewer, is_trainer

# Why ``may_learn`` refused (``LearningDecision.reason``).
SIGN_IN = "sign_in"
NOT_PUBLISHED = "not_published"
RESTRICTED = "restricted"  # a login or group restriction the person does not meet
PASSWORD = "password"  # a shared password not yet given in this browser session
NOT_ENROLLED = "not_enrolled"
PRETEST = "pretest"

MESSAGES = {
    SIGN_IN: _("Masuk dulu untuk belajar di kursus ini."),
    NOT_PUBLISHED: _("Kursus ini tidak tersedia."),
    RESTRICTED: _("Kursus ini hanya terbuka untuk peserta tertentu."),
    PASSWORD: _("Buka halaman kursus dan masukkan kata sandinya dulu."),
    NOT_ENROLLED: _("Daftar ke kursus ini dulu."),
    PRETEST: _("Kerjakan pre-test dulu sebelum membuka pelajaran pertama."),
}


@dataclass(frozen=True)
class LearningDecision:
    """The answer of ``may_learn``: true when allowed, else the reason why not."""

    reason: str = ""

    def __bool__(self) -> bool:
        return not self.reason

    @property
    def message(self) -> str:
        return str(MESSAGES.get(self.reason, ""))


ALLOWED = LearningDecision()


class LearningRefused(PermissionDenied):
    """A service was asked to do what ``may_learn`` refuses (a 403 if unhandled)."""

    def __init__(self, decision: LearningDecision):
        super().__init__(decision.message)
        self.decision = decision


# Gates that higher layers add to ``may_learn`` (the pre-test, from
# ``courses.quizzes``): ``gate(*, user, course, page) -> reason or ""``.
LEARNING_GATES: list[Callable[..., str]] = []


def register_learning_gate(gate: Callable[..., str]) -> None:
    if gate not in LEARNING_GATES:
        LEARNING_GATES.append(gate)


def _meets(restriction, user, request) -> bool:
    """Whether ``user`` meets one Wagtail view restriction.

    With the person's own request, Wagtail decides (``accept_request``: a shared
    password counts once given in this session). Without one (a task, an HR
    officer acting for them) the person's own standing decides: signed in, in one
    of the groups. A shared password belongs to a browser session, so it is asked
    at every action the person takes; work done later on their behalf relies on it.
    """
    if request is not None and getattr(request.user, "pk", None) == user.pk:
        return restriction.accept_request(request)
    kind = restriction.restriction_type
    if kind == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if kind == BaseViewRestriction.GROUPS:
        return user.is_superuser or restriction.groups.filter(user=user).exists()
    return True


def may_open_course(user, course, *, request=None, page=None) -> LearningDecision:
    """The rule that guards the course page (or ``page``, a lesson or quiz of it):
    published, and every view restriction on it or above it met."""
    target = page if page is not None else course
    if not course.live or not target.live:
        return LearningDecision(NOT_PUBLISHED)
    for restriction in target.get_view_restrictions():
        if not _meets(restriction, user, request):
            password = restriction.restriction_type == BaseViewRestriction.PASSWORD
            return LearningDecision(PASSWORD if password else RESTRICTED)
    return ALLOWED


_UNKNOWN = object()


def may_learn(
    user, course, *, request=None, page=None, enrolment=_UNKNOWN
) -> LearningDecision:
    """May ``user`` learn in ``course`` now, on ``page`` (a lesson or quiz of it)?

    Signed in, the course page's rule (``may_open_course``), enrolled, and every
    registered gate passed. ``request`` is the person's own request when there is
    one (it carries the passwords given); ``enrolment`` saves a query when known.
    """
    if not user.is_authenticated:
        return LearningDecision(SIGN_IN)
    decision = may_open_course(user, course, request=request, page=page)
    if not decision:
        return decision
    if enrolment is _UNKNOWN:
        # in-function: courses.models imports this module (``can_study``).
        from .models import Enrolment

        enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is None:
        return LearningDecision(NOT_ENROLLED)
    for gate in LEARNING_GATES:
        reason = gate(user=user, course=course, page=page)
        if reason:
            return LearningDecision(reason)
    return ALLOWED


def is_course_trainer(user, course) -> bool:
    """The course's trainer, while they hold the trainer role (a trainer whose
    role is taken away loses their courses' learner data at their next request)."""
    return (
        user.is_authenticated
        and course.trainer_id is not None
        and course.trainer_id == user.pk
        and is_trainer(user)
    )


def taught_courses_q(user) -> Q:
    """The queryset form of ``is_course_trainer``: the courses ``user`` teaches."""
    if not (user.is_authenticated and is_trainer(user)):
        return Q(pk__in=[])
    return Q(trainer_id=user.pk)


def is_course_author(user, course) -> bool:
    """The course's trainer or the one who created its page: they author its pages
    and question bank (what a trainer may touch in the admin, narrowed by
    ``courses.page_permissions``). Learner data asks ``is_course_trainer``."""
    return user.is_authenticated and user.pk in (course.trainer_id, course.owner_id)


def may_submit_course(user, course) -> bool:
    """Who may submit a whole course for review: its author, a reviewer or an
    administrator (deciding is for the review task's groups)."""
    return user.is_authenticated and (
        is_course_author(user, course) or is_reviewer(user) or is_admin(user)
    )


def may_copy_course(user, course) -> bool:
    """Who may copy a course as a new run: its author (the trainer of the next
    cohort is often the same), a reviewer or an administrator."""
    return may_submit_course(user, course)


def authored_courses_q(user) -> Q:
    """The queryset form of ``is_course_author``: the courses ``user`` authors."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(trainer_id=user.pk) | Q(owner_id=user.pk)


def can_view_enrolment(user, enrolment) -> bool:
    return user.is_authenticated and (enrolment.user_id == user.pk or is_admin(user))


def can_study(user, course, enrolment) -> bool:
    """Lessons are for enrolled learners, the course's trainer and administrators."""
    if not user.is_authenticated:
        return False
    return enrolment is not None or is_course_trainer(user, course) or is_admin(user)


def can_enrol(user) -> bool:
    """Enrolment needs a completed ASN profile (the NIP goes on the certificate)."""
    profile = getattr(user, "asn_profile", None)
    return user.is_authenticated and profile is not None and profile.is_complete
