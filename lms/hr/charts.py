"""Server-rendered SVG bar charts: readable without JavaScript, each with a table.

The geometry is computed here; ``templates/hr/includes/bar_chart.html`` draws it.
"""

from dataclasses import dataclass

WIDTH = 300
ROW = 38
BAR_HEIGHT = 14
LABEL_MAX = 38
TRACK_MARGIN = 44


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str
    y: int
    width: float
    href: str = ""

    @property
    def bar_y(self) -> int:
        return self.y + 8

    @property
    def value_y(self) -> int:
        return self.bar_y + 12

    @property
    def text_x(self) -> float:
        return min(self.width + 5, WIDTH - TRACK_MARGIN + 4)

    @property
    def short_label(self) -> str:
        return (
            self.label
            if len(self.label) <= LABEL_MAX
            else self.label[: LABEL_MAX - 1] + "…"
        )


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    unit_label: str = ""
    width: int = WIDTH

    @property
    def track_width(self) -> int:
        return self.width - TRACK_MARGIN

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW + 4


def bar_chart(
    *, title: str, rows: list[tuple], maximum: float | None = None, unit_label=""
) -> BarChart:
    """``rows`` are ``(label, value, text[, href])``; bars scale to ``maximum``."""
    top = maximum or max((row[1] for row in rows), default=0) or 1
    usable = WIDTH - TRACK_MARGIN
    bars = [
        Bar(
            label=str(row[0]),
            value=row[1],
            text=row[2],
            y=index * ROW + 14,
            width=round(usable * max(row[1], 0) / top, 1),
            href=row[3] if len(row) > 3 else "",
        )
        for index, row in enumerate(rows)
    ]
    return BarChart(title=title, bars=bars, unit_label=unit_label)
