"""Reads of the course evaluation: the form a course asks, its results and the
trend across its runs. Plain data and frozen dataclasses out; nothing is written.

The group floor is enforced here, not in a template: a result of fewer than
``SIGAP_EVALUATION_MIN_GROUP`` responses (for the course, a run, or one trainer)
comes back as "too few" with no figure and no comment in it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Avg, Count, Q, QuerySet

from courses.models import CoursePage, Enrolment
from lms.accounts.models import User

from .models import (
    SECTION_ORDER,
    CourseQuestion,
    EvaluationAnswer,
    EvaluationReceipt,
    EvaluationResponse,
    QuestionKind,
    Section,
    StandardQuestion,
)
from .permissions import evaluation_courses_q

SCALE = (1, 2, 3, 4, 5)


# --- the form ----------------------------------------------------------------------


@dataclass(frozen=True)
class FormItem:
    """One question as a course asks it: a standard question (once per trainer
    in the ``pengajar`` section) or one of the course's own."""

    name: str  # the form field's name
    position: int
    section: str
    kind: str
    key: str  # stored with the answer: "s:<key>" or "c:<pk>"
    text: str
    trainer_id: int | None = None
    trainer_name: str = ""

    @property
    def is_scale(self) -> bool:
        return self.kind == QuestionKind.SCALE


def course_trainers(course: CoursePage) -> list[User]:
    """The trainers of ``course`` whom its ``pengajar`` questions are about (the
    course records one, ``CoursePage.trainer``; a list, so that co-trainers need
    no change here)."""
    return [course.trainer] if course.trainer is not None else []


def evaluation_form(*, course: CoursePage) -> list[FormItem]:
    """The questions ``course`` asks, in the form's order: materi, pengajar (per
    trainer), penyelenggaraan, sarana, the trainer's own, comments."""
    standard = list(StandardQuestion.objects.filter(active=True))
    trainers = course_trainers(course)
    by_section: dict[str, list[FormItem]] = defaultdict(list)
    for question in standard:
        if question.section == Section.PENGAJAR:
            for trainer in trainers:
                by_section[Section.PENGAJAR].append(
                    FormItem(
                        name=f"s-{question.key}-t{trainer.pk}",
                        position=0,
                        section=question.section,
                        kind=question.kind,
                        key=f"s:{question.key}",
                        text=question.text,
                        trainer_id=trainer.pk,
                        trainer_name=trainer.display_name,
                    )
                )
            continue
        by_section[question.section].append(
            FormItem(
                name=f"s-{question.key}",
                position=0,
                section=question.section,
                kind=question.kind,
                key=f"s:{question.key}",
                text=question.text,
            )
        )
    for own in CourseQuestion.objects.filter(course=course):
        by_section[Section.TAMBAHAN].append(
            FormItem(
                name=f"c-{own.pk}",
                position=0,
                section=Section.TAMBAHAN,
                kind=own.kind,
                key=f"c:{own.pk}",
                text=own.text,
            )
        )
    items: list[FormItem] = []
    for section in SECTION_ORDER:
        for item in by_section.get(section, []):
            items.append(FormItem(**{**item.__dict__, "position": len(items) + 1}))
    return items


def has_sent_evaluation(*, user: User, course: CoursePage) -> bool:
    return EvaluationReceipt.objects.filter(user=user, course=course).exists()


# --- results -------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionResult:
    """A scale question's figures: mean, answers, and how many gave each score."""

    text: str
    average: float
    count: int
    distribution: tuple[int, ...]  # answers scoring 1, 2, 3, 4, 5

    @property
    def shares(self) -> list[tuple[int, int, float]]:
        """(score, answers, percent of answers) for each score 1–5."""
        return [
            (score, n, round(100 * n / self.count, 1) if self.count else 0.0)
            for score, n in zip(SCALE, self.distribution, strict=True)
        ]


@dataclass(frozen=True)
class SectionResult:
    section: str
    label: str
    average: float | None
    questions: list[QuestionResult]


@dataclass(frozen=True)
class TrainerResult:
    """The ``pengajar`` questions about one trainer; ``too_few`` when fewer
    responses than the floor were about them (then nothing else is set)."""

    name: str
    too_few: bool
    average: float | None = None
    questions: list[QuestionResult] = field(default_factory=list)


@dataclass(frozen=True)
class CommentGroup:
    """The answers to one open question, in alphabetical order (never in the
    order they were sent, which could tell who wrote which)."""

    question: str
    comments: list[str]


@dataclass(frozen=True)
class CourseResults:
    """One course run's evaluation. ``too_few``: fewer responses than
    ``min_group``, and then no figure, no comment and no count is set."""

    course: CoursePage
    min_group: int
    too_few: bool
    responses: int | None = None
    eligible: int | None = None
    average: float | None = None
    sections: list[SectionResult] = field(default_factory=list)
    trainers: list[TrainerResult] = field(default_factory=list)
    comments: list[CommentGroup] = field(default_factory=list)

    @property
    def response_rate(self) -> float | None:
        if self.responses is None or not self.eligible:
            return None
        return round(100 * self.responses / self.eligible, 1)


def min_group() -> int:
    return max(settings.SIGAP_EVALUATION_MIN_GROUP, 5)


def eligible_enrolments(*, course: CoursePage) -> QuerySet[Enrolment]:
    """The enrolments asked to evaluate the course: completed, or already sent
    (the denominator of the response rate)."""
    sent = EvaluationReceipt.objects.filter(course=course).values("user_id")
    return Enrolment.objects.filter(course=course).filter(
        Q(status=Enrolment.Status.COMPLETED) | Q(user_id__in=sent)
    )


def _mean(pairs: list[tuple[float, int]]) -> float | None:
    """The mean of answers from (mean, count) pairs."""
    total = sum(count for _mean, count in pairs)
    if not total:
        return None
    return round(sum(mean * count for mean, count in pairs) / total, 2)


def _question_results(rows: list[dict], texts: dict[str, str]) -> list[QuestionResult]:
    """``rows``: one per (question_key, score) with ``n`` and ``first``."""
    by_key: dict[str, dict[int, int]] = defaultdict(dict)
    order: dict[str, int] = {}
    for row in rows:
        scores = by_key[row["question_key"]]
        scores[row["score"]] = scores.get(row["score"], 0) + row["n"]
        order[row["question_key"]] = min(
            order.get(row["question_key"], row["first"]), row["first"]
        )
    results = []
    for key in sorted(by_key, key=lambda k: order[k]):
        counts = tuple(by_key[key].get(score, 0) for score in SCALE)
        count = sum(counts)
        results.append(
            QuestionResult(
                text=texts.get(key, key),
                average=round(
                    sum(score * n for score, n in zip(SCALE, counts, strict=True))
                    / count,
                    2,
                ),
                count=count,
                distribution=counts,
            )
        )
    return results


def _question_texts(answers: QuerySet[EvaluationAnswer]) -> dict[str, str]:
    """The label of each question key: the standard form's text today, else the
    text the question was asked with."""
    texts = dict(answers.values_list("question_key", "question_text").distinct())
    for key, text in StandardQuestion.objects.values_list("key", "text"):
        if f"s:{key}" in texts:
            texts[f"s:{key}"] = text
    return texts


def course_results(*, course: CoursePage) -> CourseResults:
    """The course's evaluation results in a fixed number of queries: the mean
    and 1–5 distribution of every scale question (the ``pengajar`` ones per
    trainer), section means, the response rate, and the open answers."""
    floor = min_group()
    responses = EvaluationResponse.objects.filter(course=course).count()
    if responses < floor:
        return CourseResults(course=course, min_group=floor, too_few=True)
    answers = EvaluationAnswer.objects.filter(response__course=course)
    texts = _question_texts(answers)
    scale_rows = [
        dict(row)
        for row in answers.filter(kind=QuestionKind.SCALE, score__isnull=False)
        .values("section", "question_key", "trainer_id", "trainer_name", "score")
        .annotate(n=Count("id"), first=Avg("position"))
        .order_by()
    ]
    labels = dict(Section.choices)
    sections = []
    for section in SECTION_ORDER:
        # The ``pengajar`` section counts every trainer together here; each
        # trainer's own figures are in ``trainers``.
        rows = [r for r in scale_rows if r["section"] == section]
        if not rows:
            continue
        questions = _question_results(rows, texts)
        sections.append(
            SectionResult(
                section=section,
                label=str(labels[section]),
                average=_mean([(q.average, q.count) for q in questions]),
                questions=questions,
            )
        )
    trainers = _trainer_results(
        [r for r in scale_rows if r["section"] == Section.PENGAJAR], texts, floor
    )
    comment_rows = answers.filter(kind=QuestionKind.TEXT).exclude(comment="")
    grouped: dict[str, list[str]] = defaultdict(list)
    order: dict[str, int] = {}
    for key, comment, position in comment_rows.values_list(
        "question_key", "comment", "position"
    ):
        grouped[key].append(comment)
        order[key] = min(order.get(key, position), position)
    comments = [
        CommentGroup(
            question=texts.get(key, key),
            comments=sorted(grouped[key], key=str.casefold),
        )
        for key in sorted(grouped, key=lambda k: order[k])
    ]
    return CourseResults(
        course=course,
        min_group=floor,
        too_few=False,
        responses=responses,
        eligible=eligible_enrolments(course=course).count(),
        average=_mean(
            [(q.average, q.count) for section in sections for q in section.questions]
        ),
        sections=sections,
        trainers=trainers,
        comments=comments,
    )


def _trainer_results(
    rows: list[dict], texts: dict[str, str], floor: int
) -> list[TrainerResult]:
    by_trainer: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        by_trainer[(row["trainer_id"], row["trainer_name"])].append(row)
    results = []
    for (_trainer_id, name), trainer_rows in sorted(
        by_trainer.items(), key=lambda item: item[0][1].casefold()
    ):
        questions = _question_results(trainer_rows, texts)
        # Every response answers every scale question about the trainer; the
        # largest count is the number of responses about them.
        if max((q.count for q in questions), default=0) < floor:
            results.append(TrainerResult(name=name, too_few=True))
            continue
        results.append(
            TrainerResult(
                name=name,
                too_few=False,
                average=_mean([(q.average, q.count) for q in questions]),
                questions=questions,
            )
        )
    return results


# --- trend across runs -------------------------------------------------------------


@dataclass(frozen=True)
class RunResult:
    """One run of a course in the trend: its means by section, or ``too_few``."""

    course: CoursePage
    too_few: bool
    responses: int | None = None
    average: float | None = None
    section_averages: dict[str, float] = field(default_factory=dict)


def course_runs(*, course: CoursePage) -> list[CoursePage]:
    """Every run of the course's line (the first and each copy), oldest first."""
    run = getattr(course, "evaluation_run", None)
    first_id = run.first_run_id if run is not None else course.pk
    return list(
        CoursePage.objects.filter(
            Q(pk=first_id) | Q(evaluation_run__first_run_id=first_id)
        ).order_by("pk")
    )


def evaluation_trend(*, runs: list[CoursePage]) -> list[RunResult]:
    """Means by section for each of ``runs`` in two queries; a run with fewer
    responses than the floor shows no figure."""
    floor = min_group()
    ids = [run.pk for run in runs]
    counts = dict(
        EvaluationResponse.objects.filter(course_id__in=ids)
        .values("course_id")
        .annotate(n=Count("id"))
        .values_list("course_id", "n")
    )
    means: dict[int, dict[str, tuple[float, int]]] = defaultdict(dict)
    for row in (
        EvaluationAnswer.objects.filter(
            response__course_id__in=ids,
            kind=QuestionKind.SCALE,
            score__isnull=False,
        )
        .values("response__course_id", "section")
        .annotate(mean=Avg("score"), n=Count("id"))
        .order_by()
    ):
        means[row["response__course_id"]][row["section"]] = (row["mean"], row["n"])
    results = []
    for run in runs:
        responses = counts.get(run.pk, 0)
        if responses < floor:
            results.append(RunResult(course=run, too_few=True))
            continue
        sections = means.get(run.pk, {})
        results.append(
            RunResult(
                course=run,
                too_few=False,
                responses=responses,
                average=_mean(list(sections.values())),
                section_averages={
                    section: round(mean, 2) for section, (mean, _n) in sections.items()
                },
            )
        )
    return results


@dataclass(frozen=True)
class CourseListing:
    """A course in the list of evaluation results: ``responses`` only when at
    least the floor (a smaller count is not shown either)."""

    course: CoursePage
    responses: int | None


def evaluated_courses(*, user: User) -> list[CourseListing]:
    """The courses whose results ``user`` may read that ask for an evaluation or
    have responses, by title, with their response count above the floor."""
    floor = min_group()
    counts = dict(
        EvaluationResponse.objects.values("course_id")
        .annotate(n=Count("id"))
        .values_list("course_id", "n")
    )
    courses = (
        CoursePage.objects.filter(evaluation_courses_q(user))
        .filter(Q(requires_evaluation=True) | Q(pk__in=list(counts)))
        .order_by("title")
    )
    return [
        CourseListing(
            course=course,
            responses=counts.get(course.pk, 0)
            if counts.get(course.pk, 0) >= floor
            else None,
        )
        for course in courses
    ]
