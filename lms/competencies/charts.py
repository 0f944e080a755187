"""Server-rendered SVG charts: no JavaScript, no inline styles (the CSP forbids
both), colours as presentation attributes. Each chart is decorative for screen
readers (``aria-hidden``); the template puts a data table beside it.

Hand-built rather than pygal: two small chart shapes, a few hundred bytes each,
and no <script> or <style> to strip out.
"""

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

WIDTH = 320
LEFT = 8
RIGHT = 312
BRAND = "#0b5d4b"
WARN = "#b86e00"
MUTED = "#56645f"
GRID = "#d7e0dc"
TRACK = "#e3e9e6"
INK = "#1d2b28"


def _svg(height: int, body: list[str], css_class: str) -> SafeString:
    return mark_safe(  # noqa: S308 — every text inside was escaped
        f'<svg class="chart {css_class}" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-hidden="true" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        + "".join(body)
        + "</svg>"
    )


def _text(
    x: float, y: float, text: str, *, size=12, fill=INK, anchor="start", weight=None
):
    weight_attr = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" '
        f'text-anchor="{anchor}"{weight_attr}>{escape(text)}</text>'
    )


def profile_chart(rows) -> SafeString:
    """Per competency: a bar for the assessed level (0–5) and a marker at the level
    the position requires. Orange bars fall short of the standard."""
    step = (RIGHT - LEFT) / 5
    row_height = 38
    top = 18
    body = [
        _text(LEFT + i * step, 12, str(i), size=10, fill=MUTED, anchor="middle")
        for i in range(6)
    ]
    for i in range(6):
        x = LEFT + i * step
        height = top + row_height * len(rows)
        body.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
    for index, row in enumerate(rows):
        y = top + index * row_height
        label = f"{row.competency.code} {row.competency.name}"
        body.append(_text(LEFT, y + 14, label, size=12, weight="600"))
        body.append(
            f'<rect x="{LEFT}" y="{y + 20}" width="{RIGHT - LEFT}" height="10" '
            f'rx="5" fill="{TRACK}"/>'
        )
        assessed = row.assessed_level or 0
        if assessed:
            colour = WARN if row.has_gap else BRAND
            body.append(
                f'<rect x="{LEFT}" y="{y + 20}" width="{assessed * step:.1f}" '
                f'height="10" rx="5" fill="{colour}"/>'
            )
        if row.required_level:
            x = LEFT + row.required_level * step
            body.append(
                f'<path d="M{x - 5:.1f} {y + 16} h10 l-5 6 z" fill="{INK}"/>'
                f'<line x1="{x:.1f}" y1="{y + 18}" x2="{x:.1f}" y2="{y + 33}" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
    return _svg(top + row_height * len(rows) + 4, body, "chart-profile")


def growth_chart(rows) -> SafeString:
    """Per completed course and competency, oldest first: a line from the pre-test
    percent (hollow dot) to the post-test percent (filled dot) on a 0–100 scale."""
    scale = (RIGHT - LEFT - 8) / 100
    origin = LEFT + 4
    row_height = 40
    top = 18
    height = top + row_height * len(rows) + 4
    body = []
    for tick in (0, 25, 50, 75, 100):
        x = origin + tick * scale
        anchor = "start" if tick == 0 else "end" if tick == 100 else "middle"
        body.append(
            _text(
                x, 12, f"{tick}%" if tick else "0", size=10, fill=MUTED, anchor=anchor
            )
        )
        body.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - 4}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
    for index, row in enumerate(rows):
        y = top + index * row_height
        evidence = row.evidence
        when = date_format(localtime(evidence.demonstrated_at), "j M Y")
        label = f"{evidence.competency.code} · {evidence.course.title} · {when}"
        if len(label) > 52:
            label = label[:51] + "…"
        body.append(_text(LEFT, y + 13, label, size=11))
        cy = y + 27
        pre, post = row.pre, row.post
        if pre is not None and post is not None:
            colour = BRAND if post >= pre else WARN
            body.append(
                f'<line x1="{origin + float(pre) * scale:.1f}" y1="{cy}" '
                f'x2="{origin + float(post) * scale:.1f}" y2="{cy}" '
                f'stroke="{colour}" stroke-width="4"/>'
            )
        if pre is not None:
            body.append(
                f'<circle cx="{origin + float(pre) * scale:.1f}" cy="{cy}" r="5" '
                f'fill="#fff" stroke="{MUTED}" stroke-width="2"/>'
            )
        if post is not None:
            body.append(
                f'<circle cx="{origin + float(post) * scale:.1f}" cy="{cy}" r="6" '
                f'fill="{BRAND}"/>'
            )
    return _svg(height, body, "chart-growth")
