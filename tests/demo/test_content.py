"""The demo content files: every one loads and validates, and a broken one is
reported by file and line, so a trainer can fix it without reading Python."""

import shutil
from pathlib import Path

import pytest

from courses.blocks import LessonStreamBlock
from demo.loader import CONTENT_DIR, ContentError, load_modules

MODULE = "berpikir-cepat-dalam-krisis"


def test_every_demo_content_file_loads_and_fits_the_lesson_blocks():
    modules = load_modules()
    assert [module["code"] for module in modules] == ["BCP", "KIL", "KKO", "PPK"]
    stream = LessonStreamBlock()
    for module in modules:
        assert len(module["lessons"]) >= 3
        assert module["pretest"] and module["posttest"]
        for lesson in module["lessons"]:
            body = [{"type": kind, "value": value} for kind, value in lesson["body"]]
            # Required fields, lengths and choices as the admin would check them.
            stream.clean(stream.to_python(body))
        for question in module["pretest"] + module["posttest"]:
            if question["type"] == "single":
                assert sum(right for _, right in question["choices"]) == 1
    files = {p.relative_to(CONTENT_DIR) for p in CONTENT_DIR.rglob("*") if p.is_file()}
    used = {Path("modules.yaml")} | {
        Path(module["slug"]) / name
        for module in modules
        for name in ("module.yaml", "pretest.yaml", "posttest.yaml")
    }
    used |= {
        Path(module["slug"]) / "lessons" / f"{number:02d}-{lesson['slug']}.md"
        for module in modules
        for number, lesson in enumerate(module["lessons"], start=1)
    }
    assert files == used


def test_lesson_markdown_becomes_the_lesson_stream_blocks():
    lesson = load_modules()[0]["lessons"][0]
    kinds = [kind for kind, _ in lesson["body"]]
    assert kinds[0] == "heading"
    assert {"paragraph", "callout", "case_study", "reflection"} <= set(kinds)
    callout = next(value for kind, value in lesson["body"] if kind == "callout")
    assert callout["kind"] == "warning"
    assert callout["text"].startswith("<p>Berpikir cepat berarti memperpendek")
    assert "<strong>bukan</strong>" in callout["text"]
    assert "\n" not in callout["text"]


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the demo content that a test may break."""
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    return tmp_path / "content"


QUESTION_BEFORE = """\
- type: true_false
  text: Menunda keputusan juga sebuah keputusan.
  answer: true

"""

LESSON_HEAD = """\
---
title: Krisis dan Kebutuhan Berpikir Cepat
slug: krisis-dan-kebutuhan-berpikir-cepat
intro: Pengantar
  singkat.
---

## Judul bagian

Paragraf pertama.

"""


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            "- type: single\n  text: Mana?\n  choices:\n"
            "  - text: A\n    correct: true\n  - text: B\n    correct: true\n",
            "tepat satu jawaban benar",
        ),
        (
            "- type: single\n  text: Mana?\n  choices:\n  - text: A\n  - text: B\n",
            "tepat satu jawaban benar",
        ),
        (
            "- type: multiple\n  text: Mana?\n  choices:\n  - text: A\n"
            "    correct: true\n  - text: B\n",
            "dua jawaban benar atau lebih",
        ),
        ("- type: single\n  choices: []\n", "kunci wajib tidak ada: text"),
        ("- type: essay\n  text: Jelaskan.\n", "type harus salah satu"),
        ("- type: true_false\n  text: Benar?\n  answer: ya\n", "true atau false"),
        ("- type: short\n  text: Singkatan?\n  accepted: []\n", "accepted"),
        ("- type: ordering\n  text: Urutkan.\n  items: [A, B]\n", "tiga langkah"),
        (
            "- type: matching\n  text: Pasangkan.\n  pairs:\n  - left: A\n",
            "pairs",
        ),
        (
            "- type: true_false\n  text: Benar?\n  answer: true\n  anwser: false\n",
            "kunci tidak dikenal: anwser",
        ),
    ],
)
def test_broken_question_is_reported_with_its_file_and_line(content, broken, message):
    (content / MODULE / "pretest.yaml").write_text(QUESTION_BEFORE + broken)
    with pytest.raises(ContentError) as error:
        load_modules(content)
    # The broken question starts on line 5, after the valid one.
    assert f"{MODULE}/pretest.yaml:5: " in str(error.value)
    assert message in str(error.value)


# Each broken block is written from line 12, after the front matter and a paragraph.
@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        ("::: callout warning Judul\nIsi tanpa penutup.\n", 12, "tidak pernah ditutup"),
        ("::: kuis\nApa?\n:::\n", 12, "blok 'kuis' tidak dikenal"),
        ("::: callout penting Judul\nIsi.\n:::\n", 12, "callout perlu jenis"),
        ("# Judul tingkat satu\n", 12, "## (h2) atau ### (h3)"),
        ("```\nkode\n```\n", 12, "fence tidak didukung"),
        ("Teks dengan ![gambar](a.png).\n", 12, "image tidak didukung"),
        ("Teks dengan <b>HTML</b>.\n", 12, "html_inline tidak didukung"),
        ("::: case_study Kasus\nSkenario.\n:::\n", 12, "perlu ::: questions"),
        ("::: reflection\nApa?\n\n::: debrief\nIsi.\n:::\n:::\n", 15, "debrief"),
        (":::\n", 12, "penutup tanpa pembuka"),
    ],
)
def test_broken_lesson_block_is_reported_with_its_file_and_line(
    content, broken, line, message
):
    lesson = content / MODULE / "lessons" / "01-krisis-dan-kebutuhan-berpikir-cepat.md"
    lesson.write_text(LESSON_HEAD + broken)
    with pytest.raises(ContentError) as error:
        load_modules(content)
    assert f"01-krisis-dan-kebutuhan-berpikir-cepat.md:{line}: " in str(error.value)
    assert message in str(error.value)


def test_lesson_without_required_front_matter_names_the_missing_key(content):
    lesson = content / MODULE / "lessons" / "02-siklus-ooda.md"
    lesson.write_text(lesson.read_text().replace("intro: ", "pengantar: ", 1))
    with pytest.raises(ContentError, match=r"02-siklus-ooda\.md.*intro"):
        load_modules(content)


def test_yaml_syntax_error_is_reported_with_its_line(content):
    (content / MODULE / "posttest.yaml").write_text(
        QUESTION_BEFORE + "- type: short\n  text: [tidak ditutup\n"
    )
    with pytest.raises(ContentError, match=r"posttest\.yaml:\d+: "):
        load_modules(content)


def test_lesson_file_not_listed_in_its_module_is_reported(content):
    extra = content / MODULE / "lessons" / "05-pelajaran-baru.md"
    extra.write_text(LESSON_HEAD)
    with pytest.raises(ContentError, match=r"module\.yaml:\d+: daftar lessons"):
        load_modules(content)


def test_module_metadata_error_names_the_line_of_its_key(content):
    module = content / MODULE / "module.yaml"
    module.write_text(module.read_text().replace("jp: 1", "jp: tiga"))
    line = module.read_text().split("\n").index("jp: tiga") + 1
    with pytest.raises(ContentError, match=rf"module\.yaml:{line}: jp harus"):
        load_modules(content)
