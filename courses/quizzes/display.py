"""What templates may see of a snapshot item.

``question_view`` is built from an explicit allow-list, so keys, sources and
explanations cannot reach a page while the attempt is open. ``review_view``
adds them only when the review rule allows.
"""

from django.utils.translation import gettext_noop

from . import grading

# Marked for extraction only: the template translates the hint when it renders.
TYPE_HINTS = {
    "single": gettext_noop("Pilih satu jawaban."),
    "multiple": gettext_noop("Pilih semua jawaban yang benar."),
    "true_false": gettext_noop("Pilih Benar atau Salah."),
    "short": gettext_noop("Tulis jawaban singkat."),
    "ordering": gettext_noop("Beri nomor urut pada setiap butir (1 = pertama)."),
    "matching": gettext_noop(
        "Pasangkan setiap butir di kiri dengan pilihan yang sesuai."
    ),
}


def question_view(item: dict, answer: object) -> dict:
    """An item as the learner sees it while answering, with their saved answer."""
    kind = item["type"]
    name = f"q{item['pos']}"
    view = {
        "pos": item["pos"],
        "type": kind,
        "text": item["text"],
        "points": item["points"],
        "name": name,
        "hint": TYPE_HINTS.get(kind, ""),
        "answered": answer not in (None, [], {}, ""),
        "value": answer if kind == "short" and answer else "",
        "choices": [],
        "options": [
            {"k": option["k"], "text": option["text"]}
            for option in item.get("options", [])
        ],
        "count": len(item.get("choices", [])),
    }
    picked = set()
    if kind in ("single", "true_false") and answer:
        picked = {answer}
    elif kind == "multiple" and answer:
        picked = set(answer)
    order = (
        {k: i + 1 for i, k in enumerate(answer)}
        if kind == "ordering" and answer
        else {}
    )
    pairs = answer if kind == "matching" and answer else {}
    for choice in item.get("choices", []):
        view["choices"].append(
            {
                "k": choice["k"],
                "text": choice["text"],
                "field": f"{name}-{choice['k']}",
                "checked": choice["k"] in picked,
                "position": order.get(choice["k"]),
                "selected": pairs.get(choice["k"], ""),
            }
        )
    view["positions"] = list(range(1, view["count"] + 1))
    return view


def _answer_text(item: dict, answer: object) -> str:
    if answer in (None, [], {}, ""):
        return ""
    texts = {c["k"]: c["text"] for c in item.get("choices", [])}
    options = {o["k"]: o["text"] for o in item.get("options", [])}
    kind = item["type"]
    if kind in ("single", "true_false"):
        return texts.get(answer, "")
    if kind == "multiple":
        return "; ".join(texts.get(k, "") for k in answer)
    if kind == "short":
        return str(answer)
    if kind == "ordering":
        return " → ".join(texts.get(k, "") for k in answer)
    if kind == "matching":
        return "; ".join(
            f"{texts.get(left, '')} = {options.get(right, '')}"
            for left, right in answer.items()
        )
    return ""


def _key_text(item: dict) -> str:
    kind, key = item["type"], item["key"]
    if kind == "short":
        return " / ".join(item.get("accepted") or key)
    if kind == "single":
        return " / ".join(_answer_text(item, k) for k in key)
    return _answer_text(item, key)


def review_view(item: dict, answer: object, score: float | None) -> dict:
    """An item after closing, with key, result and explanation (only call this
    when the review rule allows it)."""
    earned = score if score is not None else grading.score(item, answer)
    return {
        "pos": item["pos"],
        "type": item["type"],
        "text": item["text"],
        "points": item["points"],
        "score": earned,
        "correct": earned >= item["points"] and item["points"] > 0,
        "partial": 0 < earned < item["points"],
        "your_answer": _answer_text(item, answer),
        "correct_answer": _key_text(item),
        "explanation": item.get("explanation", ""),
    }
