"""What trainers read: per-quiz results, course growth (normalised gain) and item
analysis. Each report is a handful of aggregate queries, whatever the number of
attempts (10,000 attempts of a 30-question quiz render in well under a second).
"""

import math
from dataclasses import dataclass, field

from django.db.models import Avg, Case, Count, F, FloatField, Max, Q, Sum, When
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from . import key_patterns
from .models import (
    MIN_ORDERING_ITEMS,
    Attempt,
    ChoicePick,
    Question,
    QuestionType,
    QuizKind,
    QuizPage,
    Response,
)
from .snapshot import possible_question_ids

EASY_ABOVE = 0.9
HARD_BELOW = 0.2
GROUP_SHARE = 0.27


@dataclass
class Bucket:
    label: str
    count: int
    share: float  # of all attempts, 0–100


@dataclass
class QuizSummary:
    """Attempts, learners, mean score, pass rate and score distribution."""

    attempts: int
    learners: int
    mean: float | None
    pass_rate: float | None
    distribution: list[Bucket]


def quiz_summary(*, quiz: QuizPage) -> QuizSummary:
    closed = Attempt.objects.closed().filter(quiz=quiz)
    totals = closed.aggregate(
        attempts=Count("id"),
        learners=Count("user", distinct=True),
        mean=Avg("percent"),
        passed=Count("id", filter=Q(passed=True)),
    )
    bins = [0] * 10
    bucket = Case(
        *[When(percent__lt=10 * (i + 1), then=i) for i in range(9)],
        default=9,
    )
    for index, count in (
        closed.annotate(bucket=bucket)
        .values("bucket")
        .annotate(n=Count("id"))
        .values_list("bucket", "n")
    ):
        bins[index] += count
    n = totals["attempts"]
    return QuizSummary(
        attempts=n,
        learners=totals["learners"],
        mean=totals["mean"],
        pass_rate=100 * totals["passed"] / n if n else None,
        distribution=[
            Bucket(
                label=f"{10 * i}–{10 * i + 9}" if i < 9 else "90–100",
                count=count,
                share=100 * count / n if n else 0,
            )
            for i, count in enumerate(bins)
        ],
    )


@dataclass
class Growth:
    """Pre-test vs post-test for one course (percent), and normalised gain."""

    pre_learners: int = 0
    post_learners: int = 0
    paired: int = 0
    mean_pre: float | None = None
    mean_post: float | None = None
    mean_gain: float | None = None  # mean of each learner's g
    class_gain: float | None = None  # g of the paired means
    rows: list = field(default_factory=list)


def normalised_gain(pre: float, post: float) -> float | None:
    """g = (post − pre) / (100 − pre); undefined when the pre-test was perfect."""
    if pre >= 100:
        return None
    return (post - pre) / (100 - pre)


def course_growth(*, course: CoursePage) -> Growth:
    """Each learner's first pre-test score against their best post-test score."""
    quizzes = QuizPage.objects.child_of(course)
    pre_ids = list(quizzes.filter(kind=QuizKind.PRETEST).values_list("pk", flat=True))
    post_ids = list(quizzes.filter(kind=QuizKind.POSTTEST).values_list("pk", flat=True))
    pre: dict[int, float] = {}
    for user_id, percent in (
        Attempt.objects.closed()
        .filter(quiz_id__in=pre_ids)
        .order_by("user_id", "number", "pk")
        .values_list("user_id", "percent")
    ):
        pre.setdefault(user_id, percent)
    post = dict(
        Attempt.objects.closed()
        .filter(quiz_id__in=post_ids)
        .values("user_id")
        .annotate(best=Max("percent"))
        .values_list("user_id", "best")
    )
    growth = Growth(pre_learners=len(pre), post_learners=len(post))
    if pre:
        growth.mean_pre = sum(pre.values()) / len(pre)
    if post:
        growth.mean_post = sum(post.values()) / len(post)
    paired = [(pre[u], post[u]) for u in pre.keys() & post.keys()]
    growth.paired = len(paired)
    gains = [g for a, b in paired if (g := normalised_gain(a, b)) is not None]
    if gains:
        growth.mean_gain = sum(gains) / len(gains)
    if paired:
        mean_pre = sum(a for a, _ in paired) / len(paired)
        mean_post = sum(b for _, b in paired) / len(paired)
        growth.class_gain = normalised_gain(mean_pre, mean_post)
    return growth


@dataclass
class ChoiceShare:
    text: str
    count: int
    share: float
    correct: bool


@dataclass
class ItemRow:
    """One question's statistics."""

    question_id: int
    text: str
    type: str
    competency: str
    responses: int
    facility: float
    discrimination: float | None  # upper 27 % minus lower 27 % (mean credit)
    point_biserial: float | None
    choices: list[ChoiceShare]
    flags: list[str]


def _sd(n: int, total: float, squares: float) -> float:
    if n < 2:
        return 0.0
    variance = max(0.0, squares / n - (total / n) ** 2)
    return math.sqrt(variance)


def _point_biserial(s: dict) -> float | None:
    """Point-biserial correlation of right/wrong with the attempt's percent, from
    the aggregates of ``_ITEM_AGGREGATES`` (None when it is undefined)."""
    n = s["n"]
    sd = _sd(n, s["total"] or 0, s["squares"] or 0)
    right_n = s["right"] or 0
    if not (sd > 0 and 0 < right_n < n):
        return None
    p = right_n / n
    mean_right = s["total_right"] / right_n
    mean_wrong = (s["total"] - s["total_right"]) / (n - right_n)
    return (mean_right - mean_wrong) / sd * math.sqrt(p * (1 - p))


def _item_aggregates() -> dict:
    right = Case(
        When(credit__gte=0.999, then=1.0), default=0.0, output_field=FloatField()
    )
    return {
        "n": Count("id"),
        "facility": Avg("credit"),
        "right": Sum(right),
        "total": Sum("attempt_percent"),
        "squares": Sum(F("attempt_percent") * F("attempt_percent")),
        "total_right": Sum(
            Case(
                When(credit__gte=0.999, then=F("attempt_percent")),
                default=0.0,
                output_field=FloatField(),
            )
        ),
    }


def item_analysis(*, quiz: QuizPage) -> list[ItemRow]:
    """Facility, discrimination and choice frequencies per question of ``quiz``.

    Five queries: attempt scores, one GROUP BY over responses, one over picks,
    and the questions with their choices.
    """
    scores = sorted(
        Attempt.objects.closed().filter(quiz=quiz).values_list("percent", flat=True)
    )
    if not scores:
        return []
    group = max(1, math.ceil(GROUP_SHARE * len(scores)))
    lower_cut, upper_cut = scores[group - 1], scores[-group]
    upper = Q(attempt_percent__gte=upper_cut)
    lower = Q(attempt_percent__lte=lower_cut)
    stats = {
        row["question_id"]: row
        for row in Response.objects.filter(quiz=quiz, credit__isnull=False)
        .values("question_id")
        .annotate(
            **_item_aggregates(),
            upper_n=Count("id", filter=upper),
            upper_credit=Sum("credit", filter=upper),
            lower_n=Count("id", filter=lower),
            lower_credit=Sum("credit", filter=lower),
        )
        if row["question_id"] is not None
    }
    picks: dict[int, dict[str, int]] = {}
    for question_id, option, count in (
        ChoicePick.objects.filter(quiz=quiz)
        .values_list("question_id", "option")
        .annotate(n=Count("id"))
    ):
        picks.setdefault(question_id, {})[option] = count
    questions = Question.objects.filter(pk__in=stats).prefetch_related("choices")
    rows = []
    for question in questions:
        s = stats[question.pk]
        n = s["n"]
        discrimination = None
        if s["upper_n"] and s["lower_n"]:
            discrimination = (s["upper_credit"] or 0) / s["upper_n"] - (
                s["lower_credit"] or 0
            ) / s["lower_n"]
        point_biserial = _point_biserial(s)
        counts = picks.get(question.pk, {})
        if question.type == "true_false":
            options = [
                ("t", _("Benar"), question.is_true),
                ("f", _("Salah"), not question.is_true),
            ]
        elif question.type in ("single", "multiple"):
            options = [
                (f"c{c.pk}", c.text, c.is_correct) for c in question.choices.all()
            ]
        else:
            options = []
        choices = [
            ChoiceShare(
                text=text,
                count=counts.get(option, 0),
                share=100 * counts.get(option, 0) / n if n else 0,
                correct=correct,
            )
            for option, text, correct in options
        ]
        flags = key_flags(question)
        if s["facility"] > EASY_ABOVE:
            flags.append(_("terlalu mudah"))
        if s["facility"] < HARD_BELOW:
            flags.append(_("terlalu sulit"))
        if (discrimination is not None and discrimination < 0) or (
            point_biserial is not None and point_biserial < 0
        ):
            flags.append(_("daya beda negatif"))
        rows.append(
            ItemRow(
                question_id=question.pk,
                text=str(question),
                type=question.get_type_display(),
                competency=question.competency,
                responses=n,
                facility=s["facility"],
                discrimination=discrimination,
                point_biserial=point_biserial,
                choices=choices,
                flags=flags,
            )
        )
    rows.sort(key=lambda row: row.question_id)
    return rows


# --- keys a learner can guess ---------------------------------------------------

# Comparing every pre-test question with every post-test one is quadratic; a bank
# this large per side is compared only in part (first questions by id).
MAX_COMPARED = 300


def _options(question: Question) -> list[tuple[str, bool]]:
    return [(c.text, c.is_correct) for c in question.choices.all()]


def _wording(question: Question) -> str:
    texts = []
    for choice in question.choices.all():
        texts += [choice.text, choice.match_text]
    return key_patterns.wording(question.text, texts)


def key_flags(question: Question) -> list[str]:
    """What in how ``question`` is written gives its key away (choices prefetched)."""
    flags = []
    if question.type == QuestionType.SINGLE:
        options = _options(question)
        if key_patterns.key_stands_out(options):
            flags.append(_("kunci jauh lebih panjang dari pengecoh"))
        elif key_patterns.key_is_longest(options):
            flags.append(_("kunci = pilihan terpanjang"))
    if (
        question.type == QuestionType.ORDERING
        and len(question.choices.all()) < MIN_ORDERING_ITEMS
    ):
        flags.append(_("mengurutkan kurang dari tiga butir"))
    return flags


@dataclass
class NearDuplicate:
    """A question of this quiz and one of its pre-/post-test counterpart."""

    text: str
    other_text: str
    other_quiz: str
    similarity: float  # 0–100


@dataclass
class KeyCheck:
    """Patterns across a quiz's questions that let learners guess keys."""

    single_total: int = 0
    longest_key: int = 0
    standing_out: int = 0
    short_orderings: list[str] = field(default_factory=list)
    near_duplicates: list[NearDuplicate] = field(default_factory=list)

    @property
    def longest_share(self) -> float | None:
        if not self.single_total:
            return None
        return self.longest_key / self.single_total

    @property
    def longest_key_guessable(self) -> bool:
        """More keys are the longest option than chance would make them."""
        share = self.longest_share
        return (
            share is not None
            and self.longest_key >= 2
            and share > key_patterns.LONGEST_KEY_SHARE
        )

    @property
    def warnings(self) -> list[str]:
        found = []
        if self.longest_key_guessable:
            found.append(
                _(
                    "%(n)d dari %(total)d soal pilihan tunggal memakai pilihan "
                    "terpanjang sebagai kunci — peserta bisa menebak tanpa menguasai "
                    "materi. Buat pengecoh sepanjang dan semasuk akal kuncinya."
                )
                % {"n": self.longest_key, "total": self.single_total}
            )
        if self.standing_out:
            found.append(
                _(
                    "%(n)d soal pilihan tunggal berkunci lebih dari 1,5 kali "
                    "panjang rata-rata pengecohnya."
                )
                % {"n": self.standing_out}
            )
        if self.short_orderings:
            found.append(
                _(
                    "%(n)d soal mengurutkan berisi kurang dari tiga butir: tebakan "
                    "benar separuh waktu. Tambahkan butir atau ganti jenis soalnya."
                )
                % {"n": len(self.short_orderings)}
            )
        if self.near_duplicates:
            found.append(
                _(
                    "%(n)d soal hampir sama dengan soal pasangan pre-test/post-test: "
                    "pembahasan yang satu membocorkan kunci yang lain. Uji kompetensi "
                    "yang sama dengan kasus dan kalimat lain."
                )
                % {"n": len(self.near_duplicates)}
            )
        return found


def _questions(ids) -> list[Question]:
    return list(
        Question.objects.filter(pk__in=sorted(ids)[:MAX_COMPARED])
        .order_by("pk")
        .prefetch_related("choices")
    )


def key_check(*, quiz: QuizPage) -> KeyCheck:
    """Check every question ``quiz`` may show for keys a learner can guess, and a
    pre-test or post-test against its counterpart for near-identical questions."""
    questions = _questions(possible_question_ids(quiz))
    check = KeyCheck()
    for question in questions:
        if question.type == QuestionType.SINGLE:
            options = _options(question)
            check.single_total += 1
            check.longest_key += key_patterns.key_is_longest(options)
            check.standing_out += key_patterns.key_stands_out(options)
        elif (
            question.type == QuestionType.ORDERING
            and len(question.choices.all()) < MIN_ORDERING_ITEMS
        ):
            check.short_orderings.append(str(question))
    counterpart = {
        QuizKind.PRETEST: QuizKind.POSTTEST,
        QuizKind.POSTTEST: QuizKind.PRETEST,
    }.get(quiz.kind)
    if counterpart is None:
        return check
    others = QuizPage.objects.child_of(quiz.get_course()).filter(kind=counterpart)
    mine = [(question, _wording(question)) for question in questions]
    for other in others:
        for theirs in _questions(possible_question_ids(other)):
            their_wording = _wording(theirs)
            for question, wording in mine:
                if key_patterns.is_near_duplicate(wording, their_wording):
                    check.near_duplicates.append(
                        NearDuplicate(
                            text=str(question),
                            other_text=str(theirs),
                            other_quiz=other.title,
                            similarity=100
                            * key_patterns.similarity(wording, their_wording),
                        )
                    )
    return check


@dataclass(frozen=True)
class BankItemStats:
    """A question's statistics over every graded answer it had, in any quiz:
    facility (p, mean credit 0–1), discrimination (point-biserial of right/wrong
    with the attempt's percent) and what in its wording gives the key away."""

    responses: int
    facility: float | None
    discrimination: float | None
    flags: tuple[str, ...]


def bank_item_stats(*, questions: list[Question]) -> dict[int, BankItemStats]:
    """Statistics of ``questions`` (one page of the bank, choices prefetched) by
    id: one GROUP BY over their responses, whatever the number of questions."""
    ids = [question.pk for question in questions]
    stats = {
        row["question_id"]: row
        for row in Response.objects.filter(question_id__in=ids, credit__isnull=False)
        .values("question_id")
        .annotate(**_item_aggregates())
    }
    found = {}
    for question in questions:
        s = stats.get(question.pk)
        found[question.pk] = BankItemStats(
            responses=s["n"] if s else 0,
            facility=s["facility"] if s else None,
            discrimination=_point_biserial(s) if s else None,
            flags=tuple(key_flags(question)),
        )
    return found
