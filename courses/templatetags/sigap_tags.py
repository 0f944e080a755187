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


class SharedFragmentNode(template.Node):
    """Markup rendered once per process for each combination of ``vary_on``."""

    max_kept = 200

    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on
        self.rendered: dict[tuple, str] = {}

    def render(self, context):
        key = tuple(str(value.resolve(context)) for value in self.vary_on)
        html = self.rendered.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(self.rendered) >= self.max_kept:
                self.rendered.clear()
            self.rendered[key] = html
        return html


@register.tag
def shared_fragment(parser, token):
    """``{% shared_fragment v1 v2 %}…{% endshared_fragment %}``: the navigation's
    links and labels, the same for everyone with the same values, rendered once
    per web process instead of on every page.

    Only for markup that depends on nothing but ``vary_on`` and the code (URLs,
    translations): never a CSRF token, a block, or anything of one person.
    """
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, vary_on)
