from django import template

from ..text import render_post

register = template.Library()


@register.filter
def post_html(body: str):
    """A post's plain text as safe HTML (lms.discussion.text)."""
    return render_post(body or "")
