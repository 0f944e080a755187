"""Small template helpers shared by every page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from courses import navigation, published
from lms.accounts.permissions import shows_staff_links
from lms.cache import fragment_name, remembered_for_person, replace_for_person

register = template.Library()

# Stands for the request's CSRF token in markup kept in a person's cache.
CSRF_PLACEHOLDER = "sigap-csrf-token-placeholder"


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


class PersonFragmentNode(template.Node):
    """Markup of one signed-in person, kept in their cache (``lms.cache``)."""

    child_nodelists = ()  # as ``SharedFragmentNode``: no block inside

    def __init__(self, nodelist, name: str, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or getattr(request, "is_preview", False)
        ):
            return self.nodelist.render(context)
        # ``vary_on`` is in the entry's name; the stamp says what it was built for.
        name = fragment_name(
            self.name, *(value.resolve(context) for value in self.vary_on)
        )
        stamp = (get_language(), published.published_version())

        def build():
            with context.push(csrf_token=CSRF_PLACEHOLDER):
                return (stamp, self.nodelist.render(context))

        kept_stamp, html = remembered_for_person(user.pk, name, build)
        if kept_stamp != stamp:
            kept_stamp, html = build()
            replace_for_person(user.pk, name, (kept_stamp, html))
        token = context.get("csrf_token")
        # The token is letters and digits; what the fragment shows was escaped
        # when it was rendered.
        return mark_safe(html.replace(CSRF_PLACEHOLDER, str(token) if token else ""))


@register.tag
def person_fragment(parser, token):
    """``{% person_fragment "name" v1 v2 %}…{% endperson_fragment %}``: markup of
    the signed-in person (a lesson with their progress and their answers), kept
    in their cache under ``lms.cache.fragment_name("name", v1, v2)`` for the
    language and the published content it was rendered from, until something of
    theirs changes (``lms.cache.forget_person``). A visitor and a preview render
    afresh.

    Only for markup that depends on nothing but the person's own records, the
    published content, the language and ``vary_on``: never the time of day, the
    request's address or query, or messages. Its CSRF tokens (``{% csrf_token %}``
    and tags that read ``csrf_token`` from the context) are put in per request.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            "person_fragment takes a quoted name, then the values it varies on"
        )
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endperson_fragment",))
    parser.delete_first_token()
    return PersonFragmentNode(nodelist, bits[1][1:-1], vary_on)
