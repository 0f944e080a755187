"""Patterns in how a question is written that let a learner find the key
without knowing the answer: the longest option is the right one, an ordering
question too short to be worth guessing, a post-test question that is the
pre-test question again (whose key the pre-test review already showed).

Plain functions over texts, so the item analysis and the demo bank's tests judge
questions by the same rule.
"""

import difflib
import statistics

# With four options a key is the strictly longest about a quarter of the time by
# chance; above this share across a quiz, "pick the longest" beats chance.
LONGEST_KEY_SHARE = 0.4
# A key this much longer than the mean distractor stands out at a glance.
KEY_LENGTH_RATIO = 1.5
# difflib ratio of two normalised wordings above which they read as the same
# question (measured on the demo bank: reworded pairs stay under 0.65).
NEAR_DUPLICATE_RATIO = 0.8


def _length(text: str) -> int:
    return len(" ".join(text.split()))


def key_is_longest(options: list[tuple[str, bool]]) -> bool:
    """True when a single-choice key is strictly longer than every distractor."""
    keys = [_length(text) for text, right in options if right]
    others = [_length(text) for text, right in options if not right]
    if len(keys) != 1 or not others:
        return False
    return keys[0] > max(others)


def key_stands_out(options: list[tuple[str, bool]]) -> bool:
    """True when a single-choice key is over 1.5× the mean distractor length."""
    keys = [_length(text) for text, right in options if right]
    others = [_length(text) for text, right in options if not right]
    if len(keys) != 1 or not others:
        return False
    return keys[0] > KEY_LENGTH_RATIO * statistics.mean(others)


def wording(text: str, options: list[str] = ()) -> str:
    """A question's stem and options, lower-cased with spaces collapsed."""
    return " ".join(" ".join([text, *options]).lower().split())


def similarity(a: str, b: str) -> float:
    """How alike two wordings read, 0–1 (difflib's ratio)."""
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two wordings read as the same question."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The quick upper bounds skip the full comparison for most pairs.
    return (
        matcher.real_quick_ratio() > NEAR_DUPLICATE_RATIO
        and matcher.quick_ratio() > NEAR_DUPLICATE_RATIO
        and matcher.ratio() > NEAR_DUPLICATE_RATIO
    )
