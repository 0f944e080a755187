"""Pure grading: snapshot items in, credit out. No database, no requests.

A snapshot item is a dict built by :mod:`courses.quizzes.snapshot`::

    {"pos": 3, "qid": 17, "type": "single", "text": "...", "points": 1,
     "scoring": "all", "choices": [{"k": "1", "text": "...", "src": "c41"}],
     "options": [...],            # matching only: the right-hand column
     "key": ["2"], "explanation": "..."}

Choice keys (``k``) are opaque per attempt and follow the shown order, so the
page reveals nothing about which choice is right. Answers are what
:func:`parse_answer` returns: a key, a list of keys, text, or a mapping.
"""

from collections.abc import Mapping

from lms.numbers import parse_int

MAX_SHORT_ANSWER = 500


class AnswerRejected(ValueError):
    """The submitted answer cannot belong to this item (tampered or malformed)."""


def normalise_text(value: str) -> str:
    """Short answers compare ignoring case, surrounding and repeated spaces."""
    return " ".join(value.split()).casefold()


def _choice_keys(item: Mapping) -> list[str]:
    return [choice["k"] for choice in item.get("choices", [])]


def _option_keys(item: Mapping) -> list[str]:
    return [option["k"] for option in item.get("options", [])]


def parse_answer(item: Mapping, data) -> object:
    """Read one item's answer from form data (a QueryDict or a dict of lists).

    Returns ``None`` when the item is left unanswered. Raises
    :class:`AnswerRejected` for anything a real form could not have sent.
    """
    name = f"q{item['pos']}"
    kind = item["type"]
    keys = _choice_keys(item)

    def getlist(field: str) -> list[str]:
        if hasattr(data, "getlist"):
            return data.getlist(field)
        value = data.get(field, [])
        return value if isinstance(value, list) else [value]

    def getone(field: str) -> str:
        values = getlist(field)
        if len(values) > 1:
            raise AnswerRejected("lebih dari satu nilai")
        value = values[0] if values else ""
        if not isinstance(value, str):
            raise AnswerRejected("bukan teks")
        if "\x00" in value:  # PostgreSQL stores no NUL in text or JSON
            raise AnswerRejected("karakter NUL")
        return value

    if kind in ("single", "true_false"):
        value = getone(name)
        if not value:
            return None
        if value not in keys:
            raise AnswerRejected("pilihan tidak ada pada soal ini")
        return value
    if kind == "multiple":
        values = getlist(name)
        if any(value not in keys for value in values):
            raise AnswerRejected("pilihan tidak ada pada soal ini")
        picked = set(values)
        return [key for key in keys if key in picked]
    if kind == "short":
        value = getone(name)
        if len(value) > MAX_SHORT_ANSWER:
            raise AnswerRejected("jawaban terlalu panjang")
        value = value.strip()
        return value or None
    if kind == "ordering":
        positions = {}
        for index, key in enumerate(keys):
            value = getone(f"{name}-{key}")
            if not value:
                continue
            place = parse_int(value, min_value=1, max_value=len(keys))
            if place is None:
                raise AnswerRejected("urutan tidak sah")
            positions[key] = (place, index)
        if not positions:
            return None
        unplaced = len(keys) + 1
        return sorted(keys, key=lambda k: positions.get(k, (unplaced, keys.index(k))))
    if kind == "matching":
        options = set(_option_keys(item))
        pairs = {}
        for key in keys:
            value = getone(f"{name}-{key}")
            if not value:
                continue
            if value not in options:
                raise AnswerRejected("pasangan tidak ada pada soal ini")
            pairs[key] = value
        return pairs or None
    raise AnswerRejected("jenis soal tidak dikenal")


def credit(item: Mapping, answer: object) -> float:
    """The share of the item's points this answer earns, from 0 to 1."""
    if answer is None:
        return 0.0
    kind, key = item["type"], item["key"]
    partial = item.get("scoring") == "partial"
    if kind == "single":
        return 1.0 if answer in key else 0.0
    if kind == "true_false":
        return 1.0 if answer == key else 0.0
    if kind == "multiple":
        picked, right = set(answer), set(key)
        if not partial:
            return 1.0 if picked == right else 0.0
        wrong = set(_choice_keys(item)) - right
        gained = len(picked & right) / len(right) if right else 0.0
        lost = len(picked & wrong) / len(wrong) if wrong else 0.0
        return max(0.0, min(1.0, gained - lost))
    if kind == "short":
        return 1.0 if normalise_text(str(answer)) in key else 0.0
    if kind == "ordering":
        if not key:
            return 0.0
        if not partial:
            return 1.0 if list(answer) == list(key) else 0.0
        hits = sum(1 for mine, right in zip(answer, key, strict=False) if mine == right)
        return hits / len(key)
    if kind == "matching":
        if not key:
            return 0.0
        hits = sum(1 for left, right in key.items() if answer.get(left) == right)
        if not partial:
            return 1.0 if hits == len(key) else 0.0
        return hits / len(key)
    return 0.0


def score(item: Mapping, answer: object) -> float:
    """Points earned on one item."""
    return round(credit(item, answer) * item["points"], 4)


def picked_options(item: Mapping, answer: object) -> list[str]:
    """The source choices an answer picked, for choice frequencies."""
    if answer is None or item["type"] not in ("single", "multiple", "true_false"):
        return []
    by_key = {choice["k"]: choice["src"] for choice in item["choices"]}
    keys = answer if isinstance(answer, list) else [answer]
    return [by_key[k] for k in keys if k in by_key]
