from django import template

from ..forms import SubmissionForm
from ..selectors import learner_assignments

register = template.Library()


@register.inclusion_tag("assignments/includes/lesson_assignments.html")
def lesson_assignments(lesson, user):
    """The enrolled learner's panel for each assignment of ``lesson``: status,
    feedback and, when they may hand in, the form."""
    items = learner_assignments(user=user, lesson=lesson)
    panels = []
    for item in items:
        form = None
        if item.may_submit:
            initial = {"text": item.current.text} if item.current else {}
            form = SubmissionForm(
                initial=initial,
                assignment=item.assignment,
                auto_id=f"t{item.assignment.block_id[:8]}_%s",
            )
        panels.append((item, form))
    return {"panels": panels}
