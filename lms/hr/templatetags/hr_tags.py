"""Template helpers for the HR workspace."""

from django import template

from lms.accounts.permissions import shows_hr_links

register = template.Library()


@register.filter
def can_use_hr(user) -> bool:
    """Whether to show the HR link in the site navigation (the HR views check
    the roles themselves)."""
    return shows_hr_links(user)
