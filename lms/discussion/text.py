"""Posts are plain text. Shown, every character is escaped; addresses starting
with http:// or https:// become links (nothing else: no ``javascript:``, no
``data:``), mentions (``@nama``) are marked, blank lines start paragraphs."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# An address runs to the first space or character that cannot be in one unquoted;
# closing punctuation at its end belongs to the sentence.
URL = re.compile(r"""\bhttps?://[^\s<>"'`]+""", re.IGNORECASE)
MENTION = re.compile(r"(?<![\w@])@([\w.-]{2,40})")
TOKENS = re.compile(f"(?P<url>{URL.pattern})|(?P<mention>{MENTION.pattern})", re.I)
TRAILING = ".,;:!?)]}"


def _link(url: str) -> tuple[str, str]:
    """The link for ``url`` and the sentence's punctuation that followed it."""
    tail = ""
    while url and url[-1] in TRAILING:
        tail = url[-1] + tail
        url = url[:-1]
    href = escape(url)
    return (
        f'<a href="{href}" rel="nofollow noopener noreferrer ugc" '
        f'target="_blank">{href}</a>',
        tail,
    )


def _line(text: str) -> str:
    out = []
    position = 0
    for match in TOKENS.finditer(text):
        out.append(escape(text[position : match.start()]))
        if match.group("url"):
            link, tail = _link(match.group("url"))
            out.append(link + escape(tail))
        else:
            out.append(f'<span class="mention">{escape(match.group(0))}</span>')
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def render_post(body: str) -> SafeString:
    """The HTML of a post's plain text (escaped, safe links, paragraphs)."""
    paragraphs = [p for p in re.split(r"\n\s*\n", body.replace("\r", "")) if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_line(line) for line in p.strip().split("\n")) + "</p>"
        for p in paragraphs
    )
    return mark_safe(html)  # noqa: S308 - built from escaped parts only


def mentions(body: str) -> set[str]:
    """The names mentioned in ``body`` (``@rina`` → ``rina``), lower-cased."""
    return {m.group(1).lower().rstrip(".-") for m in MENTION.finditer(body)}
