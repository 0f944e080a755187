"""Recording xAPI statements: the steps the lower layers run, and the builder API.

Each step builds a statement from what just happened and puts it in the outbox
(``XapiStatement``) inside the caller's transaction: a rolled-back event sends
nothing, and a recorded one is never lost (``sending`` delivers it). Nothing is
recorded while ``SIGAP_XAPI_LRS_URL`` is empty, nor for a person whose
processing is restricted (docs/privacy.md).

For a new kind of event (live sessions' *attended*, assignments…), call
``record_statement`` from a step of the layer above, or, from a lower layer, run
the step list ``SIGAP_ATTENDANCE_STEPS`` (``record_attended``).
"""

import datetime
import uuid

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from courses.models import CoursePage, Enrolment, LessonPage
from courses.quizzes.models import Attempt
from lms.accounts.models import User
from lms.audit.services import record_event

from . import statements
from .models import XapiActor, XapiStatement


def is_enabled() -> bool:
    """Whether statements are recorded (``SIGAP_XAPI_LRS_URL`` is set)."""
    return bool(settings.SIGAP_XAPI_LRS_URL)


def actor_name(user: User) -> uuid.UUID:
    """The person's opaque account name in statements (made on first use)."""
    actor, _created = XapiActor.objects.get_or_create(user=user)
    return actor.name


def record_statement(
    *,
    user: User,
    verb: str,
    obj: dict,
    enrolment: Enrolment | None = None,
    parent: dict | None = None,
    grouping: dict | None = None,
    result: dict | None = None,
    timestamp: datetime.datetime | None = None,
) -> XapiStatement | None:
    """Put one statement in the outbox: ``user`` did ``verb`` (a key of
    ``statements.VERBS``) to ``obj`` (an Activity: ``statements.page_activity``).
    ``enrolment`` gives the registration and, unless ``parent`` is given, the
    course as parent activity. None when xAPI is off or the person's processing
    is restricted."""
    if not _records_for(user):
        return None
    row = _statement_row(
        user=user,
        name=actor_name(user),
        verb=verb,
        obj=obj,
        enrolment=enrolment,
        parent=parent,
        grouping=grouping,
        result=result,
        timestamp=timestamp,
    )
    row.save()
    return row


def _records_for(user: User) -> bool:
    return is_enabled() and user.processing_restricted_at is None


def _learner(record: Enrolment | Attempt) -> User | None:
    """The person of an enrolment or attempt when xAPI records them, else None,
    before anything else is read. Fetched without caching it on ``record``:
    enrolments are kept in the per-person cache, which must hold no copy of the
    person once they are erased (and with xAPI off this costs no query)."""
    if not is_enabled():
        return None
    descriptor = type(record).user
    if descriptor.is_cached(record):
        user = record.user
    else:
        user = User.objects.get(pk=record.user_id)
    return user if _records_for(user) else None


def _statement_row(
    *,
    user: User,
    name: uuid.UUID,
    verb: str,
    obj: dict,
    enrolment: Enrolment | None,
    parent: dict | None = None,
    grouping: dict | None = None,
    result: dict | None = None,
    timestamp: datetime.datetime | None = None,
) -> XapiStatement:
    """An unsaved outbox row with its statement built (its id made once here)."""
    registration = None
    if enrolment is not None:
        registration = statements.registration(name, enrolment.pk)
        if parent is None:
            parent = statements.page_activity(enrolment.course, "course")
    row = XapiStatement(user=user, verb=verb, next_attempt_at=timezone.now())
    row.payload = statements.statement(
        statement_id=row.statement_id,
        actor_name=name,
        verb=verb,
        obj=obj,
        registration_id=registration,
        parent=parent,
        grouping=grouping,
        result=result,
        timestamp=timestamp,
    )
    return row


# --- the steps (settings name them; lower layers run them) -----------------------


def record_lesson_opened(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """``SIGAP_LESSON_OPENED_STEPS``: the learner *experienced* the lesson (once
    per opening that ``note_lesson_opened`` writes down: at most every 5 min)."""
    learner = _learner(enrolment)
    if learner is None:
        return
    record_statement(
        user=learner,
        verb="experienced",
        obj=statements.page_activity(lesson, "lesson"),
        enrolment=enrolment,
    )


def record_lesson_done(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    """``SIGAP_LESSON_DONE_STEPS``: the learner *completed* the lesson."""
    learner = _learner(enrolment)
    if learner is None:
        return
    record_statement(
        user=learner,
        verb="completed",
        obj=statements.page_activity(lesson, "lesson"),
        enrolment=enrolment,
        result={"completion": True},
    )


def record_course_completed(*, enrolment: Enrolment) -> None:
    """``SIGAP_COMPLETION_STEPS``: the learner *completed* the course; the
    duration is from enrolment to completion."""
    learner = _learner(enrolment)
    if learner is None:
        return
    completed_at = enrolment.completed_at or timezone.now()
    result: dict = {"completion": True, "success": True}
    if enrolment.enrolled_at:
        result["duration"] = statements.iso_duration(
            (completed_at - enrolment.enrolled_at).total_seconds()
        )
    record_statement(
        user=learner,
        verb="completed",
        obj=statements.page_activity(enrolment.course, "course"),
        enrolment=enrolment,
        result=result,
        timestamp=completed_at,
    )


def _attempt_context(attempt: Attempt) -> tuple[CoursePage, Enrolment | None]:
    course = attempt.quiz.get_course()
    enrolment = (
        Enrolment.objects.current()
        .filter(user_id=attempt.user_id, course=course)
        .first()
    )
    return course, enrolment


def record_attempt_started(*, attempt: Attempt) -> None:
    """``SIGAP_ATTEMPT_STARTED_STEPS``: the learner *launched* a new attempt."""
    learner = _learner(attempt)
    if learner is None:
        return
    course, enrolment = _attempt_context(attempt)
    record_statement(
        user=learner,
        verb="launched",
        obj=statements.page_activity(attempt.quiz, "assessment"),
        enrolment=enrolment,
        parent=statements.page_activity(course, "course"),
        timestamp=attempt.started_at,
    )


def record_attempt_closed(*, attempt: Attempt) -> None:
    """``SIGAP_ATTEMPT_CLOSED_STEPS``: one *answered* per question (its score,
    whether fully right), then the attempt: *passed* or *failed* when the quiz
    has a pass mark, else *completed*, with score and duration. Written in one
    INSERT: many learners hand in at the same minute."""
    user = _learner(attempt)
    if user is None:
        return
    course, enrolment = _attempt_context(attempt)
    name = actor_name(user)
    quiz = statements.page_activity(attempt.quiz, "assessment")
    course_activity = statements.page_activity(course, "course")
    closed_at = attempt.closed_at or timezone.now()
    points = {item["pos"]: float(item.get("points") or 0) for item in attempt.snapshot}
    rows = []
    for response in attempt.responses.order_by("position"):
        maximum = points.get(response.position, 0.0)
        answered: dict = {
            "score": statements.score(raw=response.score or 0, maximum=maximum),
            "completion": response.answer not in (None, "", [], {}),
        }
        if response.credit is not None:
            answered["success"] = response.credit >= 1
        rows.append(
            _statement_row(
                user=user,
                name=name,
                verb="answered",
                obj=statements.activity(
                    f"{quiz['id']}#soal-{response.position}",
                    "question",
                    name=f"{attempt.quiz.title}: soal {response.position}",
                ),
                enrolment=enrolment,
                parent=quiz,
                grouping=course_activity,
                result=answered,
                timestamp=closed_at,
            )
        )
    result: dict = {
        "score": statements.score(raw=attempt.score or 0, maximum=attempt.max_score),
        "completion": True,
        "duration": statements.iso_duration(
            (closed_at - attempt.started_at).total_seconds()
        ),
    }
    if attempt.passed is None:
        verb = "completed"
    else:
        verb = "passed" if attempt.passed else "failed"
        result["success"] = bool(attempt.passed)
    rows.append(
        _statement_row(
            user=user,
            name=name,
            verb=verb,
            obj=quiz,
            enrolment=enrolment,
            parent=course_activity,
            result=result,
            timestamp=closed_at,
        )
    )
    XapiStatement.objects.bulk_create(rows)


def record_attended(
    *,
    enrolment: Enrolment,
    session: Page,
    duration_seconds: float | None = None,
    at: datetime.datetime | None = None,
) -> None:
    """``SIGAP_ATTENDANCE_STEPS`` (run by live sessions when a person's attendance
    first reaches the minimum): the learner *attended* ``session`` (a page under
    the course), for ``duration_seconds`` if known."""
    learner = _learner(enrolment)
    if learner is None:
        return
    result = None
    if duration_seconds is not None:
        result = {
            "completion": True,
            "duration": statements.iso_duration(duration_seconds),
        }
    record_statement(
        user=learner,
        verb="attended",
        obj=statements.page_activity(session, "meeting"),
        enrolment=enrolment,
        result=result,
        timestamp=at,
    )


def retry_failed(*, by: User | None, request: HttpRequest | None = None) -> int:
    """An administrator's *Kirim ulang yang gagal*: every failed statement is
    due again now, with a fresh count of attempts; how many (audited; ``by``
    None: the command `xapi_send --retry-failed`)."""
    now = timezone.now()
    with transaction.atomic():
        count = XapiStatement.objects.filter(status=XapiStatement.Status.FAILED).update(
            status=XapiStatement.Status.PENDING,
            attempts=0,
            last_error="",
            next_attempt_at=now,
            updated_at=now,
        )
        record_event(actor=by, action="xapi.retry_failed", request=request, count=count)
    return count


# --- personal data ------------------------------------------------------------------


def forget_person(*, person: User) -> dict:
    """Erasure step (``SIGAP_ERASURE_STEPS``): statements not yet sent are
    deleted (they will never be sent), the sent ones' copies too, and the opaque
    account name, so what the LRS holds can no longer be tied to the person.
    Returns the counts for the audit event."""
    rows = XapiStatement.objects.filter(user=person)
    unsent = rows.exclude(status=XapiStatement.Status.SENT).count()
    sent = rows.filter(status=XapiStatement.Status.SENT).count()
    rows.delete()
    XapiActor.objects.filter(user=person).delete()
    counts = {}
    if unsent:
        counts["xapi_unsent_removed"] = unsent
    if sent:
        counts["xapi_sent_forgotten"] = sent
    return counts
