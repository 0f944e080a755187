"""Questions in bulk: import a file into a course's bank, export a bank, move or
copy a bank between two courses.

A question is matched within its course by its text, lower-cased with spaces
collapsed (``question_key``), or by the ``id`` an XLSX export wrote. A row that
matches a question with the same content is "unchanged"; one that matches a
question with other content is refused (the bank is edited in the bank, not
overwritten by a file). So importing the same file twice changes nothing.
``import_questions`` checks every row again inside its transaction and writes all
of them or none.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage
from lms.audit.services import record_event
from lms.uploads import unreadable_as

from .models import (
    Question,
    QuestionChoice,
    QuestionFormat,
    QuestionImport,
    QuestionType,
    QuizPage,
    Response,
    content_problems,
)
from .question_formats import (
    ParsedRow,
    QuestionData,
    QuestionFileError,
    aiken,
    gift,
    question_data,
    question_key,
    xlsx,
)
from .snapshot import draw_pool, fixed_question_ids

FORMATS = {
    QuestionFormat.AIKEN: aiken,
    QuestionFormat.GIFT: gift,
    QuestionFormat.XLSX: xlsx,
}
EXTENSIONS = {
    QuestionFormat.AIKEN: "txt",
    QuestionFormat.GIFT: "gift.txt",
    QuestionFormat.XLSX: "xlsx",
}
CREATE, UNCHANGED, ERROR = "create", "unchanged", "error"
UNREADABLE = gettext_lazy(
    "Berkas tidak dapat dibaca sebagai soal Aiken, GIFT, atau XLSX. Periksa "
    "formatnya (lihat contoh), lalu unggah lagi."
)


@dataclass
class RowCheck:
    """What one question of a file would do in a course's bank, or why not."""

    line: int
    action: str
    text: str = ""
    type_label: str = ""
    errors: list[str] = field(default_factory=list)
    existing_id: int | None = None
    question: QuestionData | None = None


@dataclass
class ImportOutcome:
    checks: list[RowCheck]
    created: int = 0
    unchanged: int = 0

    @property
    def errors(self) -> list[RowCheck]:
        return [check for check in self.checks if check.action == ERROR]

    @property
    def applied(self) -> bool:
        return not self.errors


def detect_format(name: str, data: bytes) -> str:
    """The format of an upload from its name, else its content: a zip is XLSX, a
    text with an answer block ``{…}`` is GIFT, any other text Aiken."""
    lowered = name.lower()
    if lowered.endswith(".xlsx") or data[:2] == b"PK":
        return QuestionFormat.XLSX
    if lowered.endswith(".gift"):
        return QuestionFormat.GIFT
    if b"{" in data and b"}" in data:
        return QuestionFormat.GIFT
    return QuestionFormat.AIKEN


def parse_file(*, data: bytes, format: str) -> list[ParsedRow]:
    """The rows of a question file; ``QuestionFileError`` when it is unreadable."""
    if format not in FORMATS:
        raise QuestionFileError(_("Format berkas tidak dikenal."))
    # Whatever a hostile file sets off in a parser becomes a message, not a 500.
    with unreadable_as(UNREADABLE, error=QuestionFileError):
        return FORMATS[format].parse(data)


def bank_questions(course: CoursePage):
    """A course's own questions with what an export or comparison reads."""
    return (
        Question.objects.filter(course=course)
        .prefetch_related("choices", "tags")
        .order_by("pk")
    )


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:119] + "…"


def check_rows(*, course: CoursePage, rows: list[ParsedRow]) -> list[RowCheck]:
    """The dry run: what each row would do in ``course``'s bank. Writes nothing."""
    existing = list(bank_questions(course))
    by_key = {question_key(question.text): question for question in existing}
    by_id = {question.pk: question for question in existing}
    labels = dict(QuestionType.choices)
    seen: dict[str, int] = {}
    checks = []
    for row in rows:
        check = RowCheck(line=row.line, action=ERROR, errors=list(row.errors))
        checks.append(check)
        question = row.question
        if question is None:
            if not check.errors:
                check.errors.append(_("Baris ini tidak dapat dibaca sebagai soal."))
            continue
        check.question = question
        check.text = _preview(question.text)
        check.type_label = str(labels.get(question.type, question.type))
        check.errors += content_problems(
            type=question.type,
            choices=question.choices,
            accepted_answers="\n".join(question.accepted),
        )
        key = question_key(question.text)
        if key in seen:
            check.errors.append(
                _("Teks soal sama dengan soal pada baris %(line)d di berkas ini.")
                % {"line": seen[key]}
            )
        seen.setdefault(key, row.line)
        match = by_id.get(row.source_id) if row.source_id else None
        match = match or by_key.get(key)
        if match is not None and not check.errors:
            check.existing_id = match.pk
            same = question_data(match).comparable(question.given)
            if same != question.comparable():
                check.errors.append(
                    _(
                        "Soal dengan teks yang sama sudah ada di bank kursus ini "
                        "(ID %(id)d) dengan isi berbeda. Ubah soal itu di bank soal, "
                        "atau ubah teks soal di berkas."
                    )
                    % {"id": match.pk}
                )
        if not check.errors:
            check.action = UNCHANGED if match is not None else CREATE
    return checks


def summarise(checks: list[RowCheck]) -> dict:
    counts = {CREATE: 0, UNCHANGED: 0, ERROR: 0}
    for check in checks:
        counts[check.action] += 1
    return counts


def _create(*, course: CoursePage, question: QuestionData, user) -> Question:
    record = Question(
        course=course,
        type=question.type,
        text=question.text,
        points=question.points,
        scoring=question.scoring,
        is_true=question.is_true,
        accepted_answers="\n".join(question.accepted),
        explanation=question.explanation,
        difficulty=question.difficulty,
        competency=question.competency,
    )
    record.choices = [
        QuestionChoice(text=text, is_correct=right, match_text=match, sort_order=order)
        for order, (text, right, match) in enumerate(question.choices)
    ]
    if question.tags:
        record.tags.add(*question.tags)
    record.save()
    record.save_revision(user=user)
    return record


def _lock(course: CoursePage) -> None:
    """One import into a course at a time: a second waits, then sees the first's
    questions as already there."""
    list(CoursePage.objects.select_for_update().filter(pk=course.pk).values("pk"))


@transaction.atomic
def import_questions(
    *, course: CoursePage, rows: list[ParsedRow], user, request=None
) -> ImportOutcome:
    """Create every new question of ``rows`` in ``course``'s bank, or none when any
    row has an error. Rows already in the bank are left as they are."""
    _lock(course)
    checks = check_rows(course=course, rows=rows)
    outcome = ImportOutcome(checks=checks)
    if outcome.errors:
        return outcome
    for check in checks:
        if check.action == CREATE:
            _create(course=course, question=check.question, user=user)
            outcome.created += 1
        else:
            outcome.unchanged += 1
    record_event(
        actor=user,
        action="quizzes.question_import",
        target=course,
        request=request,
        created=outcome.created,
        unchanged=outcome.unchanged,
    )
    return outcome


# --- an upload kept between its dry run and its import ---------------------------


def start_import(
    *, course: CoursePage, user, uploaded, format: str = ""
) -> QuestionImport:
    """Read the upload (``QuestionFileError`` when it cannot be read) and keep it
    in the private storage for the confirmation."""
    data = uploaded.read()
    format = format or detect_format(uploaded.name or "", data)
    parse_file(data=data, format=format)
    uploaded.seek(0)
    record = QuestionImport(
        course=course,
        created_by=user,
        format=format,
        filename=(uploaded.name or "")[-200:],
    )
    record.source.save(uploaded.name[-80:] or "soal", uploaded, save=False)
    record.save()
    return record


def import_rows(record: QuestionImport) -> list[ParsedRow]:
    """The rows of a kept upload (``QuestionFileError`` if its file is gone)."""
    try:
        with record.source.open("rb") as handle:
            data = handle.read()
    except OSError as error:
        raise QuestionFileError(
            _("Berkas unggahan ini tidak tersimpan lagi. Unggah ulang berkasnya.")
        ) from error
    return parse_file(data=data, format=record.format)


@transaction.atomic
def apply_import(*, record: QuestionImport, user, request=None) -> ImportOutcome:
    """Import a checked upload: all its new questions, or none."""
    outcome = import_questions(
        course=record.course, rows=import_rows(record), user=user, request=request
    )
    if outcome.applied and record.applied_at is None:
        record.applied_at = timezone.now()
        record.created_count = outcome.created
        record.save(update_fields=["applied_at", "created_count"])
    return outcome


# --- export -----------------------------------------------------------------------


def export_bank(*, course: CoursePage, format: str) -> tuple[bytes, int, int]:
    """The bank as a file: (bytes, questions written, questions the format cannot
    hold and left out)."""
    questions = list(bank_questions(course))
    module = FORMATS[format]
    kept = [q for q in questions if q.type in module.TYPES]
    data = [question_data(q) for q in kept]
    if format == QuestionFormat.XLSX:
        content = xlsx.render(data, ids=[q.pk for q in kept])
    else:
        content = module.render(data)
    return content, len(kept), len(questions) - len(kept)


def export_counts(*, course: CoursePage) -> dict[str, tuple[int, int]]:
    """Per format: (questions it can write, questions it leaves out)."""
    types = list(Question.objects.filter(course=course).values_list("type", flat=True))
    return {
        name: (
            sum(1 for t in types if t in module.TYPES),
            sum(1 for t in types if t not in module.TYPES),
        )
        for name, module in FORMATS.items()
    }


# --- moving a bank between courses ---------------------------------------------


def questions_in_use(course: CoursePage) -> set[int]:
    """Ids of ``course``'s questions that stay where they are when its bank moves:
    asked by a quiz (fixed, in any course, live or in a draft), in the pool of a
    random draw of one of its quizzes, or answered in an attempt."""
    own = set(Question.objects.filter(course=course).values_list("pk", flat=True))
    used: set[int] = set(
        Response.objects.filter(question__course=course).values_list(
            "question_id", flat=True
        )
    )
    if not own:
        return used
    for quiz in QuizPage.objects.all():
        versions = [quiz]
        if quiz.has_unpublished_changes:
            versions.append(quiz.get_latest_revision_as_object())
        quiz_course = quiz.get_course()
        in_course = quiz_course is not None and quiz_course.pk == course.pk
        for version in versions:
            used |= own & set(fixed_question_ids(version))
            if in_course:
                for block in version.items:
                    if block.block_type == "draw":
                        used |= own & set(
                            draw_pool(block.value, course=course).values_list(
                                "pk", flat=True
                            )
                        )
    return used


@dataclass
class TransferOutcome:
    checks: list[RowCheck]
    moved: int = 0
    copied: int = 0  # copied, because the source still uses them (or on request)
    merged: int = 0  # already in the target: the unused source copy was removed
    unchanged: int = 0  # already in the target and still used in the source
    in_use: set[int] = field(default_factory=set)

    @property
    def errors(self) -> list[RowCheck]:
        return [check for check in self.checks if check.action == ERROR]

    @property
    def applied(self) -> bool:
        return not self.errors


def transfer_rows(source: CoursePage) -> tuple[list[Question], list[ParsedRow]]:
    questions = list(bank_questions(source))
    rows = [
        ParsedRow(line=question.pk, question=question_data(question))
        for question in questions
    ]
    return questions, rows


@transaction.atomic
def transfer_bank(
    *,
    source: CoursePage,
    target: CoursePage,
    user,
    move: bool,
    dry_run: bool = False,
    request=None,
) -> TransferOutcome:
    """Move (``move``) or copy every question of ``source``'s bank to ``target``'s.

    A question still in use in ``source`` (``questions_in_use``) is copied, not
    moved: its quizzes, draws and past attempts keep it. A question already in
    ``target`` with the same content is not copied again (a moved one that is not
    in use is removed from ``source``). A question whose text is in ``target``
    with other content stops the whole transfer. ``row.line`` is the question id.
    """
    if source.pk == target.pk:
        raise ValueError("source and target are the same course")
    _lock(target)
    questions, rows = transfer_rows(source)
    checks = check_rows(course=target, rows=rows)
    in_use = questions_in_use(source) if move else set()
    outcome = TransferOutcome(checks=checks, in_use=in_use)
    if outcome.errors or dry_run:
        return outcome
    for question, check in zip(questions, checks, strict=True):
        free = move and question.pk not in in_use
        if check.action == UNCHANGED:
            if free:
                question.delete()
                outcome.merged += 1
            else:
                outcome.unchanged += 1
        elif free:
            question.course = target
            question.save(update_fields=["course", "updated_at"])
            question.save_revision(user=user)
            outcome.moved += 1
        else:
            _create(course=target, question=check.question, user=user)
            outcome.copied += 1
    record_event(
        actor=user,
        action="quizzes.bank_move" if move else "quizzes.bank_copy",
        target=target,
        request=request,
        source=source.pk,
        moved=outcome.moved,
        copied=outcome.copied,
        merged=outcome.merged,
        unchanged=outcome.unchanged,
    )
    return outcome
