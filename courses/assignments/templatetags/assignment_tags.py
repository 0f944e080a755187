from django import template
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from courses.published import published_version
from lms.cache import remembered_for_person, replace_for_person

from ..forms import SubmissionForm
from ..selectors import lesson_panels, panel_cache_name

register = template.Library()

# Stands for the request's CSRF token in a panel kept in the person's cache.
CSRF_PLACEHOLDER = "sigap-csrf-token-placeholder"


def _render_panels(*, lesson, user, outline) -> str:
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
        {"panels": panels, "csrf_token": CSRF_PLACEHOLDER},
    )


@register.simple_tag(takes_context=True)
def lesson_assignments(context, lesson, user, outline):
    """The enrolled learner's panel for each assignment of ``lesson``: status,
    feedback and, when they may hand in, the form.

    The rendered panels are kept in the person's cache (a new round or grading
    renews it: ``Submission`` and ``Grading`` writes forget the person), for the
    language and the published content they were rendered from; every lesson
    page of a course with tasks would otherwise render forms and feedback again
    (about a millisecond of CPU, half the page). The CSRF token is put in per
    request."""
    stamp = (get_language(), published_version())

    def build():
        return (stamp, _render_panels(lesson=lesson, user=user, outline=outline))

    name = panel_cache_name(lesson.pk)
    kept_stamp, html = remembered_for_person(user.pk, name, build)
    if kept_stamp != stamp:
        kept_stamp, html = build()
        replace_for_person(user.pk, name, (kept_stamp, html))
    if not html:
        return ""
    # The panels' template escapes what it shows; the token is letters and digits.
    token = get_token(context["request"])
    return mark_safe(html.replace(CSRF_PLACEHOLDER, token))
