"""Small template helpers shared by every page."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from courses import navigation
from lms.accounts.permissions import is_staff_role

register = template.Library()


@register.simple_tag
def catalog_url() -> str:
    """The catalogue's URL (it is a Wagtail page, so editors may move it)."""
    return navigation.catalog_url()


@register.simple_tag(takes_context=True)
def editor_userbar(context) -> str:
    """Wagtail's userbar, for the roles that edit in /cms/ (learners never see it).

    Asking Wagtail costs two permission queries on every page; the role check
    reuses the role names the navigation has already loaded.
    """
    user = getattr(context.get("request"), "user", None)
    if user is None or not is_staff_role(user):
        return ""
    return wagtailuserbar(context)
