"""Named predicates about courses and learning records.

``may_learn`` is the one rule for "may this person learn in this course now?": the
course page's own guard (published, Wagtail's view restrictions on it and its
ancestors) plus enrolment and the gates higher layers register (the pre-test).
Every view and service that acts on a course asks it: enrol, mark a lesson done,
start, save and hand in a quiz, record a completion, issue the certificate.
``may_go_on_learning`` is the same rule for the requests a learner repeats on one
page (a quiz's autosaves), kept per person between them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from lms.accounts.permissions import is_admin, is_reviewer, is_trainer
from lms.cache import remembered_for_person

from .published import published_version, remembered

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


def _meets(restriction, user) -> bool:
    """Whether ``user`` stands where one Wagtail view restriction (not a shared
    password) wants them: signed in, in one of the groups. The same answer as
    Wagtail's ``accept_request`` on the person's own request."""
    kind = restriction.restriction_type
    if kind == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if kind == BaseViewRestriction.GROUPS:
        return user.is_superuser or restriction.groups.filter(user=user).exists()
    return True


def _passwords_given(passwords: tuple[int, ...], user, request) -> bool:
    """Whether the person's own ``request`` carries every shared password in
    ``passwords`` (restriction ids), as Wagtail's ``accept_request`` asks.

    A shared password belongs to a browser session, so it is asked at every action
    the person takes; without their request (a task, an HR officer acting for them)
    work done on their behalf relies on it.
    """
    if not passwords or request is None:
        return True
    if getattr(request.user, "pk", None) != user.pk:
        return True
    given = request.session.get(
        PageViewRestriction.passed_view_restrictions_session_key, []
    )
    return all(pk in given for pk in passwords)


def view_restrictions(page) -> list:
    """The view restrictions on ``page`` and above it: those routing attached to the
    page, else Wagtail's, kept with the published content (``courses.published``
    starts a new version when a page or a restriction changes)."""
    attached = getattr(page, "_sigap_view_restrictions", None)
    if attached is not None:
        return attached
    return remembered(
        f"view-restrictions:{page.pk}", lambda: list(Page.get_view_restrictions(page))
    )


def _page_standing(user, course, target, restrictions) -> tuple[tuple[int, ...], str]:
    """The course page's rule for ``target`` without the shared passwords: the ids
    of the password restrictions met before any other refusal, in Wagtail's order,
    and the reason of that refusal ("" when none)."""
    if not course.live or not target.live:
        return (), NOT_PUBLISHED
    passwords = []
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.PASSWORD:
            passwords.append(restriction.pk)
        elif not _meets(restriction, user):
            return tuple(passwords), RESTRICTED
    return tuple(passwords), ""


def may_open_course(user, course, *, request=None, page=None) -> LearningDecision:
    """The rule that guards the course page (or ``page``, a lesson or quiz of it):
    published, and every view restriction on it or above it met (a shared password
    as given in the person's own ``request``)."""
    target = page if page is not None else course
    passwords, reason = _page_standing(user, course, target, view_restrictions(target))
    if not _passwords_given(passwords, user, request):
        return LearningDecision(PASSWORD)
    return LearningDecision(reason)


_UNKNOWN = object()


def _enrolled_past_gates(user, course, page, enrolment=_UNKNOWN) -> str:
    """The rest of ``may_learn`` after the course page's rule: enrolled, and every
    registered gate passed. The reason why not, or ""."""
    if enrolment is _UNKNOWN:
        # in-function: courses.models imports this module (``can_study``).
        from .models import Enrolment

        enrolment = Enrolment.objects.current().filter(user=user, course=course).first()
    if enrolment is None:
        return NOT_ENROLLED
    for gate in LEARNING_GATES:
        reason = gate(user=user, course=course, page=page)
        if reason:
            return reason
    return ""


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
    return LearningDecision(_enrolled_past_gates(user, course, page, enrolment))


def _course_of(page):
    """The course of ``page``, kept with the published content (a page moved or a
    course changed starts a new version)."""
    # in-function: courses.models imports this module (``can_study``).
    from .models.pages import course_of

    return remembered(f"course-of:{page.pk}", lambda: course_of(page))


def may_go_on_learning(user, page, *, request=None) -> LearningDecision:
    """``may_learn`` in the course of ``page`` (a lesson or quiz of it), for the
    requests a learner repeats there (a quiz's autosaves, pages and hand-in).

    The same rule, decided once and kept for the person (``lms.cache``) under the
    published version: it is decided again after any change to their records
    (enrolment, quiz attempts, lessons done) or their groups (``forget_person``), and
    after any change to published pages or view restrictions (``courses.published``).
    A shared password belongs to the browser session and is asked of ``request``
    every time. Without a shared cache (the database as the cache) it is decided on
    every call, as ``may_learn``.
    """
    if not user.is_authenticated:
        return LearningDecision(SIGN_IN)

    def decide() -> tuple[tuple[int, ...], str]:
        course = _course_of(page)
        if course is None:
            return (), NOT_PUBLISHED
        passwords, reason = _page_standing(user, course, page, view_restrictions(page))
        return passwords, reason or _enrolled_past_gates(user, course, page)

    passwords, reason = remembered_for_person(
        user.pk, f"learning:{page.pk}:{published_version()}", decide
    )
    if not _passwords_given(passwords, user, request):
        return LearningDecision(PASSWORD)
    return LearningDecision(reason)


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
