"""Browser steps for the quiz engine: take a pre-test or post-test like a learner.

The test reads the attempt's key from the live database (the browser never sees
it) to answer on purpose, and can drop the connection mid-quiz to prove that an
answer given offline is saved once the connection is back.
"""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect


def attempt_snapshot(live_site, attempt_id: int) -> list[dict]:
    out = live_site.shell(
        "import json; from courses.quizzes.models import Attempt; "
        f"print(json.dumps(Attempt.objects.get(pk={attempt_id}).snapshot))"
    )
    return json.loads(out.strip().splitlines()[-1])


def stored_answer(live_site, attempt_id: int, position: int):
    out = live_site.shell(
        "import json; from courses.quizzes.models import Response; "
        f"r = Response.objects.get(attempt_id={attempt_id}, position={position}); "
        "print(json.dumps(r.answer))"
    )
    return json.loads(out.strip().splitlines()[-1])


def answer_item(page, item: dict, *, correct: bool) -> None:
    """Answer one question on the current page, right or (for a pre-test) not."""
    name, kind, key = f"q{item['pos']}", item["type"], item["key"]
    if kind == "single":
        value = key[0] if correct else item["choices"][-1]["k"]
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    elif kind == "true_false":
        page.locator(f'input[name="{name}"][value="{key}"]').check()
    elif kind == "multiple":
        for choice in item["choices"]:
            box = page.locator(f'input[name="{name}"][value="{choice["k"]}"]')
            if choice["k"] in key or not correct:
                box.check()
            else:
                box.uncheck()
    elif kind == "short":
        page.fill(f'input[name="{name}"]', item.get("accepted", key)[0])
    elif kind == "ordering":
        for position, k in enumerate(key, start=1):
            page.select_option(f'select[name="{name}-{k}"]', str(position))
    elif kind == "matching":
        for left, right in key.items():
            page.select_option(f'select[name="{name}-{left}"]', right)


def take_quiz(page, live_site, *, correct: bool, drop_connection: bool = False):
    """From a quiz's own page: start, answer every page, submit; return the id."""
    page.locator("form[action*='/mulai/'] button").click()
    expect(page).to_have_url(re.compile(r"/kuis/percobaan/\d+/"))
    attempt_id = int(re.search(r"/kuis/percobaan/(\d+)/", page.url).group(1))
    snapshot = {item["pos"]: item for item in attempt_snapshot(live_site, attempt_id)}
    dropped = None
    while True:
        positions = [
            int(p)
            for p in page.locator("fieldset.question").evaluate_all(
                "els => els.map(e => e.dataset.pos)"
            )
        ]
        for position in positions:
            item = snapshot[position]
            if drop_connection and dropped is None and item["type"] == "short":
                # The connection drops while the learner types an answer.
                page.context.set_offline(True)
                answer_item(page, item, correct=correct)
                status = page.locator("#save-status")
                expect(status).to_have_attribute("data-state", "retry")
                page.context.set_offline(False)
                expect(status).to_have_attribute("data-state", "saved", timeout=40_000)
                dropped = item
                continue
            answer_item(page, item, correct=correct)
        expect(page.locator("#save-status")).to_have_attribute(
            "data-state", "saved", timeout=20_000
        )
        finish = page.get_by_role("button", name="Simpan & periksa")
        if finish.count():
            finish.click()
            break
        page.get_by_role("button", name="Simpan & lanjut").click()
    if dropped is not None:
        stored = stored_answer(live_site, attempt_id, dropped["pos"])
        assert stored == dropped.get("accepted", dropped["key"])[0], stored
    expect(page.locator("h1")).to_have_text("Periksa sebelum mengumpulkan")
    page.get_by_role("button", name="Kumpulkan jawaban").click()
    expect(page).to_have_url(re.compile(r"/hasil/"))
    return attempt_id
