"""What journeys share: accessibility checks, page weight, steps and feature gates."""

from __future__ import annotations

import datetime
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.urls import get_resolver

# axe-core rules run on every checked page: WCAG 2.0/2.1 A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEMO_PASSWORD = "sigap-demo-2026"
BLOCKING_IMPACTS = {"serious", "critical"}
TEXT_TYPES = {"document", "stylesheet", "script"}


def axe_violations(page) -> list[dict]:
    """Serious and critical axe-core violations on the current (loaded) page."""
    page.wait_for_load_state("load")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def assert_accessible(page, label: str) -> None:
    """No serious or critical axe-core violation (SIGAP_SCREENSHOTS=1: keep a PNG)."""
    violations = axe_violations(page)
    if os.environ.get("SIGAP_SCREENSHOTS") == "1":
        folder = Path(__file__).resolve().parents[2] / "test-artifacts" / "pages"
        folder.mkdir(parents=True, exist_ok=True)
        viewport = page.viewport_size["width"]
        page.screenshot(path=folder / f"{label.replace(' ', '-')}-{viewport}.png")
    assert not violations, f"axe-core on {label} ({page.url}): {violations}"


class WeightMeter:
    """Bytes of HTML, CSS and JS (no media) that a page load fetched."""

    def __init__(self, page):
        self.responses: list = []
        page.on("response", lambda response: self.responses.append(response))

    def reset(self) -> None:
        self.responses.clear()

    def text_bytes(self) -> dict[str, int]:
        sizes: dict[str, int] = {}
        for response in self.responses:
            kind = response.request.resource_type
            if kind in TEXT_TYPES and response.status < 300:
                sizes[kind] = sizes.get(kind, 0) + len(response.body())
        return sizes


def make_nip(rng: random.Random) -> tuple[str, datetime.date]:
    """A valid, most likely unused PNS NIP and the birth date it encodes."""
    birth = datetime.date(
        rng.randint(1970, 1998), rng.randint(1, 12), rng.randint(1, 28)
    )
    appointed = (birth.year + rng.randint(22, 26), rng.randint(1, 12))
    nip = (
        f"{birth:%Y%m%d}{appointed[0]:04d}{appointed[1]:02d}"
        f"{rng.choice('12')}{rng.randint(1, 999):03d}"
    )
    return nip, birth


def _has_namespace(*names: str) -> bool:
    namespaces = get_resolver().namespace_dict
    return any(name in namespaces for name in names)


# What a journey needs from features that other issues deliver, and how to tell
# whether they are on main yet.
FEATURES = {
    "quiz": (
        "quiz engine (issue 3: pre-test and post-test)",
        lambda: _has_namespace("quiz", "quizzes", "kuis"),
    ),
    "certificates": (
        "certificates (issue 4: issue, download, QR verification)",
        lambda: _has_namespace("certificates", "sertifikat"),
    ),
    "hr": (
        "HR workspace (issue 6: dashboard, transcript, export, import)",
        lambda: _has_namespace("hr"),
    ),
}


@dataclass
class Journey:
    """A journey's record of the steps it took and those it could not take yet."""

    name: str
    done: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def step(self, text: str) -> None:
        self.done.append(text)

    def has(self, feature: str, step: str) -> bool:
        """True when ``feature`` is on main; otherwise note ``step`` as not taken."""
        description, present = FEATURES[feature]
        if present():
            return True
        self.missing.append(f"{step} — needs {description}, not on main yet")
        return False

    def finish(self) -> None:
        """Pass when every step ran; otherwise skip, naming what is missing."""
        if self.missing:
            pytest.skip(
                f"{self.name}: {len(self.done)} steps passed; not taken: "
                + "; ".join(self.missing)
            )
