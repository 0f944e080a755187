"""Certificate numbers: an institution's pattern, and the scope its counter runs in.

A pattern such as ``{seq:05d}/SIGAP/{course_code}/{year}`` has one counter per
*scope*: the pattern with everything but ``{seq}`` filled in
(``{seq}/SIGAP/BCP/2026``), so numbering restarts each year and per course.
"""

import string
from dataclasses import dataclass

from django.utils.translation import gettext as _

FIELDS = {"seq", "course_code", "year", "month"}


class NumberPatternError(ValueError):
    """A number pattern that cannot produce certificate numbers."""


@dataclass(frozen=True)
class NumberContext:
    course_code: str
    year: int
    month: int

    def values(self) -> dict:
        return {
            "course_code": self.course_code,
            "year": self.year,
            "month": f"{self.month:02d}",
        }


class _SeqPlaceholder:
    """Formats as the literal ``{seq}`` whatever the format spec, to name a scope."""

    def __format__(self, spec: str) -> str:
        return "{seq}"


def check_number_pattern(pattern: str) -> None:
    """Raise NumberPatternError (Indonesian message) unless ``pattern`` is usable."""
    try:
        names = {
            name.split(".")[0].split("[")[0]
            for _literal, name, _spec, _conv in string.Formatter().parse(pattern)
            if name is not None
        }
    except ValueError as error:
        raise NumberPatternError(_("Pola nomor tidak dapat dibaca.")) from error
    if "seq" not in names:
        raise NumberPatternError(_("Pola nomor harus memuat {seq}."))
    unknown = names - FIELDS
    if unknown:
        raise NumberPatternError(
            _("Pola nomor memuat kolom yang tidak dikenal: %(names)s.")
            % {"names": ", ".join(sorted(unknown))}
        )
    try:
        format_number(pattern, seq=1, context=NumberContext("KODE", 2026, 1))
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise NumberPatternError(_("Pola nomor tidak dapat dipakai.")) from error


def number_scope(pattern: str, *, context: NumberContext) -> str:
    """The counter's scope: the pattern with every field but ``{seq}`` filled in."""
    return pattern.format(seq=_SeqPlaceholder(), **context.values())


def format_number(pattern: str, *, seq: int, context: NumberContext) -> str:
    return pattern.format(seq=seq, **context.values())
