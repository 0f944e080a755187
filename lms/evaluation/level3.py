"""Writes of evaluation level 3 (Kirkpatrick "perilaku"): asking the learner's
direct supervisor, some weeks after a completion, how the learner applies the
course's competencies at work; one reminder; the answer, which becomes
supervisor-observed competency evidence; and the person's erasure.

The reads (the supervisor's list, the HR report) are in ``level3_reports``.
See ``docs/evaluation.md``, "Level 3".
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from courses.models import CoursePage, Enrolment
from lms.accounts.models import User
from lms.audit.services import record_event
from lms.competencies.models import CourseCompetency
from lms.competencies.services import record_supervisor_evidence
from lms.emails import absolute_url, send_email

from .models import SupervisorAnswer, SupervisorRating, SupervisorSurvey
from .permissions import can_answer_supervisor_survey


class SupervisorSurveyRefused(Exception):
    """Not the learner's supervisor, or the survey was answered already."""


class SupervisorSurveyIncomplete(ValueError):
    """A competency was left without a rating 1–5."""


def level3_weeks(course) -> int:
    """How many weeks after completion the supervisor is asked about ``course``
    (its own setting, else ``SIGAP_LEVEL3_WEEKS``; 0: never)."""
    if course.level3_weeks is not None:
        return course.level3_weeks
    return settings.SIGAP_LEVEL3_WEEKS


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def due_enrolments(*, today: datetime.date) -> list[Enrolment]:
    """Completions whose supervisor is to be asked today (Asia/Jakarta): completed
    on a day at least the course's weeks ago, and no more than
    ``SIGAP_LEVEL3_WINDOW_WEEKS`` after that (older ones are not asked at all); a
    course that develops competencies; an active learner with an active direct
    supervisor; no survey yet."""
    window = settings.SIGAP_LEVEL3_WINDOW_WEEKS
    default = settings.SIGAP_LEVEL3_WEEKS
    weeks = set(
        CoursePage.objects.exclude(level3_weeks=None)
        .values_list("level3_weeks", flat=True)
        .distinct()
    ) | {default}
    by_weeks = Q(pk__in=[])
    for week_count in weeks - {0}:
        last_day = today - datetime.timedelta(weeks=week_count)
        first_day = last_day - datetime.timedelta(weeks=window)
        course_rule = Q(course__level3_weeks=week_count)
        if week_count == default:
            course_rule |= Q(course__level3_weeks=None)
        by_weeks |= course_rule & Q(
            completed_at__gte=_local_midnight(first_day),
            completed_at__lt=_local_midnight(last_day + datetime.timedelta(days=1)),
        )
    return list(
        Enrolment.objects.completed()
        .filter(by_weeks)
        .filter(
            supervisor_survey__isnull=True,
            user__is_active=True,
            user__asn_profile__supervisor__is_active=True,
            course__in=CourseCompetency.objects.values("course_id"),
        )
        .exclude(user__asn_profile__supervisor=F("user"))
        .select_related("user__asn_profile__supervisor", "course")
        .order_by("completed_at", "pk")
    )


def _email_context(survey: SupervisorSurvey) -> dict:
    return {
        "name": survey.supervisor.display_name,
        "learner": survey.learner.display_name,
        "course": survey.course,
        "completed_on": timezone.localdate(survey.enrolment.completed_at),
        "competencies": [
            f"{target.competency.code} {target.competency.name}"
            for target in CourseCompetency.objects.filter(
                course_id=survey.course_id
            ).select_related("competency")
        ],
        "survey_url": absolute_url("evaluation:supervisor_survey", survey.pk),
    }


@dataclass(frozen=True)
class Level3Run:
    sent: int
    reminded: int


def send_supervisor_surveys(*, now: datetime.datetime | None = None) -> Level3Run:
    """The periodic step: ask each supervisor whose survey is due, once per
    completion ever, and remind once those who have not answered after
    ``SIGAP_LEVEL3_REMINDER_WEEKS``. Safe to run as often as wanted."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for enrolment in due_enrolments(today=today):
        supervisor = enrolment.user.asn_profile.supervisor
        try:
            with transaction.atomic():
                survey = SupervisorSurvey.objects.create(
                    enrolment=enrolment,
                    learner=enrolment.user,
                    course=enrolment.course,
                    supervisor=supervisor,
                    sent_at=now,
                )
        except IntegrityError:
            continue  # asked already (another worker, or the same learner+course)
        context = _email_context(survey)
        send_email(
            kind="level3_survey",
            to=supervisor,
            context=context,
            link=context["survey_url"],
        )
        sent += 1
    return Level3Run(sent=sent, reminded=send_reminders(now=now))


def send_reminders(*, now: datetime.datetime) -> int:
    """One reminder per unanswered survey, ``SIGAP_LEVEL3_REMINDER_WEEKS`` after it
    was sent, while the one asked is still the learner's active supervisor."""
    today = timezone.localdate(now)
    sent_before = _local_midnight(
        today
        - datetime.timedelta(weeks=settings.SIGAP_LEVEL3_REMINDER_WEEKS)
        + datetime.timedelta(days=1)
    )
    due = (
        SupervisorSurvey.objects.filter(
            answer__isnull=True,
            reminded_at__isnull=True,
            sent_at__lt=sent_before,
            supervisor__is_active=True,
            learner__is_active=True,
            learner__asn_profile__supervisor=F("supervisor"),
        )
        .select_related("supervisor", "learner", "course", "enrolment")
        .order_by("sent_at", "pk")
    )
    reminded = 0
    for survey in due:
        claimed = SupervisorSurvey.objects.filter(
            pk=survey.pk, reminded_at__isnull=True
        ).update(reminded_at=now)
        if not claimed:
            continue  # reminded by another run meanwhile
        context = _email_context(survey)
        send_email(
            kind="level3_reminder",
            to=survey.supervisor,
            context=context,
            link=context["survey_url"],
        )
        reminded += 1
    return reminded


def _rating(value) -> int:
    try:
        rating = int(value)
    except (TypeError, ValueError):
        raise SupervisorSurveyIncomplete from None
    if not 1 <= rating <= 5:
        raise SupervisorSurveyIncomplete
    return rating


@transaction.atomic
def answer_supervisor_survey(
    *,
    survey: SupervisorSurvey,
    supervisor: User,
    ratings: Mapping[int, object],
    comment: str = "",
    request=None,
) -> SupervisorAnswer:
    """Record the supervisor's answer, once: a rating 1–5 for each competency the
    course develops (``ratings``: competency id → rating; nothing else in it is
    read) and an optional comment; each rating becomes supervisor-observed
    evidence of the learner's competency (``record_supervisor_evidence``)."""
    locked = (
        SupervisorSurvey.objects.select_for_update()
        .select_related("enrolment", "learner", "course")
        .get(pk=survey.pk)
    )
    if not can_answer_supervisor_survey(supervisor, locked):
        raise SupervisorSurveyRefused
    targets = list(
        CourseCompetency.objects.filter(course_id=locked.course_id).select_related(
            "competency"
        )
    )
    values = {
        target.competency_id: _rating(ratings.get(target.competency_id))
        for target in targets
    }
    now = timezone.now()
    try:
        with transaction.atomic():
            answer = SupervisorAnswer.objects.create(
                survey=locked,
                user=supervisor,
                answered_at=now,
                comment=comment.strip(),
            )
    except IntegrityError:
        raise SupervisorSurveyRefused from None
    SupervisorRating.objects.bulk_create(
        SupervisorRating(
            answer=answer,
            competency=target.competency,
            competency_label=f"{target.competency.code} {target.competency.name}",
            rating=values[target.competency_id],
        )
        for target in targets
    )
    for target in targets:
        record_supervisor_evidence(
            enrolment=locked.enrolment,
            competency=target.competency,
            rating=values[target.competency_id],
            observed_at=now,
        )
    record_event(
        actor=supervisor,
        action="evaluation.level3_answer",
        target=locked.learner,
        request=request,
        course=locked.course_id,
    )
    return answer


def forget_supervisor_surveys(*, person: User) -> dict:
    """An erasure step (``SIGAP_ERASURE_STEPS``). As the learner: the surveys about
    them and their answers go (the evidence they gave stays, without identity, as
    every learning record). As a supervisor: their answers lose their author and
    comment (the ratings stay: they are the learner's evidence), and the surveys
    sent to them are no longer theirs to answer."""
    removed, _detail = SupervisorSurvey.objects.filter(learner=person).delete()
    answers = SupervisorAnswer.objects.filter(user=person).update(user=None, comment="")
    SupervisorSurvey.objects.filter(supervisor=person).update(supervisor=None)
    return {
        "supervisor_surveys_removed": removed,
        "supervisor_answers_anonymised": answers,
    }
