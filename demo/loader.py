"""Reads the demo modules from ``demo/content`` (Markdown lessons, YAML quizzes and
metadata; the format is in ``demo/README.md``) into the plain data the seed steps
build pages and questions from.

``load_modules()`` returns one dict per module, in catalogue order:
``code``, ``title``, ``slug``, ``summary``, ``jp``, ``goals``, ``topic`` (a
``(name, slug)`` tuple), ``competencies`` (``(code, level)`` tuples), ``lessons``
(``title``, ``slug``, ``intro``, and ``body`` as ``(block_type,
value)`` tuples for ``LessonStreamBlock``) and ``pretest`` / ``posttest`` (question
dicts; choices and pairs as tuples). A broken file raises ``ContentError`` naming
the file and line, so a trainer can find the mistake without reading Python.
"""

import datetime
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

CONTENT_DIR = Path(__file__).resolve().parent / "content"

# libyaml's parser when PyYAML was built with it (its wheels are): the same safe
# subset of YAML, about ten times faster than the pure-Python parser, which took a
# tenth of ``seed_demo``.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

QUESTION_TYPES = ("single", "multiple", "true_false", "short", "ordering", "matching")
DIFFICULTIES = ("easy", "medium", "hard")
SCORINGS = ("all_or_nothing", "partial")
CALLOUT_KINDS = ("info", "tip", "warning")

_COMMON_QUESTION_KEYS = {
    "type",
    "text",
    "explanation",
    "competency",
    "difficulty",
    "points",
}
_QUESTION_KEYS = {
    "single": {"choices"},
    "multiple": {"choices", "scoring"},
    "true_false": {"answer"},
    "short": {"accepted"},
    "ordering": {"items"},
    "matching": {"pairs"},
}
_MODULE_KEYS = {
    "code",
    "title",
    "slug",
    "summary",
    "jp",
    "goals",
    "topic",
    "competencies",
    "lessons",
}
_LESSON_KEYS = {"title", "slug", "intro"}

# What the rich text fields of LessonStreamBlock accept, as Markdown token types.
_INLINE = {
    "text",
    "softbreak",
    "strong_open",
    "strong_close",
    "em_open",
    "em_close",
    "link_open",
    "link_close",
}
_LISTS = {
    "paragraph_open",
    "paragraph_close",
    "inline",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_open",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
}
_BLOCKS = {"heading_open", "heading_close", "blockquote_open", "blockquote_close"}
_RICH_TEXT = {
    "paragraph": _LISTS | _BLOCKS,
    "callout": _LISTS,
    "case_study": _LISTS | _BLOCKS,
}
_HEADING_TAGS = {"paragraph": {"h3"}, "case_study": {"h3"}}

_FENCE = re.compile(r"^:{3,}\s*(?P<rest>.*?)\s*$")
_DIV_NAME = re.compile(r"^[a-z_]+$")
_LESSON_FILE = re.compile(r"^\d{2}-(?P<slug>[a-z0-9-]+)\.md$")


class ContentError(ValueError):
    """A demo content file that cannot be loaded; says which file, which line."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line = path, line
        where = f"{_shown(path)}:{line}" if line else _shown(path)
        super().__init__(f"{where}: {message}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_DIR.parent.parent))
    except ValueError:
        return str(path)


def load_modules(content_dir: Path = CONTENT_DIR) -> list[dict]:
    """Every module listed in ``modules.yaml``, validated, in catalogue order."""
    index = content_dir / "modules.yaml"
    slugs, lines = _yaml_file(index)
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise ContentError(index, 1, "harus berupa daftar slug modul")
    listed = set(slugs)
    for directory in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        if directory.name not in listed:
            raise ContentError(
                index, None, f"folder modul {directory.name!r} tidak tercantum"
            )
    modules = []
    for slug, line in zip(slugs, lines, strict=True):
        if not (content_dir / slug / "module.yaml").is_file():
            raise ContentError(index, line, f"tidak ada {slug}/module.yaml")
        modules.append(load_module(content_dir / slug))
    codes = [module["code"] for module in modules]
    if len(set(codes)) != len(codes):
        raise ContentError(index, None, f"kode modul ganda: {codes}")
    return modules


def load_module(
    directory: Path, *, file_name: str = "module.yaml", extra_keys=frozenset()
) -> dict:
    """One module: its metadata, lessons in the listed order, and its two tests
    (and the ``extra_keys`` of its file as they are, e.g. a webinar's session)."""
    path = directory / file_name
    data, lines = _yaml_file(path)
    _require_keys(path, data, _MODULE_KEYS | extra_keys, required=_MODULE_KEYS)
    for key in ("code", "title", "slug", "summary"):
        _require_text(path, data, key, line=lines[key])
    if data["slug"] != directory.name:
        raise ContentError(path, lines["slug"], "slug harus sama dengan nama foldernya")
    _require_int(path, data, "jp", line=lines["jp"])
    _require_text_list(path, data, "goals", line=lines["goals"])
    topic = data["topic"]
    if not isinstance(topic, dict) or set(topic) != {"name", "slug"}:
        raise ContentError(path, lines["topic"], "topic harus berisi name dan slug")
    competencies = data["competencies"]
    if not isinstance(competencies, dict) or not all(
        isinstance(level, int) for level in competencies.values()
    ):
        raise ContentError(
            path, lines["competencies"], "competencies: kode kompetensi: level (angka)"
        )
    _require_text_list(path, data, "lessons", line=lines["lessons"])
    lesson_files = sorted((directory / "lessons").glob("*.md"))
    if sorted(data["lessons"]) != [file.name for file in lesson_files]:
        raise ContentError(
            path,
            lines["lessons"],
            "daftar lessons harus sama dengan berkas di folder lessons/",
        )
    module = {
        "code": data["code"],
        "title": data["title"],
        "slug": data["slug"],
        "topic": (topic["name"], topic["slug"]),
        "summary": data["summary"],
        "jp": data["jp"],
        "goals": list(data["goals"]),
        "competencies": list(competencies.items()),
        "lessons": [load_lesson(directory / "lessons" / f) for f in data["lessons"]],
    }
    for which in ("pretest", "posttest"):
        quiz = directory / f"{which}.yaml"
        module[which] = load_questions(quiz) if quiz.exists() else []
    for key in extra_keys:
        module[key] = data.get(key)
    return module


# --- webinars ------------------------------------------------------------------

WEBINAR_DIR = Path(__file__).resolve().parent / "webinars"
_SESSION_KEYS = {
    "title",
    "slug",
    "intro",
    "starts",
    "ends",
    "time_zone",
    "mode",
    "meeting_url",
    "capacity",
    "speakers",
    "transcript",
    "attendance_report",
}
_SESSION_REQUIRED = {"title", "slug", "starts", "ends", "time_zone", "mode"}
# A session after the webinar, placed relative to the day the demo is seeded (so a
# learner's dashboard has something ahead): ``days_from_seeding`` at ``time``.
_FOLLOW_UP_KEYS = {
    "title",
    "slug",
    "intro",
    "days_from_seeding",
    "time",
    "minutes",
    "time_zone",
    "meeting_url",
    "speakers",
    "registered",
}


def load_webinars(webinar_dir: Path = WEBINAR_DIR) -> list[dict]:
    """Every webinar listed in ``webinars.yaml``: a module (``module.yaml``'s keys
    in ``webinar.yaml``) with one live ``session``, its transcript read and its
    attendance report's bytes attached."""
    index = webinar_dir / "webinars.yaml"
    slugs, lines = _yaml_file(index)
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise ContentError(index, 1, "harus berupa daftar slug webinar")
    webinars = []
    for slug, line in zip(slugs, lines, strict=True):
        directory = webinar_dir / slug
        if not (directory / "webinar.yaml").is_file():
            raise ContentError(index, line, f"tidak ada {slug}/webinar.yaml")
        module = load_module(
            directory,
            file_name="webinar.yaml",
            extra_keys=frozenset({"session", "follow_up"}),
        )
        path = directory / "webinar.yaml"
        session = module["session"]
        if not isinstance(session, dict):
            raise ContentError(path, None, "session harus berisi data sesi")
        _require_keys(path, session, _SESSION_KEYS, required=_SESSION_REQUIRED)
        for key in ("starts", "ends"):
            try:
                session[key] = datetime.datetime.strptime(
                    session[key], "%Y-%m-%d %H:%M"
                )
            except (TypeError, ValueError) as error:
                raise ContentError(
                    path, None, f"session.{key}: tulis 'YYYY-MM-DD HH:MM'"
                ) from error
        for key in ("transcript", "attendance_report"):
            if session.get(key):
                file = directory / session[key]
                if not file.is_file():
                    raise ContentError(path, None, f"session.{key}: tidak ada {file}")
                session[key] = file.read_bytes()
        session["speakers"] = list(session.get("speakers") or [])
        if (follow_up := module.get("follow_up")) is not None:
            _require_keys(path, follow_up, _FOLLOW_UP_KEYS, required=_FOLLOW_UP_KEYS)
            for key in ("days_from_seeding", "minutes"):
                _require_int(path, follow_up, key)
            try:
                hour, minute = (int(part) for part in str(follow_up["time"]).split(":"))
                follow_up["time"] = datetime.time(hour, minute)
            except ValueError as error:
                message = "follow_up.time: tulis 'HH:MM'"
                raise ContentError(path, None, message) from error
        webinars.append(module)
    return webinars


# --- lessons -----------------------------------------------------------------


def load_lesson(path: Path) -> dict:
    """A lesson file: YAML front matter, then its Markdown body as stream blocks."""
    name = _LESSON_FILE.match(path.name)
    if name is None:
        raise ContentError(path, None, "nama berkas harus NN-slug.md")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        raise ContentError(path, 1, "pelajaran harus diawali front matter '---'")
    end = lines.index("---", 1)
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=_SafeLoader)
    except yaml.YAMLError as error:
        raise ContentError(path, _yaml_line(error, offset=1), str(error)) from error
    _require_keys(path, meta, _LESSON_KEYS, required=_LESSON_KEYS)
    for key in ("title", "slug", "intro"):
        _require_text(path, meta, key)
    if meta["slug"] != name["slug"]:
        raise ContentError(path, 2, "slug harus sama dengan nama berkasnya")
    body = _Body(path, lines[end + 1 :], first_line=end + 2).blocks()
    return {
        "title": meta["title"],
        "slug": meta["slug"],
        "intro": meta["intro"],
        "body": body,
    }


class _Div:
    """A fenced div (``::: name args`` … ``:::``): its own lines and nested divs."""

    def __init__(self, name: str, args: str, line: int):
        self.name, self.args, self.line = name, args, line
        self.lines: list[tuple[int, str]] = []
        self.children: list[_Div] = []


class _Body:
    """The Markdown body of one lesson, turned into LessonStreamBlock values."""

    def __init__(self, path: Path, lines: list[str], *, first_line: int):
        self.path = path
        self.root = _Div("", "", first_line)
        stack = [self.root]
        for number, line in enumerate(lines, start=first_line):
            fence = _FENCE.match(line)
            if fence is None:
                stack[-1].lines.append((number, line))
            elif fence["rest"]:
                name, _, args = fence["rest"].partition(" ")
                if not _DIV_NAME.match(name):
                    raise ContentError(path, number, f"nama blok {name!r} tidak sah")
                div = _Div(name, args.strip(), number)
                stack[-1].children.append(div)
                stack[-1].lines.append((number, f"\0{len(stack[-1].children) - 1}"))
                stack.append(div)
            elif len(stack) == 1:
                raise ContentError(path, number, "':::' penutup tanpa pembuka")
            else:
                stack.pop()
        if len(stack) > 1:
            raise ContentError(path, stack[-1].line, "'::: ' ini tidak pernah ditutup")

    def blocks(self) -> list[tuple[str, object]]:
        blocks: list[tuple[str, object]] = []
        prose: list[tuple[int, str]] = []
        for number, line in self.root.lines:
            if not line.startswith("\0"):
                prose.append((number, line))
                continue
            blocks.extend(self._prose(prose))
            prose = []
            blocks.append(self._div(self.root.children[int(line[1:])]))
        blocks.extend(self._prose(prose))
        if not blocks:
            raise ContentError(self.path, self.root.line, "pelajaran tanpa isi")
        return blocks

    def _prose(self, lines: list[tuple[int, str]]) -> list[tuple[str, object]]:
        """Headings (``##`` h2, ``###`` h3) become heading blocks; the prose
        between them one paragraph block each."""
        if not "".join(text for _, text in lines).strip():
            return []
        tokens = _parse(lines)
        blocks, pending = [], []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "heading_open":
                if token.tag not in ("h2", "h3"):
                    raise ContentError(
                        self.path,
                        _token_line(token, lines),
                        "judul bagian memakai ## (h2) atau ### (h3)",
                    )
                blocks.extend(self._paragraph(pending, lines))
                pending = []
                text = tokens[index + 1].content
                blocks.append(("heading", {"text": text, "level": token.tag}))
                index += 3
                continue
            pending.append(token)
            index += 1
        blocks.extend(self._paragraph(pending, lines))
        return blocks

    def _paragraph(self, tokens, lines) -> list[tuple[str, object]]:
        if not tokens:
            return []
        return [("paragraph", self._rich_text(tokens, lines, field="paragraph"))]

    def _rich_text(self, tokens, lines, *, field: str) -> str:
        allowed = _RICH_TEXT[field]
        for token in tokens:
            if token.type not in allowed or (
                token.type == "heading_open"
                and token.tag not in _HEADING_TAGS.get(field, ())
            ):
                raise ContentError(
                    self.path,
                    _token_line(token, lines),
                    f"{token.type} tidak didukung di blok {field}",
                )
            for child in token.children or ():
                if child.type not in _INLINE:
                    raise ContentError(
                        self.path,
                        _token_line(token, lines),
                        f"{child.type} tidak didukung di dalam teks",
                    )
        return _render(tokens)

    def _div(self, div: _Div) -> tuple[str, object]:
        handler = {
            "paragraph": self._paragraph_div,
            "callout": self._callout,
            "case_study": self._case_study,
            "reflection": self._reflection,
        }.get(div.name)
        if handler is None:
            raise ContentError(
                self.path,
                div.line,
                f"blok '{div.name}' tidak dikenal; pakai paragraph, callout, "
                "case_study atau reflection",
            )
        return handler(div)

    def _paragraph_div(self, div: _Div) -> tuple[str, object]:
        """An explicit text block: here ``###`` is a subheading inside the text."""
        self._no_children(div, allowed=())
        return ("paragraph", self._rich(div, "paragraph"))

    def _callout(self, div: _Div) -> tuple[str, object]:
        self._no_children(div, allowed=())
        kind, _, title = div.args.partition(" ")
        if kind not in CALLOUT_KINDS:
            raise ContentError(
                self.path, div.line, f"callout perlu jenis: {', '.join(CALLOUT_KINDS)}"
            )
        text = self._rich(div, "callout")
        return ("callout", {"kind": kind, "title": title.strip(), "text": text})

    def _case_study(self, div: _Div) -> tuple[str, object]:
        children = self._no_children(div, allowed=("questions", "debrief"))
        if not div.args:
            raise ContentError(self.path, div.line, "case_study perlu judul")
        if "questions" not in children:
            raise ContentError(self.path, div.line, "case_study perlu ::: questions")
        value = {
            "title": div.args,
            "scenario": self._rich(div, "case_study"),
            "questions": self._list_items(children["questions"]),
        }
        if "debrief" in children:
            value["debrief"] = self._rich(children["debrief"], "case_study")
        return ("case_study", value)

    def _reflection(self, div: _Div) -> tuple[str, object]:
        children = self._no_children(div, allowed=("hint",))
        value = {"prompt": self._plain(div)}
        if "hint" in children:
            value["hint"] = self._plain(children["hint"])
        return ("reflection", value)

    def _no_children(self, div: _Div, *, allowed) -> dict[str, _Div]:
        found = {}
        for child in div.children:
            if child.name not in allowed or child.name in found:
                raise ContentError(
                    self.path,
                    child.line,
                    f"'::: {child.name}' tidak diharapkan di dalam {div.name}",
                )
            found[child.name] = child
        return found

    def _own_lines(self, div: _Div) -> list[tuple[int, str]]:
        return [(n, text) for n, text in div.lines if not text.startswith("\0")]

    def _rich(self, div: _Div, field: str) -> str:
        lines = self._own_lines(div)
        if not "".join(text for _, text in lines).strip():
            raise ContentError(self.path, div.line, f"{div.name} tanpa isi")
        return self._rich_text(_parse(lines), lines, field=field)

    def _plain(self, div: _Div) -> str:
        text = " ".join(" ".join(t for _, t in self._own_lines(div)).split())
        if not text:
            raise ContentError(self.path, div.line, f"{div.name} tanpa isi")
        return text

    def _list_items(self, div: _Div) -> list[str]:
        lines = self._own_lines(div)
        tokens = _parse(lines)
        items = [
            " ".join(tokens[i + 2].content.split())
            for i, token in enumerate(tokens)
            if token.type == "list_item_open"
        ]
        if not items or tokens[0].type != "bullet_list_open":
            raise ContentError(self.path, div.line, "questions: daftar '- pertanyaan'")
        return items


def _markdown() -> MarkdownIt:
    # All of CommonMark is parsed, so that what Wagtail's rich text cannot hold
    # (raw HTML, code, images, rules) is reported by line rather than mangled.
    md = MarkdownIt("commonmark")
    # Source lines are wrapped for reading; the stored text is not.
    md.add_render_rule("softbreak", lambda *args: " ")
    return md


_MD = _markdown()


def _parse(lines: list[tuple[int, str]]):
    tokens = _MD.parse("\n".join(text for _, text in lines))
    # Wagtail's editor keeps a quotation's text directly in <blockquote>.
    for index, token in enumerate(tokens):
        if (
            token.type == "paragraph_open"
            and index
            and tokens[index - 1].type == "blockquote_open"
            and tokens[index + 3].type == "blockquote_close"
        ):
            token.hidden = tokens[index + 2].hidden = True
    return tokens


def _render(tokens) -> str:
    return _MD.renderer.render(tokens, _MD.options, {}).replace("\n", "")


def _token_line(token, lines: list[tuple[int, str]]) -> int | None:
    if token.map is None or not lines:
        return None
    return lines[min(token.map[0], len(lines) - 1)][0]


# --- questions -----------------------------------------------------------------


def load_questions(path: Path) -> list[dict]:
    """A pre-test or post-test file: a YAML list of questions of the six types."""
    data, lines = _yaml_file(path)
    if not isinstance(data, list) or not data:
        raise ContentError(path, 1, "harus berupa daftar soal")
    return [_question(path, item, line) for item, line in zip(data, lines, strict=True)]


def _question(path: Path, data, line: int) -> dict:
    if not isinstance(data, dict):
        raise ContentError(path, line, "soal harus berupa pasangan kunci: nilai")
    kind = data.get("type")
    if kind not in QUESTION_TYPES:
        raise ContentError(path, line, f"type harus salah satu dari {QUESTION_TYPES}")
    keys = _COMMON_QUESTION_KEYS | _QUESTION_KEYS[kind]
    required = {"type", "text"} | (_QUESTION_KEYS[kind] - {"scoring"})
    _require_keys(path, data, keys, required=required, line=line)
    _require_text(path, data, "text", line=line)
    if data.get("difficulty", "medium") not in DIFFICULTIES:
        raise ContentError(path, line, f"difficulty: salah satu dari {DIFFICULTIES}")
    if "points" in data:
        _require_int(path, data, "points", line=line)
    question = dict(data)
    if kind in ("single", "multiple"):
        question["choices"] = _choices(path, data, line)
        correct = sum(right for _, right in question["choices"])
        if kind == "single" and correct != 1:
            raise ContentError(
                path, line, "single harus punya tepat satu jawaban benar"
            )
        if kind == "multiple" and correct < 2:
            raise ContentError(
                path, line, "multiple perlu dua jawaban benar atau lebih"
            )
        if data.get("scoring", "all_or_nothing") not in SCORINGS:
            raise ContentError(path, line, f"scoring: salah satu dari {SCORINGS}")
    elif kind == "true_false":
        if not isinstance(data["answer"], bool):
            raise ContentError(path, line, "answer harus true atau false")
    elif kind == "short":
        _require_text_list(path, data, "accepted", line=line)
    elif kind == "ordering":
        _require_text_list(path, data, "items", line=line)
        if len(data["items"]) < 3:
            raise ContentError(path, line, "ordering perlu tiga langkah atau lebih")
    else:
        pairs = data["pairs"]
        if (
            not isinstance(pairs, list)
            or len(pairs) < 2
            or not all(
                isinstance(p, dict) and set(p) == {"left", "right"} for p in pairs
            )
        ):
            raise ContentError(path, line, "pairs: dua pasangan left/right atau lebih")
        question["pairs"] = [(pair["left"], pair["right"]) for pair in pairs]
    return question


def _choices(path: Path, data: dict, line: int) -> list[tuple[str, bool]]:
    choices = data["choices"]
    if not isinstance(choices, list) or len(choices) < 2:
        raise ContentError(path, line, "choices: dua pilihan atau lebih")
    result = []
    for choice in choices:
        if (
            not isinstance(choice, dict)
            or not isinstance(choice.get("text"), str)
            or not set(choice) <= {"text", "correct"}
            or not isinstance(choice.get("correct", False), bool)
        ):
            raise ContentError(
                path, line, "setiap pilihan: text, dan correct: true bila benar"
            )
        result.append((choice["text"], choice.get("correct", False)))
    return result


# --- YAML and checks ------------------------------------------------------------


def _yaml_file(path: Path):
    """The file's data, and where each list item (or mapping key) starts."""
    text = path.read_text(encoding="utf-8")
    loader = _SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        raise ContentError(path, _yaml_line(error), str(error)) from error
    finally:
        loader.dispose()
    lines: list | dict = []
    if isinstance(node, yaml.SequenceNode):
        lines = [item.start_mark.line + 1 for item in node.value]
    elif isinstance(node, yaml.MappingNode):
        lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return data, lines


def _yaml_line(error: yaml.YAMLError, offset: int = 0) -> int | None:
    mark = getattr(error, "problem_mark", None)
    return mark.line + 1 + offset if mark is not None else None


def _require_keys(path, data, allowed, *, required, line=None) -> None:
    if not isinstance(data, dict):
        raise ContentError(path, line, "harus berupa pasangan kunci: nilai")
    if missing := sorted(set(required) - set(data)):
        raise ContentError(path, line, f"kunci wajib tidak ada: {', '.join(missing)}")
    if unknown := sorted(set(data) - set(allowed)):
        raise ContentError(path, line, f"kunci tidak dikenal: {', '.join(unknown)}")


def _require_text(path, data, key, *, line=None) -> None:
    if not isinstance(data[key], str) or not data[key].strip():
        raise ContentError(path, line, f"{key} harus berupa teks")


def _require_int(path, data, key, *, line=None) -> None:
    value = data[key]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ContentError(path, line, f"{key} harus bilangan bulat positif")


def _require_text_list(path, data, key, *, line=None) -> None:
    value = data[key]
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and item.strip() for item in value)
    ):
        raise ContentError(path, line, f"{key} harus berupa daftar teks")
