"""Aiken: Moodle's plain-text format for single-choice questions.

    Apa kepanjangan ASN?
    A. Aparatur Sipil Negara
    B. Aparatur Sistem Nasional
    ANSWER: A

A question is its text, then options ``A.`` or ``A)`` one per line, then
``ANSWER:`` and the right letter (``JAWABAN:`` and ``KUNCI:`` are read too).
Blank lines between questions are allowed. The text may run over several lines
here; Moodle itself wants it on one, so ``render`` writes it on one.
"""

import re

from django.utils.translation import gettext as _

from ..models import QuestionType
from . import ParsedRow, QuestionData, length_problems, read_text, tidy, too_many

TYPES = frozenset({QuestionType.SINGLE})
GIVEN = frozenset({"type", "text", "choices"})
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

OPTION = re.compile(r"^([A-Za-z])\s*[.)]\s+(.*\S)\s*$")
ANSWER = re.compile(r"^(?:ANSWER|JAWABAN|KUNCI)\s*:\s*(\S*)\s*$", re.IGNORECASE)


class _Block:
    def __init__(self, line: int):
        self.line = line
        self.text: list[str] = []
        self.options: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.answer: str | None = None


def _blocks(text: str) -> list[_Block]:
    """Split the file into questions, each ended by its ANSWER line. A question's
    first line is its text, whatever it looks like (as in Moodle)."""
    blocks: list[_Block] = []
    current: _Block | None = None
    skipping = False  # after a broken question, until its ANSWER line
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        answer = ANSWER.match(line)
        if skipping:
            skipping = not answer
            continue
        if current is None:
            current = _Block(number)
            blocks.append(current)
            if answer:
                current.errors.append(
                    _("Baris %(line)d: “ANSWER” tanpa soal dan pilihan di atasnya.")
                    % {"line": number}
                )
                current = None
            else:
                current.text.append(line)
            continue
        option = OPTION.match(line)
        if answer:
            current.answer = answer.group(1).upper()
            current = None
        elif option:
            current.options.append((option.group(1).upper(), option.group(2)))
        elif not current.options:
            current.text.append(line)
        else:
            current.errors.append(
                _(
                    "Baris %(line)d bukan pilihan (mis. “C. …”) atau “ANSWER: …”: "
                    "teks soal harus di atas pilihan, dan setiap soal diakhiri "
                    "baris ANSWER."
                )
                % {"line": number}
            )
            current = None
            skipping = True
    if current is not None:
        current.errors.append(_("Soal tidak diakhiri baris “ANSWER: <huruf>”."))
    return blocks


def parse(data: bytes) -> list[ParsedRow]:
    """Every question of an Aiken file, each with its problems."""
    blocks = _blocks(read_text(data))
    too_many(len(blocks))
    rows = []
    for block in blocks:
        errors = list(block.errors)
        letters = [letter for letter, _text in block.options]
        if not errors:
            duplicate = {x for x in letters if letters.count(x) > 1}
            if duplicate:
                errors.append(
                    _("Huruf pilihan %(letters)s dipakai lebih dari sekali.")
                    % {"letters": ", ".join(sorted(duplicate))}
                )
            if len(block.options) < 2:
                errors.append(_("Soal butuh minimal dua pilihan (A. dan B.)."))
            elif block.answer not in letters:
                errors.append(
                    _(
                        "Kunci “%(answer)s” bukan salah satu huruf pilihan "
                        "(%(letters)s)."
                    )
                    % {"answer": block.answer or "", "letters": ", ".join(letters)}
                )
        question = None
        if not errors:
            question = QuestionData(
                type=QuestionType.SINGLE,
                text="\n".join(block.text),
                choices=[
                    (text, letter == block.answer, "") for letter, text in block.options
                ],
                given=GIVEN,
            )
            errors = length_problems(question)
        rows.append(ParsedRow(line=block.line, question=question, errors=errors))
    return rows


def render(questions: list[QuestionData]) -> bytes:
    """Single-choice questions as Aiken (other types are left out)."""
    parts = []
    for question in questions:
        if question.type not in TYPES or len(question.choices) > len(LETTERS):
            continue
        lines = [tidy(question.text)]
        answer = ""
        for letter, (text, right, _match) in zip(
            LETTERS, question.choices, strict=False
        ):
            lines.append(f"{letter}. {tidy(text)}")
            if right:
                answer = letter
        lines.append(f"ANSWER: {answer}")
        parts.append("\n".join(lines))
    return ("\n\n".join(parts) + "\n").encode("utf-8")
