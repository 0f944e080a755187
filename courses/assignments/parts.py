"""The assignments as a part of every course outline (``courses.parts``); the
required ones are a condition of completion. Registered in
``AssignmentsConfig.ready``."""

from courses.parts import CoursePart

from .models import Submission
from .selectors import (
    Assignment,
    AssignmentStatus,
    assignment_standing,
    course_assignments,
    submission_rows,
)


class AssignmentsPart(CoursePart):
    """The course's assignments with the learner's standing, under
    ``assignments``."""

    name = "assignments"
    record_models = (Submission,)
    # No time of their own in the course's learning time: an assignment's
    # thinking time is counted in its lesson's estimate (``learning_time``).
    learning_label = ""

    def links(self, *, course, course_url: str | None) -> list[Assignment]:
        return course_assignments(course=course, course_url=course_url)

    def records(self, *, user, links: list[Assignment]) -> list[tuple]:
        return submission_rows(user=user, lesson_ids={link.lesson_id for link in links})

    def cycle_records(self, *, user, links: list[Assignment], enrolment) -> list:
        return submission_rows(
            user=user,
            lesson_ids={link.lesson_id for link in links},
            since=enrolment.cycle_started_at if enrolment else None,
        )

    def standing(
        self, *, links: list[Assignment], records: list
    ) -> list[AssignmentStatus]:
        return assignment_standing(links=links, records=records)
