"""Every SIGAP_* setting the code reads is declared in lms/settings.py (so a
forgotten one fails at start, not with a silent default deep in the code) and
documented in .env.example and the README."""

import re
from pathlib import Path

from lms import settings as declared

ROOT = Path(__file__).resolve().parent.parent
READS = re.compile(
    r"settings\.(SIGAP_[A-Z0-9_]+)"
    r"|getattr\(\s*settings\s*,\s*\"(SIGAP_[A-Z0-9_]+)\""
    r"|rate_limited\(\s*\"(SIGAP_[A-Z0-9_]+)\""
)


def settings_read_by_the_code() -> set[str]:
    names = set()
    for folder in ("lms", "courses", "certificates", "scripts", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html", ".txt"} and path.name != "settings.py":
                for match in READS.finditer(path.read_text(encoding="utf-8")):
                    names.add(next(name for name in match.groups() if name))
    return names


def test_the_scan_finds_the_settings_the_code_reads():
    found = settings_read_by_the_code()
    assert {"SIGAP_PNS_JP_TARGET", "SIGAP_VERIFY_RATE_LIMIT"} <= found
    assert {"SIGAP_PREDIKAT_THRESHOLDS", "SIGAP_QUIZ_GRACE_SECONDS"} <= found


def test_every_setting_the_code_reads_is_declared_in_settings():
    missing = sorted(
        name for name in settings_read_by_the_code() if not hasattr(declared, name)
    )
    assert missing == []


def test_every_setting_the_code_reads_is_documented():
    env_example = (ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    undocumented = sorted(
        name
        for name in settings_read_by_the_code()
        if not re.search(rf"\b{name}\b", env_example)
        or not re.search(rf"\b{name}\b", readme)
    )
    assert undocumented == []
