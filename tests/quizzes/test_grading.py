"""Grading of every question type, including property-based checks."""

import itertools
import random
from collections import Counter

import pytest
from django.http import QueryDict
from hypothesis import given, settings
from hypothesis import strategies as st

from courses.quizzes.grading import AnswerRejected, credit, parse_answer, score
from courses.quizzes.models import Question, QuestionChoice
from courses.quizzes.snapshot import build_item


def question(kind, *, choices=(), pairs=(), scoring="all", points=1, **fields):
    """An unsaved question held in memory (no database needed)."""
    q = Question(type=kind, text="Soal?", scoring=scoring, points=points, **fields)
    rows = [
        QuestionChoice(pk=i + 1, text=text, is_correct=right, sort_order=i)
        for i, (text, right) in enumerate(choices)
    ] + [
        QuestionChoice(pk=100 + i, text=left, match_text=right, sort_order=i)
        for i, (left, right) in enumerate(pairs)
    ]
    q.choices = rows
    return q


def item_for(q, seed=0, shuffle=True):
    return build_item(q, position=1, rng=random.Random(seed), shuffle_choices=shuffle)


def key_of(item, text):
    return next(c["k"] for c in item["choices"] if c["text"] == text)


def form(**fields):
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


SINGLE = question("single", choices=[("A", False), ("B", True), ("C", False)])
MULTI = [("A", True), ("B", True), ("C", False), ("D", False)]


def test_single_choice_scores_only_the_right_choice():
    item = item_for(SINGLE)
    assert credit(item, key_of(item, "B")) == 1
    assert credit(item, key_of(item, "A")) == 0
    assert credit(item, None) == 0


@pytest.mark.parametrize(
    ("picked", "all_or_nothing", "partial"),
    [
        (["A", "B"], 1, 1),
        (["A"], 0, 0.5),
        (["A", "C"], 0, 0),
        (["A", "B", "C"], 0, 0.5),
        (["C", "D"], 0, 0),
        ([], 0, 0),
    ],
)
def test_multiple_choice_all_or_nothing_and_partial_credit(
    picked, all_or_nothing, partial
):
    for scoring, expected in (("all", all_or_nothing), ("partial", partial)):
        item = item_for(question("multiple", choices=MULTI, scoring=scoring))
        assert credit(item, [key_of(item, t) for t in picked]) == expected


def test_true_false_uses_the_statement_truth():
    item = item_for(question("true_false", is_true=False))
    assert credit(item, "f") == 1
    assert credit(item, "t") == 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Pelayanan Publik", 1),
        ("  pelayanan    PUBLIK ", 1),
        ("layanan publik", 1),
        ("pelayananpublik", 0),
        ("publik", 0),
    ],
)
def test_short_answer_ignores_case_and_spaces(typed, expected):
    item = item_for(
        question("short", accepted_answers="Pelayanan Publik\nLayanan publik")
    )
    assert credit(item, parse_answer(item, form(q1=typed))) == expected


def test_ordering_full_and_partial_credit():
    texts = [("Satu", False), ("Dua", False), ("Tiga", False), ("Empat", False)]
    for scoring, swapped_credit in (("all", 0), ("partial", 0.5)):
        item = item_for(question("ordering", choices=texts, scoring=scoring))
        right = [key_of(item, t) for t, _ in texts]
        assert credit(item, right) == 1
        swapped = [right[1], right[0], right[2], right[3]]
        assert credit(item, swapped) == swapped_credit


def shown_orders(q, *, draws: int, shuffle: bool = False, part="choices"):
    """How often each shown order of ``q``'s items came up over ``draws`` seeds."""
    counts = Counter()
    for seed in range(draws):
        item = item_for(q, seed=seed, shuffle=shuffle)
        counts[tuple(c["text"] for c in item[part])] += 1
    return counts


def assert_uniform(counts: Counter, texts: list[str], draws: int):
    """Every order of ``texts`` came up, each within 15 % of draws / n!.

    The seeds are fixed, so this never flakes; a fair shuffle lands each of
    2 or 6 orders within ±15 % at these sizes (3.5+ standard deviations).
    """
    orders = set(itertools.permutations(texts))
    assert set(counts) == orders
    expected = draws / len(orders)
    for order in orders:
        assert abs(counts[order] - expected) < 0.15 * expected, (order, counts)


@pytest.mark.parametrize("n", [2, 3])
def test_ordering_items_are_shown_in_every_order_key_order_included(n):
    texts = ["Amati", "Orientasikan", "Putuskan"][:n]
    q = question("ordering", choices=[(t, False) for t in texts])
    draws = 1000 * n * (n - 1)
    counts = shown_orders(q, draws=draws)
    assert counts[tuple(texts)] > 0  # the key order is shown too
    assert_uniform(counts, texts, draws)


def test_no_shuffle_leaks_the_key_by_avoiding_or_keeping_the_authored_order():
    # Every shuffle a snapshot makes: ordering items, single and multiple choice
    # order, and the right-hand options of a matching question.
    abc = ["A", "B", "C"]
    shuffles = [
        (question("ordering", choices=[(t, False) for t in abc]), "choices"),
        (
            question("single", choices=[("A", True), ("B", False), ("C", False)]),
            "choices",
        ),
        (
            question("multiple", choices=[("A", True), ("B", True), ("C", False)]),
            "choices",
        ),
        (question("matching", pairs=[("1", "A"), ("2", "B"), ("3", "C")]), "options"),
    ]
    draws = 6000
    for q, part in shuffles:
        counts = shown_orders(q, draws=draws, shuffle=True, part=part)
        assert_uniform(counts, abc, draws)


def test_matching_full_and_partial_credit():
    pairs = [("M.8", "Keputusan"), ("M.2", "Kerjasama"), ("M.5", "Pelayanan")]
    for scoring, expected in (("all", 0), ("partial", 2 / 3)):
        item = item_for(question("matching", pairs=pairs, scoring=scoring))
        options = {o["text"]: o["k"] for o in item["options"]}
        answer = {
            key_of(item, "M.8"): options["Keputusan"],
            key_of(item, "M.2"): options["Kerjasama"],
        }
        assert credit(item, answer) == pytest.approx(expected)


def test_points_weight_the_score():
    item = item_for(question("single", choices=[("A", True), ("B", False)], points=3))
    assert score(item, key_of(item, "A")) == 3


def test_answers_the_item_could_not_have_offered_are_rejected():
    item = item_for(SINGLE)
    with pytest.raises(AnswerRejected):
        parse_answer(item, form(q1="9"))
    with pytest.raises(AnswerRejected):
        parse_answer(
            item_for(question("short", accepted_answers="x")), form(q1="x" * 501)
        )


# --- properties -------------------------------------------------------------------

choice_texts = st.lists(
    st.text(alphabet="abcdefghij", min_size=1, max_size=6),
    min_size=2,
    max_size=7,
    unique=True,
)


@st.composite
def questions_and_answers(draw):
    """A random question of any type and a random *meaning* of an answer."""
    kind = draw(
        st.sampled_from(
            ["single", "multiple", "true_false", "short", "ordering", "matching"]
        )
    )
    scoring = draw(st.sampled_from(["all", "partial"]))
    points = draw(st.integers(min_value=0, max_value=10))
    texts = draw(choice_texts)
    if kind in ("single", "multiple"):
        rights = draw(st.lists(st.booleans(), min_size=len(texts), max_size=len(texts)))
        q = question(
            kind,
            choices=list(zip(texts, rights, strict=True)),
            scoring=scoring,
            points=points,
        )
        picked = draw(
            st.lists(st.sampled_from(texts), unique=True, max_size=len(texts))
        )
        meaning = ("texts", picked[:1] if kind == "single" else picked)
    elif kind == "true_false":
        q = question(kind, is_true=draw(st.booleans()), points=points)
        meaning = ("tf", draw(st.sampled_from(["t", "f", None])))
    elif kind == "short":
        q = question(kind, accepted_answers="\n".join(texts[:2]), points=points)
        meaning = (
            "short",
            draw(st.sampled_from([*texts, "lain", " " + texts[0].upper()])),
        )
    elif kind == "ordering":
        q = question(
            kind, choices=[(t, False) for t in texts], scoring=scoring, points=points
        )
        meaning = ("order", draw(st.permutations(texts)))
    else:
        rights = draw(
            st.lists(st.sampled_from(texts), min_size=len(texts), max_size=len(texts))
        )
        pairs = list(zip(texts, rights, strict=True))
        q = question(kind, pairs=pairs, scoring=scoring, points=points)
        meaning = (
            "pairs",
            {
                left: draw(st.sampled_from(texts))
                for left in texts
                if draw(st.booleans())
            },
        )
    return q, meaning


def answer_in(item, meaning):
    """Translate an answer's meaning into this snapshot's opaque keys."""
    how, value = meaning
    keys = {c["text"]: c["k"] for c in item["choices"]}
    if how == "texts":
        picked = [keys[t] for t in value]
        if item["type"] == "single":
            return picked[0] if picked else None
        return [c["k"] for c in item["choices"] if c["k"] in picked]
    if how in ("tf", "short"):
        return value
    if how == "order":
        return [keys[t] for t in value]
    options = {o["text"]: o["k"] for o in item.get("options", [])}
    return {
        keys[left]: options[right] for left, right in value.items() if right in options
    } or None


@settings(max_examples=300, deadline=None)
@given(questions_and_answers(), st.integers(0, 10**6))
def test_a_score_is_always_between_zero_and_the_maximum(case, seed):
    q, meaning = case
    item = item_for(q, seed=seed)
    earned = score(item, answer_in(item, meaning))
    assert 0 <= earned <= item["points"]


@settings(max_examples=300, deadline=None)
@given(questions_and_answers(), st.integers(0, 10**6), st.integers(0, 10**6))
def test_shuffling_never_changes_a_score(case, seed_a, seed_b):
    q, meaning = case
    first, second = item_for(q, seed=seed_a), item_for(q, seed=seed_b)
    assert score(first, answer_in(first, meaning)) == score(
        second, answer_in(second, meaning)
    )
