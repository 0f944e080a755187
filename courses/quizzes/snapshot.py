"""Building the snapshot an attempt shows: which questions, in which order,
with which choice keys; and reading a question's current key for a regrade."""

import random
import string

from .grading import normalise_text
from .models import Question, QuestionType, QuizPage

TRUE_FALSE_CHOICES = [("t", "Benar"), ("f", "Salah")]


def _src(choice) -> str:
    return f"c{choice.pk}"


def _shuffled(values: list, rng: random.Random) -> list:
    """A uniform permutation of ``values``, the authored order included.

    Never "fix up" a draw that happens to equal the key: a shuffle that avoids
    the correct order tells the learner which order is wrong, and for two items
    gives the answer away (shown reversed, every time).
    """
    shuffled = list(values)
    rng.shuffle(shuffled)
    return shuffled


def build_item(
    question: Question, *, position: int, rng: random.Random, shuffle_choices: bool
) -> dict:
    """One snapshot item for ``question``, with opaque keys in the shown order."""
    choices = list(question.choices.all())
    item = {
        "pos": position,
        "qid": question.pk,
        "rev": question.latest_revision_id,
        "type": question.type,
        "text": question.text,
        "points": question.points,
        "scoring": question.scoring,
        "explanation": question.explanation,
    }
    kind = question.type
    if kind == QuestionType.TRUE_FALSE:
        item["choices"] = [
            {"k": k, "text": text, "src": k} for k, text in TRUE_FALSE_CHOICES
        ]
        item["key"] = "t" if question.is_true else "f"
    elif kind == QuestionType.SHORT:
        item["choices"] = []
        item["key"] = sorted(
            {normalise_text(answer) for answer in question.accepted_list()}
        )
        item["accepted"] = question.accepted_list()
    elif kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        shown = _shuffled(choices, rng) if shuffle_choices else choices
        item["choices"] = [
            {"k": str(i + 1), "text": c.text, "src": _src(c)}
            for i, c in enumerate(shown)
        ]
        # A list for both: a single-choice question wrongly marked with two right
        # choices then accepts either, whatever the shuffle.
        item["key"] = [str(i + 1) for i, c in enumerate(shown) if c.is_correct]
    elif kind == QuestionType.ORDERING:
        # Always shuffled: the authored order is the key. The shown order may
        # still equal it, as often as any other order.
        shown = _shuffled(choices, rng)
        keys = {c.pk: str(i + 1) for i, c in enumerate(shown)}
        item["choices"] = [
            {"k": keys[c.pk], "text": c.text, "src": _src(c)} for c in shown
        ]
        item["key"] = [keys[c.pk] for c in choices]
    elif kind == QuestionType.MATCHING:
        lefts = _shuffled(choices, rng) if shuffle_choices else choices
        # Sorted first so the shuffle starts from an order that says nothing
        # about the pairs (the authored order would, were the shuffle skipped).
        right_texts = _shuffled(sorted({c.match_text for c in choices}), rng)
        option_key = {
            text: string.ascii_lowercase[i] for i, text in enumerate(right_texts)
        }
        item["choices"] = [
            {"k": str(i + 1), "text": c.text, "src": _src(c)}
            for i, c in enumerate(lefts)
        ]
        item["options"] = [{"k": option_key[t], "text": t} for t in right_texts]
        item["key"] = {
            str(i + 1): option_key[c.match_text] for i, c in enumerate(lefts)
        }
    return item


def fixed_question_ids(quiz: QuizPage) -> list[int]:
    """The ids of the questions a quiz always asks, in its order.

    Read from the blocks' stored data: resolving the chooser blocks would load every
    question once more, before the caller loads them with their choices (a
    question deleted since is left out there, as it was here).
    """
    return [
        item["value"]
        for item in quiz.items.raw_data
        if item["type"] == "question" and item["value"] is not None
    ]


def draw_rules(quiz: QuizPage) -> list[dict]:
    """The quiz's random-draw rules (count, tag, competency, difficulty), in its
    order, from the stored data (iterating the blocks would load the fixed
    questions too)."""
    return [item["value"] for item in quiz.items.raw_data if item["type"] == "draw"]


def draw_pool(rule, *, course):
    """The questions a random-draw rule of ``course``'s quiz may pick from."""
    pool = Question.objects.for_course(course)
    if rule.get("tag"):
        pool = pool.filter(tags__name__iexact=rule["tag"])
    if rule.get("competency"):
        pool = pool.filter(competency__iexact=rule["competency"])
    if rule.get("difficulty"):
        pool = pool.filter(difficulty=rule["difficulty"])
    return pool


def possible_question_ids(quiz: QuizPage) -> set[int]:
    """Every question an attempt of ``quiz`` may show: fixed ones and draw pools."""
    ids = set(fixed_question_ids(quiz))
    course = quiz.get_course()
    for rule in draw_rules(quiz):
        ids |= set(draw_pool(rule, course=course).values_list("pk", flat=True))
    return ids


def draw_questions(quiz: QuizPage, *, rng: random.Random) -> list[Question]:
    """The quiz's fixed questions and random draws, without repeats."""
    course = quiz.get_course()
    chosen: list[Question] = []
    seen: set[int] = set()
    fixed_ids = fixed_question_ids(quiz)
    by_id = Question.objects.with_choices().in_bulk(fixed_ids)
    for pk in fixed_ids:
        if pk in by_id and pk not in seen:
            chosen.append(by_id[pk])
            seen.add(pk)
    for rule in draw_rules(quiz):
        pool = draw_pool(rule, course=course).exclude(pk__in=seen)
        pool_ids = sorted(set(pool.values_list("pk", flat=True)))
        picked = rng.sample(pool_ids, min(rule["count"], len(pool_ids)))
        drawn = Question.objects.with_choices().in_bulk(picked)
        for pk in picked:
            chosen.append(drawn[pk])
            seen.add(pk)
    return chosen


def build_snapshot(quiz: QuizPage, *, rng: random.Random | None = None) -> list[dict]:
    """Everything an attempt will show, frozen at its start."""
    rng = rng or random.SystemRandom()
    questions = draw_questions(quiz, rng=rng)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    return [
        build_item(
            question,
            position=position,
            rng=rng,
            shuffle_choices=quiz.shuffle_choices,
        )
        for position, question in enumerate(questions, start=1)
    ]


def current_key(item: dict, question: Question) -> dict:
    """The item's key and points as the question says *now*, mapped onto the
    choices the attempt showed (for a regrade). Shown text never changes."""
    kind = item["type"]
    updated = {"points": question.points, "scoring": question.scoring}
    if kind != question.type:
        return {}
    choices = {_src(c): c for c in question.choices.all()}
    if kind == QuestionType.TRUE_FALSE:
        updated["key"] = "t" if question.is_true else "f"
    elif kind == QuestionType.SHORT:
        updated["key"] = sorted(
            {normalise_text(answer) for answer in question.accepted_list()}
        )
    elif kind in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        right = [
            c["k"]
            for c in item["choices"]
            if c["src"] in choices and choices[c["src"]].is_correct
        ]
        updated["key"] = right
    elif kind == QuestionType.ORDERING:
        shown = {c["src"]: c["k"] for c in item["choices"]}
        updated["key"] = [
            shown[_src(c)] for c in question.choices.all() if _src(c) in shown
        ]
    elif kind == QuestionType.MATCHING:
        options = {o["text"]: o["k"] for o in item["options"]}
        updated["key"] = {
            c["k"]: options.get(choices[c["src"]].match_text, "")
            for c in item["choices"]
            if c["src"] in choices
        }
    return updated
