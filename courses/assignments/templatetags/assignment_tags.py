from django import template
from django.template.loader import render_to_string

from ..forms import SubmissionForm
from ..selectors import lesson_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def lesson_assignments(context, lesson, user, outline):
    """The enrolled learner's panel for each assignment of ``lesson``: status,
    feedback and, when they may hand in, the form.

    The lesson page keeps what it shows of the learner, these panels included, in
    the person's cache (``{% person_fragment %}``): a new round or a grading
    renews it (``Submission`` and ``Grading`` writes forget the person), erasing
    the answers drops it. The form's CSRF token is the context's, which the
    fragment puts in per request."""
    panels = []
    enrolment = outline.enrolment
    for item in lesson_panels(
        user=user,
        lesson=lesson,
        standing=outline.parts.get("assignments", []),
        since=enrolment.cycle_started_at if enrolment else None,
    ):
        form = None
        if item.may_submit:
            initial = {"text": item.current.text} if item.current else {}
            form = SubmissionForm(
                initial=initial,
                assignment=item.assignment,
                auto_id=f"t{item.assignment.block_id[:8]}_%s",
            )
        panels.append((item, form))
    if not panels:
        return ""
    return render_to_string(
        "assignments/includes/lesson_assignments.html",
        {"panels": panels, "csrf_token": context.get("csrf_token")},
    )
