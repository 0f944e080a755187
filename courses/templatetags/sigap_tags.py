"""Small template helpers shared by every page."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from courses import navigation, published
from lms.accounts.permissions import shows_staff_links

register = template.Library()


@register.simple_tag
def catalog_url() -> str:
    """The catalogue's URL (it is a Wagtail page, so editors may move it)."""
    return navigation.catalog_url()


@register.simple_tag(takes_context=True)
def editor_userbar(context) -> str:
    """Wagtail's userbar, for the roles that edit in /cms/ (learners never see it).

    Asking Wagtail costs two permission queries on every page; the role check
    reuses the role names the navigation has already asked for.
    """
    user = getattr(context.get("request"), "user", None)
    if user is None or not shows_staff_links(user):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def lesson_body(context, page) -> str:
    """The lesson's content blocks, rendered once per language and published
    version and shared by every learner (blocks show nothing per learner).

    A preview renders afresh: a draft must never reach the shared cache.
    """

    def render() -> str:
        return mark_safe(
            "".join(
                block.render_as_block(context={"page": page}) for block in page.body
            )
        )

    request = context.get("request")
    if getattr(request, "is_preview", False) or not page.live:
        return render()
    return published.remembered(
        f"lesson-body:{page.pk}:{page.live_revision_id}:{get_language()}",
        render,
    )
