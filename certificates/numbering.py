"""Certificate numbers: an institution's pattern, and the scope its counter runs in.

A pattern such as ``{seq:05d}/SIGAP/{course_code}/{year}`` has one counter per
*scope*: the pattern with everything but ``{seq}`` filled in
(``{seq}/SIGAP/BCP/2026``), so numbering restarts each year and per course.
"""

import re
import string
from dataclasses import dataclass

from django.utils.translation import gettext as _

FIELDS = {"seq", "course_code", "year", "month"}
MAX_FIELD_WIDTH = 20  # widths and precisions in a field's format, e.g. {seq:05d}
MAX_NUMBER_LENGTH = 150  # Certificate.number and CertificateCounter.scope
_NUMBER = re.compile(r"[0-9]+")


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


# The longest values a pattern is filled with: a course code of 30 characters (its
# column's length) and a counter of ten digits.
LONGEST_CONTEXT = NumberContext(course_code="X" * 30, year=9999, month=12)
LARGEST_SEQ = 9_999_999_999


class _SeqPlaceholder:
    """Formats as the literal ``{seq}`` whatever the format spec, to name a scope."""

    def __format__(self, spec: str) -> str:
        return "{seq}"


def check_number_pattern(pattern: str) -> None:
    """Raise NumberPatternError (Indonesian message) unless ``pattern`` is usable.

    Checked without formatting anything big: a width such as ``{seq:999999999}``
    would build a string of a gigabyte, so every number in a field's format is
    bounded first, and the longest number the pattern can give must fit the
    certificate's number column.
    """
    try:
        fields = [
            (name, spec)
            for _literal, name, spec, _conv in string.Formatter().parse(pattern)
            if name is not None
        ]
    except ValueError as error:
        raise NumberPatternError(_("Pola nomor tidak dapat dibaca.")) from error
    names = {name for name, _spec in fields}
    unknown = names - FIELDS  # also {seq.real}, {seq[0]} and positional {}
    if unknown:
        raise NumberPatternError(
            _("Pola nomor memuat kolom yang tidak dikenal: %(names)s.")
            % {"names": ", ".join(f"{{{name}}}" for name in sorted(unknown))}
        )
    if "seq" not in names:
        raise NumberPatternError(_("Pola nomor harus memuat {seq}."))
    for name, spec in fields:
        if "{" in spec or any(int(n) > MAX_FIELD_WIDTH for n in _NUMBER.findall(spec)):
            raise NumberPatternError(
                _(
                    "Format kolom {%(name)s:%(spec)s} tidak didukung: lebar paling "
                    "besar %(max)d, mis. {seq:05d}."
                )
                % {"name": name, "spec": spec[:20], "max": MAX_FIELD_WIDTH}
            )
    try:
        longest = format_number(pattern, seq=LARGEST_SEQ, context=LONGEST_CONTEXT)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise NumberPatternError(_("Pola nomor tidak dapat dipakai.")) from error
    if len(longest) > MAX_NUMBER_LENGTH:
        raise NumberPatternError(
            _("Pola nomor dapat menghasilkan nomor lebih dari %(max)d karakter.")
            % {"max": MAX_NUMBER_LENGTH}
        )


def number_scope(pattern: str, *, context: NumberContext) -> str:
    """The counter's scope: the pattern with every field but ``{seq}`` filled in."""
    return pattern.format(seq=_SeqPlaceholder(), **context.values())


def format_number(pattern: str, *, seq: int, context: NumberContext) -> str:
    return pattern.format(seq=seq, **context.values())
