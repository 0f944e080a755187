"""Sigap's XLSX template: one row per question, all six types.

Columns (the header row names them, in any order, upper or lower case): ``id``
(optional: a question of this course's bank), ``jenis``, ``soal``, ``pilihan A``
… ``pilihan T``, ``pasangan A`` … ``pasangan T`` (matching), ``kunci``, ``poin``,
``penilaian``, ``tingkat``, ``kompetensi``, ``topik``, ``pembahasan``. What
``kunci`` holds depends on ``jenis``: see ``HELP`` (the template's second sheet).
"""

import io
import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.uploads import read_xlsx_rows

from ..models import MAX_CHOICES, QuestionType
from . import (
    MAX_FILE_BYTES,
    MAX_QUESTIONS,
    SCORING_NAMES,
    ParsedRow,
    QuestionData,
    QuestionFileError,
    length_problems,
    read_difficulty,
    read_points,
    read_scoring,
    read_tags,
    too_big_message,
    too_many,
)

TYPES = frozenset(QuestionType.values)
LETTERS = string.ascii_uppercase[:MAX_CHOICES]
TEMPLATE_LETTERS = LETTERS[:6]
MAX_COLUMNS = 60
MAX_PART_BYTES = 50 * 1024 * 1024

TYPE_WORDS = {
    QuestionType.SINGLE: ("pilihan tunggal", "tunggal", "pg", "single"),
    QuestionType.MULTIPLE: (
        "pilihan jamak",
        "jamak",
        "pilihan ganda kompleks",
        "multiple",
    ),
    QuestionType.TRUE_FALSE: ("benar/salah", "benar salah", "b/s", "true_false"),
    QuestionType.SHORT: ("jawaban singkat", "isian singkat", "singkat", "short"),
    QuestionType.ORDERING: ("mengurutkan", "urutan", "ordering"),
    QuestionType.MATCHING: ("menjodohkan", "jodohkan", "matching"),
}
TYPE_OF_WORD = {word: kind for kind, words in TYPE_WORDS.items() for word in words}
TYPE_NAMES = {kind: words[0] for kind, words in TYPE_WORDS.items()}
TRUE_WORDS = {"benar", "b", "true", "ya", "1"}
FALSE_WORDS = {"salah", "s", "false", "tidak", "0"}

COLUMNS = {
    "id": "id",
    "jenis": "type",
    "jenis soal": "type",
    "soal": "text",
    "teks soal": "text",
    "kunci": "key",
    "kunci jawaban": "key",
    "poin": "points",
    "bobot": "points",
    "penilaian": "scoring",
    "tingkat": "difficulty",
    "tingkat kesulitan": "difficulty",
    "kompetensi": "competency",
    "kode kompetensi": "competency",
    "topik": "tags",
    "pembahasan": "explanation",
}
# The fields each optional column gives (compared with a question in the bank).
GIVES = {
    "key": {"is_true", "accepted", "choices"},
    "points": {"points"},
    "scoring": {"scoring"},
    "difficulty": {"difficulty"},
    "competency": {"competency"},
    "tags": {"tags"},
    "explanation": {"explanation"},
}


def _header(value) -> str:
    name = " ".join(_text(value).lower().split())
    if name in COLUMNS:
        return COLUMNS[name]
    match = re.fullmatch(r"(pilihan|pasangan|opsi|butir) ?([a-t])", name)
    if match:
        kind = "match" if match.group(1) == "pasangan" else "choice"
        return f"{kind}:{match.group(2).upper()}"
    return ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "benar" if value else "salah"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_table(data: bytes) -> list[list]:
    if not data:
        raise QuestionFileError(_("Berkas kosong."))
    if len(data) > MAX_FILE_BYTES:
        raise QuestionFileError(too_big_message())
    try:
        return read_xlsx_rows(
            data,
            max_rows=MAX_QUESTIONS + 2,
            max_columns=MAX_COLUMNS,
            max_part_bytes=MAX_PART_BYTES,
        )
    except ValidationError as error:
        raise QuestionFileError(" ".join(error.messages)) from error


def parse(data: bytes) -> list[ParsedRow]:
    """Every question row of the first sheet, each with its problems."""
    table = _read_table(data)
    while table and not any(_text(v) for v in table[-1]):
        table.pop()
    if not table:
        raise QuestionFileError(_("Berkas kosong."))
    header = [_header(value) for value in table[0]]
    missing = [name for name in ("type", "text") if name not in header]
    if missing:
        raise QuestionFileError(
            _(
                "Baris pertama harus berisi judul kolom, minimal “jenis” dan “soal” "
                "(unduh templat XLSX untuk contoh)."
            )
        )
    too_many(len(table) - 1)
    given = {"type", "text"}
    if any(name.startswith("choice:") for name in header):
        given.add("choices")
    for name in header:
        given |= GIVES.get(name, set())
    rows = []
    for number, values in enumerate(table[1:], start=2):
        cells: dict[str, str] = {}
        for name, value in zip(header, values, strict=False):
            if name and name not in cells:
                cells[name] = _text(value)
        if not any(cells.values()):
            continue
        rows.append(_row(number, cells, frozenset(given)))
    return rows


def _row(number: int, cells: dict[str, str], given: frozenset) -> ParsedRow:
    errors: list[str] = []
    row = ParsedRow(line=number, errors=errors)
    if cells.get("id"):
        if cells["id"].isascii() and cells["id"].isdigit() and len(cells["id"]) < 12:
            row.source_id = int(cells["id"])
        else:
            errors.append(_("ID “%(id)s” bukan angka.") % {"id": cells["id"]})
    kind = TYPE_OF_WORD.get(" ".join(cells.get("type", "").lower().split()))
    if kind is None:
        errors.append(
            _(
                "Jenis soal “%(value)s” tidak dikenal. Isi salah satu: pilihan "
                "tunggal, pilihan jamak, benar/salah, jawaban singkat, mengurutkan, "
                "menjodohkan."
            )
            % {"value": cells.get("type", "")}
        )
        return row
    question = QuestionData(type=kind, text=cells.get("text", ""), given=given)
    if not question.text:
        errors.append(_("Kolom “soal” kosong."))
    choices, matches = [], []
    gap = None
    for letter in LETTERS:
        text = cells.get(f"choice:{letter}", "")
        match = cells.get(f"match:{letter}", "")
        if not (text or match):
            gap = gap or letter
            continue
        if gap:
            errors.append(
                _("Pilihan %(gap)s kosong, padahal pilihan %(letter)s terisi.")
                % {"gap": gap, "letter": letter}
            )
            break
        choices.append(text)
        matches.append(match)
    key = cells.get("key", "")
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        letters = [c for c in key.upper() if c.isalpha()]
        unknown = [c for c in letters if c not in LETTERS[: len(choices)]]
        if not letters or unknown:
            errors.append(
                _(
                    "Kunci “%(key)s” harus huruf pilihan yang terisi (%(letters)s), "
                    "mis. “B”, atau “A, C” untuk pilihan jamak."
                )
                % {"key": key, "letters": ", ".join(LETTERS[: len(choices)])}
            )
        if kind == QuestionType.SINGLE and len(set(letters)) > 1:
            errors.append(_("Pilihan tunggal hanya punya satu kunci."))
        question.choices = [
            (text, letter in letters, "")
            for letter, text in zip(LETTERS, choices, strict=False)
        ]
    elif kind == QuestionType.TRUE_FALSE:
        word = key.strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            errors.append(
                _("Kunci soal benar/salah harus “benar” atau “salah”, bukan “%(key)s”.")
                % {"key": key}
            )
        question.is_true = word in TRUE_WORDS
    elif kind == QuestionType.SHORT:
        question.accepted = [
            answer.strip() for answer in re.split(r"[|\n]", key) if answer.strip()
        ]
    elif kind == QuestionType.ORDERING:
        question.choices = [(text, False, "") for text in choices]
    else:
        question.choices = list(
            zip(choices, [False] * len(choices), matches, strict=True)
        )
    if cells.get("points"):
        question.points = read_points(cells["points"], errors)
    if cells.get("scoring"):
        question.scoring = read_scoring(cells["scoring"], errors)
    if cells.get("difficulty"):
        question.difficulty = read_difficulty(cells["difficulty"], errors)
    question.competency = cells.get("competency", "")
    question.tags = read_tags(cells.get("tags", ""))
    question.explanation = cells.get("explanation", "")
    errors += length_problems(question)
    if not errors:
        row.question = question
    return row


# --- writing --------------------------------------------------------------------


def _header_row(width: int) -> list[str]:
    letters = LETTERS[:width]
    return [
        "id",
        "jenis",
        "soal",
        *[f"pilihan {x}" for x in letters],
        *[f"pasangan {x}" for x in letters],
        "kunci",
        "poin",
        "penilaian",
        "tingkat",
        "kompetensi",
        "topik",
        "pembahasan",
    ]


def _key(question: QuestionData) -> str:
    if question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        return ", ".join(
            letter
            for letter, (_t, right, _m) in zip(LETTERS, question.choices, strict=False)
            if right
        )
    if question.type == QuestionType.TRUE_FALSE:
        return "benar" if question.is_true else "salah"
    if question.type == QuestionType.SHORT:
        return "\n".join(question.accepted)
    return ""


def _values(question: QuestionData, width: int, source_id) -> list:
    texts = [text for text, _right, _match in question.choices]
    matches = [
        match if question.type == QuestionType.MATCHING else ""
        for _text, _right, match in question.choices
    ]
    pad = [""] * (width - len(texts))
    return [
        source_id or "",
        TYPE_NAMES[question.type],
        question.text,
        *texts,
        *pad,
        *matches,
        *pad,
        _key(question),
        question.points,
        SCORING_NAMES[question.scoring],
        question.difficulty,
        question.competency,
        ", ".join(question.tags),
        question.explanation,
    ]


def _workbook(header: list[str], rows: list[list]):
    # in-function: openpyxl takes ~0.1 s to import; only XLSX files need it.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Soal"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in rows:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula Excel would run
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["C"].width = 50
    return workbook


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(questions: list[QuestionData], ids: list[int] | None = None) -> bytes:
    """All questions, one row each; ``ids`` fill the ``id`` column."""
    width = max([len(q.choices) for q in questions] + [len(TEMPLATE_LETTERS)])
    ids = ids or [None] * len(questions)
    rows = [_values(q, width, i) for q, i in zip(questions, ids, strict=True)]
    return _save(_workbook(_header_row(width), rows))


EXAMPLES = [
    QuestionData(
        type=QuestionType.SINGLE,
        text="Apa kepanjangan ASN?",
        choices=[
            ("Aparatur Sipil Negara", True, ""),
            ("Aparatur Sistem Nasional", False, ""),
            ("Administrasi Sipil Nasional", False, ""),
        ],
        explanation="UU 20/2023 tentang Aparatur Sipil Negara.",
        difficulty="mudah",
        tags=["kepegawaian"],
    ),
    QuestionData(
        type=QuestionType.MULTIPLE,
        text="Mana saja yang termasuk nilai dasar BerAKHLAK?",
        choices=[
            ("Berorientasi pelayanan", True, ""),
            ("Akuntabel", True, ""),
            ("Birokratis", False, ""),
        ],
        scoring="partial",
        points=2,
        competency="M.1",
    ),
    QuestionData(
        type=QuestionType.TRUE_FALSE,
        text="Satu JP (jam pelajaran) sama dengan 45 menit.",
        is_true=True,
    ),
    QuestionData(
        type=QuestionType.SHORT,
        text="Singkatan dari Badan Penanggulangan Bencana Daerah adalah …",
        accepted=["BPBD", "B.P.B.D."],
    ),
    QuestionData(
        type=QuestionType.ORDERING,
        text="Urutkan langkah evakuasi saat banjir.",
        choices=[
            ("Matikan aliran listrik", False, ""),
            ("Bawa tas siaga", False, ""),
            ("Menuju titik kumpul", False, ""),
        ],
    ),
    QuestionData(
        type=QuestionType.MATCHING,
        text="Jodohkan singkatan dengan kepanjangannya.",
        choices=[
            ("BNPB", False, "Badan Nasional Penanggulangan Bencana"),
            ("BPBD", False, "Badan Penanggulangan Bencana Daerah"),
        ],
        scoring="partial",
    ),
]


def help_lines() -> list[str]:
    """The template's second sheet, in Bahasa Indonesia."""
    return [
        _("Petunjuk pengisian templat soal Sigap"),
        "",
        _("Satu baris = satu soal. Baris pertama lembar “Soal” adalah judul kolom."),
        _("id: kosongkan untuk soal baru. Diisi otomatis saat ekspor dari Sigap."),
        _(
            "jenis: pilihan tunggal, pilihan jamak, benar/salah, jawaban singkat, "
            "mengurutkan, atau menjodohkan."
        ),
        _("soal: teks pertanyaan. Teks soal dalam satu kursus tidak boleh kembar."),
        _(
            "pilihan A, B, …: pilihan jawaban; untuk mengurutkan, tulis butir dalam "
            "urutan yang benar; untuk menjodohkan, sisi kiri pasangan. Tambah kolom "
            "“pilihan G”, “pasangan G”, dst. bila perlu (paling banyak 20)."
        ),
        _("pasangan A, B, …: hanya untuk menjodohkan, pasangan sisi kanan."),
        _(
            "kunci: pilihan tunggal — satu huruf (mis. B); pilihan jamak — beberapa "
            "huruf (mis. A, C); benar/salah — benar atau salah; jawaban singkat — "
            "semua jawaban yang diterima, dipisah | atau baris baru; mengurutkan "
            "dan menjodohkan — kosongkan."
        ),
        _("poin: 1–100 (bawaan 1)."),
        _(
            "penilaian: semua (semua atau tidak sama sekali) atau sebagian; untuk "
            "pilihan jamak, mengurutkan, dan menjodohkan."
        ),
        _("tingkat: mudah, sedang, atau sulit (bawaan sedang)."),
        _("kompetensi: kode kompetensi, mis. M.8. topik: dipisah koma."),
        _("pembahasan: ditampilkan saat peserta boleh melihat pembahasan."),
        "",
        _(
            "Mengimpor berkas yang sama dua kali tidak mengubah apa pun: soal yang "
            "sudah ada di bank kursus dilewati."
        ),
    ]


def template() -> bytes:
    """The header row, one example row per type, and a sheet of help."""
    width = len(TEMPLATE_LETTERS)
    workbook = _workbook(
        _header_row(width), [_values(q, width, None) for q in EXAMPLES]
    )
    sheet = workbook.create_sheet(_("Petunjuk"))
    for line in help_lines():
        sheet.append([line])
    sheet.column_dimensions["A"].width = 120
    return _save(workbook)
