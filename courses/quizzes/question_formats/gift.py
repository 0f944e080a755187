"""GIFT: Moodle's richer text format. Questions are separated by blank lines.

    // sigap: poin=2; penilaian=sebagian; tingkat=sulit; kompetensi=M.8; topik=banjir
    ::Judul:: Teks soal {=benar ~salah ~salah ####Pembahasan}

Read: single choice ``{=a ~b}``, multiple choice with weights ``{~%50%a ~%50%b
~%-100%c}`` (a positive weight is a right option), true/false ``{T}`` ``{F}``,
short answer ``{=a =b}``, matching ``{=kiri -> kanan ...}``; the general feedback
``####…`` becomes the explanation; per-answer feedback ``#…`` is dropped (Sigap
has none). Ordering has no GIFT form (Moodle's is a plugin): use XLSX. Essay
``{}`` and numerical ``{#…}`` questions have no Sigap type and are refused.

What GIFT cannot say (points, scoring, difficulty, competency, topics) rides in a
``// sigap:`` comment line, which Moodle ignores as a comment.

No maintained GIFT library exists on PyPI (pygiftparser was last released in
2017, picks its language from the process locale at import and pulls in markdown
and yattag to render HTML): this parser follows Moodle's ``qformat_gift`` rules
for the types above.
"""

import re

from django.utils.translation import gettext as _

from ..models import QuestionType, Scoring
from . import (
    ALL_FIELDS,
    SCORING_NAMES,
    ParsedRow,
    QuestionData,
    length_problems,
    read_difficulty,
    read_points,
    read_scoring,
    read_tags,
    read_text,
    too_many,
)

TYPES = frozenset(
    {
        QuestionType.SINGLE,
        QuestionType.MULTIPLE,
        QuestionType.TRUE_FALSE,
        QuestionType.SHORT,
        QuestionType.MATCHING,
    }
)
# Fields a plain Moodle file gives; the "// sigap:" line adds its own.
BASE_GIVEN = frozenset(
    {"type", "text", "choices", "is_true", "accepted", "explanation"}
)
META_FIELDS = {
    "poin": "points",
    "penilaian": "scoring",
    "tingkat": "difficulty",
    "kompetensi": "competency",
    "topik": "tags",
}

# Escaped characters become private-use placeholders while the structure is read.
_ESCAPES = {
    "\\\\": "\ue000",
    "\\~": "\ue001",
    "\\=": "\ue002",
    "\\#": "\ue003",
    "\\{": "\ue004",
    "\\}": "\ue005",
    "\\:": "\ue006",
    "\\n": "\ue007",
}
_RESTORE = {
    "\ue000": "\\",
    "\ue001": "~",
    "\ue002": "=",
    "\ue003": "#",
    "\ue004": "{",
    "\ue005": "}",
    "\ue006": ":",
    "\ue007": "\n",
}
_PRIVATE = re.compile("[\ue000-\ue007]")
_META = re.compile(r"^//\s*sigap\s*:(.*)$", re.IGNORECASE)
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE = {"t", "true"}
_FALSE = {"f", "false"}


def _hide_escapes(text: str) -> str:
    text = _PRIVATE.sub("", text)
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text


def _restore(text: str) -> str:
    for placeholder, char in _RESTORE.items():
        text = text.replace(placeholder, char)
    return text.strip()


def _clean(text: str) -> str:
    """A text of the file as the bank keeps it: escapes restored, lines tidied."""
    lines = [" ".join(line.split()) for line in _restore(text).split("\n")]
    return "\n".join(line for line in lines if line)


def _blocks(text: str) -> list[tuple[int, list[str], list[str]]]:
    """(first line number, comment lines, question lines) of each question."""
    blocks = []
    comments: list[str] = []
    lines: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n") + [""], start=1):
        stripped = raw.strip()
        if not stripped:
            if lines:
                blocks.append((start, comments, lines))
                comments = []
            lines = []
            continue
        if stripped.startswith("//"):
            comments.append(stripped)
            continue
        if not lines:
            start = number
        lines.append(raw)
    return blocks


def _meta(comments: list[str], question: QuestionData, errors: list[str]) -> set:
    """Apply the ``// sigap:`` line; the names of the fields it gave."""
    given = set()
    for comment in comments:
        match = _META.match(comment)
        if not match:
            continue
        for part in match.group(1).split(";"):
            name, _sep, value = part.partition("=")
            field = META_FIELDS.get(name.strip().lower())
            value = value.strip()
            if field is None:
                if name.strip():
                    errors.append(
                        _("Keterangan “%(name)s” pada baris // sigap tidak dikenal.")
                        % {"name": name.strip()}
                    )
                continue
            given.add(field)
            if field == "points":
                question.points = read_points(value, errors)
            elif field == "scoring":
                question.scoring = read_scoring(value, errors)
            elif field == "difficulty":
                question.difficulty = read_difficulty(value, errors)
            elif field == "competency":
                question.competency = value
            else:
                question.tags = read_tags(value)
    return given


def _answers(body: str, errors: list[str]) -> list[tuple[str, float | None, str]]:
    """(mark ``=`` or ``~``, weight or None, text) of each answer in ``body``."""
    marks = [m.start() for m in re.finditer(r"[=~]", body)]
    if not marks or body[: marks[0]].strip():
        errors.append(
            _("Setiap jawaban di dalam {…} harus diawali “=” (benar) atau “~” (salah).")
        )
        return []
    answers = []
    for start, end in zip(marks, [*marks[1:], len(body)], strict=False):
        mark, text = body[start], body[start + 1 : end]
        text = text.split("#", 1)[0]  # per-answer feedback: Sigap has none
        weight = None
        found = _WEIGHT.match(text.strip())
        if found:
            weight = float(found.group(1))
            text = text.strip()[found.end() :]
        answers.append((mark, weight, text))
    return answers


def _question(block_lines: list[str], errors: list[str]) -> QuestionData | None:
    text = _hide_escapes("\n".join(block_lines))
    if text.lstrip().startswith("$CATEGORY:"):
        return None
    opening, closing = text.find("{"), text.rfind("}")
    if opening < 0 or closing < opening or text.count("{") + text.count("}") != 2:
        errors.append(
            _(
                "Soal harus memuat tepat satu bagian jawaban {…} (tanda { atau } di "
                "dalam teks ditulis \\{ dan \\})."
            )
        )
        return None
    stem, body, rest = text[:opening], text[opening + 1 : closing], text[closing + 1 :]
    stem = stem.strip()
    if stem.startswith("::"):
        end = stem.find("::", 2)
        stem = stem[end + 2 :] if end >= 0 else stem
    stem = _FORMAT.sub("", stem.strip())
    if rest.strip():  # an answer in mid-sentence: Moodle shows a blank there
        stem = f"{stem.rstrip()} _____ {rest.strip()}"
    stem = _clean(stem)
    body, _sep, explanation = body.partition("####")
    body = body.strip()
    question = QuestionData(type=QuestionType.SINGLE, text=stem)
    question.explanation = _clean(explanation)
    if not stem:
        errors.append(_("Teks soal kosong."))
    head = body.split("#", 1)[0].strip().lower()
    if not body:
        errors.append(_("Soal esai ({}) tidak didukung Sigap."))
        return None
    if body.startswith("#"):
        errors.append(_("Soal numerik ({#…}) tidak didukung Sigap."))
        return None
    if head in _TRUE | _FALSE:
        question.type = QuestionType.TRUE_FALSE
        question.is_true = head in _TRUE
        return question
    answers = _answers(body, errors)
    if not answers:
        return None
    marks = {mark for mark, _weight, _text in answers}
    if any("->" in text for mark, _weight, text in answers if mark == "="):
        question.type = QuestionType.MATCHING
        for mark, _weight, text in answers:
            left, arrow, right = text.partition("->")
            if mark != "=" or not arrow:
                errors.append(
                    _("Soal menjodohkan: setiap pasangan ditulis “=kiri -> kanan”.")
                )
                return None
            question.choices.append((_clean(left), False, _clean(right)))
        return question
    if marks == {"="} and not any(w is not None for _m, w, _t in answers):
        question.type = QuestionType.SHORT
        question.accepted = [_clean(text) for _m, _w, text in answers]
        return question
    if marks == {"="}:
        errors.append(
            _("Jawaban singkat dengan nilai sebagian (=%…%) tidak didukung Sigap.")
        )
        return None
    right = [mark == "=" or (weight or 0) > 0 for mark, weight, _text in answers]
    question.choices = [
        (_clean(text), is_right, "")
        for (_m, _w, text), is_right in zip(answers, right, strict=True)
    ]
    weighted = any(weight is not None for _m, weight, _t in answers)
    if sum(right) == 1 and not any(
        weight is not None and weight > 0 for _m, weight, _t in answers
    ):
        question.type = QuestionType.SINGLE
    else:
        question.type = QuestionType.MULTIPLE
        # Moodle's weights give part of the points per right option.
        question.scoring = Scoring.PARTIAL if weighted else Scoring.ALL_OR_NOTHING
    return question


def parse(data: bytes) -> list[ParsedRow]:
    """Every question of a GIFT file, each with its problems."""
    blocks = _blocks(read_text(data))
    too_many(len(blocks))
    rows = []
    for line, comments, lines in blocks:
        errors: list[str] = []
        question = _question(lines, errors)
        if question is None and not errors:
            continue  # a $CATEGORY line
        if question is not None:
            given = BASE_GIVEN | _meta(comments, question, errors)
            question.given = frozenset(given) & ALL_FIELDS
            if not errors:
                errors = length_problems(question)
        rows.append(
            ParsedRow(line=line, question=None if errors else question, errors=errors)
        )
    return rows


# --- writing --------------------------------------------------------------------


def _escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _weight(share: float) -> str:
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _body(question: QuestionData) -> list[str]:
    kind = question.type
    if kind == QuestionType.TRUE_FALSE:
        return ["TRUE" if question.is_true else "FALSE"]
    if kind == QuestionType.SHORT:
        return [f"={_escape(answer)}" for answer in question.accepted]
    if kind == QuestionType.MATCHING:
        return [
            f"={_escape(left)} -> {_escape(right)}"
            for left, _right, right in question.choices
        ]
    if kind == QuestionType.SINGLE:
        return [
            f"{'=' if right else '~'}{_escape(text)}"
            for text, right, _match in question.choices
        ]
    right = sum(1 for _text, is_right, _match in question.choices if is_right)
    wrong = len(question.choices) - right
    return [
        f"~%{_weight(100 / right)}%{_escape(text)}"
        if is_right
        else f"~%-{_weight(100 / wrong)}%{_escape(text)}"
        for text, is_right, _match in question.choices
    ]


def render(questions: list[QuestionData]) -> bytes:
    """Questions of the types GIFT can hold (ordering is left out)."""
    parts = []
    for question in questions:
        if question.type not in TYPES:
            continue
        meta = [
            f"poin={question.points}",
            f"tingkat={question.difficulty}",
        ]
        if question.type == QuestionType.MULTIPLE or (
            question.type == QuestionType.MATCHING
        ):
            meta.insert(1, f"penilaian={SCORING_NAMES[question.scoring]}")
        if question.competency:
            meta.append(f"kompetensi={question.competency.replace(';', ',')}")
        if question.tags:
            tags = ", ".join(tag.replace(";", " ") for tag in question.tags)
            meta.append(f"topik={tags}")
        lines = [f"// sigap: {'; '.join(meta)}", _escape(question.text) + " {"]
        lines += [f"\t{answer}" for answer in _body(question)]
        if question.explanation:
            lines.append(f"\t####{_escape(question.explanation)}")
        lines.append("}")
        parts.append("\n".join(lines))
    return ("\n\n".join(parts) + "\n").encode("utf-8")
