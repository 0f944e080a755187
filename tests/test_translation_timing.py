"""No text is translated once at import time: it would stay in the language that
was active then (Indonesian) for every person, whichever language they chose."""

import ast
from pathlib import Path

from django.conf import settings

# Translate at once, in the language active at the call.
EAGER = {"gettext", "ngettext", "pgettext", "npgettext"}


def _eager_names(tree: ast.Module) -> set[str]:
    """Local names bound to an eager gettext (``from ... import gettext as _``)."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER
    }


def _is_eager_call(node: ast.AST, names: set[str]) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in names
    return (
        isinstance(func, ast.Attribute)
        and func.attr in EAGER
        and isinstance(func.value, ast.Name)
        and func.value.id == "translation"
    )


def _run_at_import(body: list[ast.stmt]):
    """The parts of a module that run when it is imported: module and class
    bodies, decorators and default values, never a function's body."""
    for statement in body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from statement.decorator_list
            yield from statement.args.defaults
            yield from (d for d in statement.args.kw_defaults if d is not None)
        elif isinstance(statement, ast.ClassDef):
            yield from statement.decorator_list
            yield from statement.bases
            yield from statement.keywords
            yield from _run_at_import(statement.body)
        else:
            yield statement


def _eager_calls_at_import(source: str) -> list[int]:
    tree = ast.parse(source)
    names = _eager_names(tree)
    lines = []
    for top in _run_at_import(tree.body):
        stack = [top]
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Lambda | ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if _is_eager_call(node, names):
                lines.append(node.lineno)
            stack.extend(ast.iter_child_nodes(node))
    return sorted(lines)


def test_the_check_sees_gettext_at_import_and_ignores_it_in_functions():
    source = (
        "from django.utils import translation\n"
        "from django.utils.translation import gettext as _, gettext_lazy\n"
        "LABELS = {'a': _('satu')}\n"
        "LAZY = gettext_lazy('dua')\n"
        "class Form:\n"
        "    label = translation.gettext('tiga')\n"
        "    def clean(self, message=_('empat')):\n"
        "        return _('lima')\n"
        "def view(request):\n"
        "    return _('enam')\n"
        "LATER = lambda: _('tujuh')\n"
    )
    assert _eager_calls_at_import(source) == [3, 6, 7]


def test_no_module_translates_text_at_import_time():
    base = Path(settings.BASE_DIR)
    offenders = [
        f"{path.relative_to(base)}:{line}"
        for package in ("lms", "courses", "certificates")
        for path in sorted((base / package).rglob("*.py"))
        for line in _eager_calls_at_import(path.read_text())
    ]
    assert offenders == []
