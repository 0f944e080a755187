"""The evaluation as a part of the course outline (``courses.parts``) and as a
requirement of completion; registered in ``EvaluationConfig.ready``."""

from dataclasses import dataclass

from django.urls import reverse

from courses.parts import CoursePart

from .models import EvaluationReceipt


@dataclass(frozen=True)
class EvaluationLink:
    """The course's evaluation form (only when the course requires one)."""

    course_id: int
    url: str


@dataclass(frozen=True)
class EvaluationStatus:
    link: EvaluationLink
    sent: bool


def evaluation_sent(*, enrolment) -> bool:
    """A completion requirement: a course that requires its evaluation completes
    only once the learner sent it (and so issues no certificate before)."""
    if not enrolment.course.requires_evaluation:
        return True
    return EvaluationReceipt.objects.filter(
        user_id=enrolment.user_id,
        course_id=enrolment.course_id,
        cycle=enrolment.cycle,
    ).exists()


class EvaluationPart(CoursePart):
    """The evaluation form a course requires, with whether the learner sent it,
    under ``evaluation``; the form still to fill in, under ``pending_evaluation``
    (the course page's "Isi evaluasi" once every lesson is done)."""

    name = "evaluation"
    record_models = (EvaluationReceipt,)

    def links(self, *, course, course_url: str | None) -> list[EvaluationLink]:
        if not course.requires_evaluation:
            return []
        return [
            EvaluationLink(
                course_id=course.pk, url=reverse("evaluation:form", args=(course.pk,))
            )
        ]

    def records(self, *, user, links: list[EvaluationLink]) -> list[int]:
        if not links:
            return []
        return list(
            EvaluationReceipt.objects.filter(
                user=user, course_id__in=[link.course_id for link in links]
            ).values_list("course_id", flat=True)
        )

    def cycle_records(self, *, user, links: list[EvaluationLink], enrolment) -> list:
        if enrolment is None or enrolment.cycle == 1:
            return self.records(user=user, links=links)
        return list(
            EvaluationReceipt.objects.filter(
                user=user,
                course_id__in=[link.course_id for link in links],
                cycle=enrolment.cycle,
            ).values_list("course_id", flat=True)
        )

    def standing(
        self, *, links: list[EvaluationLink], records: list
    ) -> list[EvaluationStatus]:
        return [
            EvaluationStatus(link=link, sent=link.course_id in records)
            for link in links
        ]

    def context(self, *, course, enrolment, items: list[EvaluationStatus]) -> dict:
        pending = next((item.link for item in items if not item.sent), None)
        return {
            "pending_evaluation": (
                pending
                if enrolment is not None and not enrolment.is_completed
                else None
            )
        }
