"""A course's evaluation results as rows for CSV and XLSX: the same figures as
the results page, never more (no row of fewer responses than the floor)."""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from lms.hr.exports import neutralise

from .level3_reports import CourseFigures
from .selectors import CourseResults, QuestionResult


def results_header() -> list[str]:
    return [
        _("Bagian"),
        _("Pengajar"),
        _("Pertanyaan"),
        _("Jumlah jawaban"),
        _("Rata-rata"),
        "1",
        "2",
        "3",
        "4",
        "5",
        _("Komentar"),
    ]


def _scale_row(section: str, trainer: str, question: QuestionResult) -> list:
    return [
        section,
        trainer,
        question.text,
        question.count,
        question.average,
        *question.distribution,
        "",
    ]


def results_rows(results: CourseResults) -> Iterator[list]:
    """One row per scale question (per trainer in the ``pengajar`` section), one
    per comment; a single explaining row when there are too few responses."""
    if results.too_few:
        yield [
            _(
                "Tanggapan kurang dari %(n)s: hasil tidak ditampilkan agar penilai "
                "tetap anonim."
            )
            % {"n": results.min_group}
        ]
        return
    rate = results.response_rate
    yield [
        _("Ringkasan"),
        "",
        _("Tanggapan %(responses)s dari %(eligible)s peserta (%(rate)s%%)")
        % {"responses": results.responses, "eligible": results.eligible, "rate": rate},
        results.responses,
        results.average,
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    for section in results.sections:
        if section.section == "pengajar":
            continue
        for question in section.questions:
            yield [neutralise(v) for v in _scale_row(section.label, "", question)]
    for trainer in results.trainers:
        if trainer.too_few:
            continue
        for question in trainer.questions:
            yield [
                neutralise(v) for v in _scale_row(_("Pengajar"), trainer.name, question)
            ]
    for group in results.comments:
        for comment in group.comments:
            yield [
                neutralise(v)
                for v in [
                    _("Komentar"),
                    "",
                    group.question,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    comment,
                ]
            ]


def level3_header() -> list[str]:
    return [
        _("Kode kursus"),
        _("Kursus"),
        _("Survei terkirim"),
        _("Dijawab"),
        _("Tingkat tanggapan (%)"),
        _("Kompetensi"),
        _("Jumlah nilai"),
        _("Rata-rata"),
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def level3_rows(report: list[CourseFigures]) -> Iterator[list]:
    """One row per course and competency rated (a course without answers yet:
    one row with its rate only), the same figures as the HR page."""
    for course in report:
        head = [
            course.code,
            course.title,
            course.asked,
            course.answered,
            course.response_rate,
        ]
        if not course.competencies:
            yield [neutralise(v) for v in [*head, "", "", "", "", "", "", "", ""]]
            continue
        for item in course.competencies:
            yield [
                neutralise(v)
                for v in [
                    *head,
                    item.text,
                    item.count,
                    item.average,
                    *item.distribution,
                ]
            ]
