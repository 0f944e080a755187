"""The layers import only downward, not even inside a function: a lower layer
that must set off work above runs what was registered (``lms.steps``,
``courses.parts``, ``courses.permissions.register_learning_gate``).

CI's import-linter contract checks the whole tree; this pins, in the test run,
the places where code in ``courses`` once called up into the layers above.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _modules(package: str, *, leaving_out: str | None = None):
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative:
            continue
        if leaving_out and relative.startswith(leaving_out.replace(".", "/") + "/"):
            continue
        yield path


def _upward(paths, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(ROOT)} imports {module}"
        for path in paths
        for module in _imports(path)
        if any(module == f or module.startswith(f + ".") for f in forbidden)
    )


HIGHER_THAN_QUIZZES = ("lms.competencies", "certificates", "lms.hr")


def test_the_quiz_engine_imports_no_layer_above_it():
    assert _upward(_modules("courses.quizzes"), HIGHER_THAN_QUIZZES) == []


@pytest.mark.parametrize(
    "module",
    ["services", "apps", "models", "views", "navigation", "permissions", "parts"],
)
def test_courses_imports_neither_the_quiz_engine_nor_what_sits_above_it(module):
    paths = [
        path
        for path in _modules("courses", leaving_out="courses.quizzes")
        if path.relative_to(ROOT).as_posix().startswith(f"courses/{module}")
    ]
    assert paths
    assert _upward(paths, ("courses.quizzes", *HIGHER_THAN_QUIZZES)) == []


def test_the_steps_runner_imports_no_app():
    assert (
        _upward(
            [ROOT / "lms" / "steps.py"],
            (
                "lms.audit",
                "lms.accounts",
                "courses",
                "certificates",
                "lms.competencies",
            ),
        )
        == []
    )
