"""Small template helpers shared by every page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
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
    """Markup rendered once per process for each combination of ``vary_on``.

    A fragment that varies on a page (a lesson's form, its header) keeps one entry
    per lesson; past ``max_kept`` the fragment starts afresh (a few kilobytes).
    """

    max_kept = 2000
    # A fragment holds no block (see ``shared_fragment``): Django need not look for
    # blocks inside it, which it does on every page that extends ``base.html``.
    child_nodelists = ()

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
    """``{% shared_fragment v1 v2 %}…{% endshared_fragment %}``: markup that is the
    same for everyone with the same values (the navigation's links and labels, a
    lesson's header), rendered once per web process instead of on every page.

    Only for markup that depends on nothing but ``vary_on`` and the code (URLs,
    translations): never a CSRF token, a block, or anything of one person.
    """
    vary_on = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, vary_on)


@register.simple_tag
def progress_bar(progress) -> str:
    """A learner's progress in a course: the bar and "40% · 2 dari 5 pelajaran".

    A tag rather than an included template: it is on every lesson page, and an
    include costs more than the rest of the lesson's own markup.
    """
    text = gettext("%(percent)s%% · %(done)s dari %(total)s pelajaran") % {
        "percent": progress.percent,
        "done": progress.done,
        "total": progress.total,
    }
    return format_html(
        '<progress class="progress" max="100" value="{}" aria-label="{}">{}%'
        '</progress>\n<p class="progress-label">{}</p>',
        progress.percent,
        gettext("Kemajuan kursus"),
        progress.percent,
        text,
    )


@register.simple_tag(takes_context=True)
def course_outline(context) -> str:
    """The course's lessons as a list: the learner's done lessons ticked, the one
    on screen marked, links for enrolled learners.

    Built here rather than in a template loop: it is on every lesson page and
    grows with the course (the loop cost as much as the rest of the lesson).
    """
    page = context.get("page")
    current = getattr(page, "pk", None)
    outline = context["outline"]  # ``courses.selectors.CourseOutline``
    enrolled = outline.enrolment is not None
    done_ids = outline.done_ids
    tick = format_html(
        '<span class="tick" aria-label="{}">✓</span>', gettext("selesai")
    )
    about = gettext("± %(m)s menit")
    items = []
    for lesson in outline.lessons:
        done, here = lesson.pk in done_ids, lesson.pk == current
        classes = " ".join(
            name for name, on in (("done", done), ("current", here)) if on
        )
        if enrolled or here:
            label = format_html(
                '<a href="{}"{}>{}</a>',
                lesson.url,
                mark_safe(' aria-current="page"') if here else "",
                lesson.title,
            )
        else:
            label = format_html("<span>{}</span>", lesson.title)
        items.append(
            format_html(
                '<li class="{}">{} <span class="minutes">{}</span>{}</li>',
                classes,
                label,
                about % {"m": lesson.minutes},
                tick if done else "",
            )
        )
    return format_html('<ol class="outline">{}</ol>', mark_safe("".join(items)))
