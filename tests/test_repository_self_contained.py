"""The repository explains itself: no file points at notes kept outside it (the
domain reference is docs/domain.md, the design notes docs/architecture.md)."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTSIDE = re.compile(
    r"\.\./shared|shared/(DOMAIN|DESIGN|CONVENTIONS)|\b(DOMAIN|DESIGN)\.md"
)


def tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [ROOT / name for name in names if (ROOT / name).is_file()]


def test_no_file_points_at_notes_outside_the_repository():
    pointing_outside = []
    for path in tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary: compiled catalogues, fonts, images
        if path != Path(__file__) and OUTSIDE.search(text):
            pointing_outside.append(str(path.relative_to(ROOT)))
    assert pointing_outside == []


def test_the_domain_reference_is_in_the_repository():
    assert (
        (ROOT / "docs" / "domain.md")
        .read_text(encoding="utf-8")
        .startswith("# Domain facts")
    )
