"""Geometry of the results page's inline SVG charts (no JavaScript): the section
means as bars (``lms.hr.charts``, scale 0–5) and each question's 1–5
distribution as one stacked bar."""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lms.hr.charts import BarChart, bar_chart

from .selectors import CourseResults, QuestionResult, RunResult

DISTRIBUTION_WIDTH = 200


@dataclass(frozen=True)
class Segment:
    """One score's share of a question's answers, as a slice of a stacked bar."""

    score: int
    count: int
    percent: float
    x: float
    width: float


def distribution(question: QuestionResult) -> list[Segment]:
    segments = []
    x = 0.0
    for score, count, percent in question.shares:
        width = round(DISTRIBUTION_WIDTH * percent / 100, 1)
        segments.append(
            Segment(score=score, count=count, percent=percent, x=x, width=width)
        )
        x = round(x + width, 1)
    return segments


def mean_text(value: float | None) -> str:
    return "–" if value is None else number_format(value, 2)


def section_chart(results: CourseResults) -> BarChart:
    return bar_chart(
        title=_("Rata-rata per bagian (skala 1–5)"),
        rows=[
            (section.label, section.average or 0, mean_text(section.average))
            for section in results.sections
        ],
        maximum=5,
    )


def trend_chart(runs: list[RunResult]) -> BarChart:
    return bar_chart(
        title=_("Rata-rata keseluruhan per angkatan (skala 1–5)"),
        rows=[
            (run.course.title, run.average or 0, mean_text(run.average))
            for run in runs
            if not run.too_few
        ],
        maximum=5,
    )
