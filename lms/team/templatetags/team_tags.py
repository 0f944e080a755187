"""Template helpers for the team page."""

from django import template

from lms.team.permissions import has_team

register = template.Library()


@register.filter
def shows_team_link(user) -> bool:
    """Whether the site navigation links to /tim/: only for people with a team."""
    return has_team(user)
