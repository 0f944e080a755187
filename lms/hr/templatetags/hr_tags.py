"""Template helpers for the HR workspace."""

from django import template

from lms.hr.permissions import can_use_hr_workspace

register = template.Library()


@register.filter
def can_use_hr(user) -> bool:
    """Whether to show the HR link in the site navigation."""
    return can_use_hr_workspace(user)
