"""Question files: Aiken and GIFT (Moodle's text formats) and Sigap's XLSX template.

Each format module has ``TYPES`` (the question types it can express),
``parse(data: bytes) -> list[ParsedRow]`` and ``render(questions) -> bytes``.
``parse`` raises ``QuestionFileError`` (Indonesian) for a file that cannot be read
as a whole, and reports every other problem on its row, with the row's line
number, so that the dry run can list them all at once. Parsing never touches the
database: whether a row is new or already in the bank is the import service's
question (``courses.quizzes.question_import``).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.uploads import decode_text

from ..models import Difficulty, QuestionType, Scoring

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUESTIONS = 2000
MAX_TEXT = 10_000  # characters of a question's text or explanation
MAX_CHOICE_TEXT = 500  # QuestionChoice.text and match_text
MAX_TAG = 100


ALL_FIELDS = frozenset(
    {
        "type",
        "text",
        "choices",
        "is_true",
        "accepted",
        "points",
        "scoring",
        "explanation",
        "difficulty",
        "competency",
        "tags",
    }
)
_CHOICE_ONLY = frozenset({"is_true", "accepted"})
# Fields a type does not use: whatever they hold, the question is the same.
IRRELEVANT = {
    QuestionType.SINGLE: _CHOICE_ONLY | {"scoring"},
    QuestionType.MULTIPLE: _CHOICE_ONLY,
    QuestionType.TRUE_FALSE: frozenset({"choices", "accepted", "scoring"}),
    QuestionType.SHORT: frozenset({"choices", "is_true", "scoring"}),
    QuestionType.ORDERING: _CHOICE_ONLY,
    QuestionType.MATCHING: _CHOICE_ONLY,
}


class QuestionFileError(ValueError):
    """The file as a whole cannot be read (encoding, binary, empty, too big)."""


@dataclass
class QuestionData:
    """One question as a file holds it, independent of the database.

    ``choices`` are ``(text, is_correct, match_text)`` in order: options of a
    choice question, items of an ordering question in the right order, pairs of a
    matching question. ``accepted`` are a short-answer question's answers."""

    type: str
    text: str
    choices: list[tuple[str, bool, str]] = field(default_factory=list)
    is_true: bool = True
    accepted: list[str] = field(default_factory=list)
    points: int = 1
    scoring: str = Scoring.ALL_OR_NOTHING
    explanation: str = ""
    difficulty: str = Difficulty.MEDIUM
    competency: str = ""
    tags: list[str] = field(default_factory=list)

    # The fields the file gave (Aiken gives no points or tags): only these are
    # compared with a question already in the bank.
    given: frozenset = ALL_FIELDS

    def comparable(self, fields=None) -> tuple:
        """What a question is, for "is this row already in the bank?": the
        ``fields`` (default: those the file gave) that matter for its type, with
        whitespace tidied and tags unordered."""
        fields = (self.given if fields is None else fields) - IRRELEVANT[self.type]
        values = {
            "type": self.type,
            "text": tidy(self.text),
            "choices": tuple(
                (tidy(text), bool(right), tidy(match))
                for text, right, match in self.choices
            ),
            "is_true": self.is_true,
            "accepted": tuple(tidy(answer) for answer in self.accepted),
            "points": self.points,
            "scoring": self.scoring,
            "explanation": tidy(self.explanation),
            "difficulty": self.difficulty,
            "competency": self.competency.strip().upper(),
            "tags": tuple(sorted({tag.strip().lower() for tag in self.tags})),
        }
        return tuple((name, values[name]) for name in sorted(fields))


@dataclass
class ParsedRow:
    """One question of a file (``line``: its first line, or its row in a sheet),
    or why it cannot be one."""

    line: int
    question: QuestionData | None = None
    errors: list[str] = field(default_factory=list)
    # An explicit question id (XLSX "id" column), matched within the course.
    source_id: int | None = None


def tidy(text: str) -> str:
    """Whitespace (line breaks too) collapsed: a text format that cannot hold a
    line break still writes the same question."""
    return " ".join((text or "").split())


def question_key(text: str) -> str:
    """The stable key of a question within its course: its text, lower-cased,
    whitespace collapsed. Two questions of one bank may not share it."""
    return " ".join((text or "").lower().split())


def length_problems(question: QuestionData) -> list[str]:
    """Texts too long for the bank's fields."""
    problems = []
    if len(question.text) > MAX_TEXT or len(question.explanation) > MAX_TEXT:
        problems.append(
            _("Teks soal atau pembahasan lebih dari %(max)d karakter.")
            % {"max": MAX_TEXT}
        )
    for text, _right, match in question.choices:
        if len(text) > MAX_CHOICE_TEXT or len(match) > MAX_CHOICE_TEXT:
            problems.append(
                _("Pilihan lebih dari %(max)d karakter: “%(start)s…”.")
                % {"max": MAX_CHOICE_TEXT, "start": (text or match)[:40]}
            )
            break
    if len(question.competency) > 20:
        problems.append(_("Kode kompetensi lebih dari 20 karakter."))
    if any(len(tag) > MAX_TAG for tag in question.tags):
        problems.append(_("Topik lebih dari %(max)d karakter.") % {"max": MAX_TAG})
    return problems


def question_data(question) -> QuestionData:
    """A bank question (with its choices and tags prefetched) as file data."""
    return QuestionData(
        type=question.type,
        text=question.text,
        choices=[
            (choice.text, choice.is_correct, choice.match_text)
            for choice in question.choices.all()
        ],
        is_true=question.is_true,
        accepted=question.accepted_list(),
        points=question.points,
        scoring=question.scoring,
        explanation=question.explanation,
        difficulty=question.difficulty,
        competency=question.competency,
        tags=sorted(tag.name for tag in question.tags.all()),
    )


def read_text(data: bytes) -> str:
    """The text of an Aiken or GIFT upload, or a ``QuestionFileError``."""
    if not data.strip():
        raise QuestionFileError(_("Berkas kosong."))
    if len(data) > MAX_FILE_BYTES:
        raise QuestionFileError(too_big_message())
    try:
        text = decode_text(data)
    except ValidationError as error:
        raise QuestionFileError(" ".join(error.messages)) from error
    if not text.strip():
        raise QuestionFileError(_("Berkas kosong."))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def too_big_message() -> str:
    return _("Berkas lebih dari %(mb)d MB.") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}


def too_many(count: int) -> None:
    if count > MAX_QUESTIONS:
        raise QuestionFileError(
            _("Berkas berisi lebih dari %(max)d soal. Bagi menjadi beberapa berkas.")
            % {"max": MAX_QUESTIONS}
        )


# --- values written in words (XLSX cells, the GIFT "// sigap:" line) ------------

SCORING_WORDS = {
    "semua": Scoring.ALL_OR_NOTHING,
    "semua atau tidak sama sekali": Scoring.ALL_OR_NOTHING,
    "all": Scoring.ALL_OR_NOTHING,
    "sebagian": Scoring.PARTIAL,
    "nilai sebagian": Scoring.PARTIAL,
    "partial": Scoring.PARTIAL,
}
SCORING_NAMES = {Scoring.ALL_OR_NOTHING: "semua", Scoring.PARTIAL: "sebagian"}
DIFFICULTY_WORDS = {
    **{value: value for value in Difficulty.values},
    "easy": Difficulty.EASY,
    "medium": Difficulty.MEDIUM,
    "hard": Difficulty.HARD,
}
MAX_POINTS = 100


def read_points(value: str, errors: list[str]) -> int:
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]  # a number cell read as 2.0
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_POINTS:
        return int(text)
    errors.append(
        _("Poin “%(value)s” harus bilangan bulat 1–%(max)d.")
        % {"value": value, "max": MAX_POINTS}
    )
    return 1


def read_scoring(value: str, errors: list[str]) -> str:
    scoring = SCORING_WORDS.get(" ".join(str(value).lower().split()))
    if scoring is None:
        errors.append(
            _("Penilaian “%(value)s” tidak dikenal (isi: semua atau sebagian).")
            % {"value": value}
        )
        return Scoring.ALL_OR_NOTHING
    return scoring


def read_difficulty(value: str, errors: list[str]) -> str:
    difficulty = DIFFICULTY_WORDS.get(str(value).strip().lower())
    if difficulty is None:
        errors.append(
            _(
                "Tingkat kesulitan “%(value)s” tidak dikenal (isi: mudah, sedang, "
                "sulit)."
            )
            % {"value": value}
        )
        return Difficulty.MEDIUM
    return difficulty


def read_tags(value: str) -> list[str]:
    """Topics separated by commas (or semicolons)."""
    parts = str(value).replace(";", ",").split(",")
    return list(dict.fromkeys(" ".join(part.split()) for part in parts if part.strip()))
