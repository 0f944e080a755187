"""A rule is defined once, under one name, and views ask it by that name."""

import inspect
import re
from importlib import import_module
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
APPS = ["lms/audit", "lms/accounts", "courses", "courses/quizzes"]
APPS += ["lms/competencies", "certificates", "lms/hr", "lms/team", "lms/discussion"]
RULE_MODULES = [f"{app}/permissions.py" for app in APPS]
RULE_MODULES += ["courses/page_permissions.py", "lms/accounts/scope.py"]
SCREEN_MODULES = ["views.py", "report_views.py", "admin_views.py", "wagtail_hooks.py"]

# Role tests a screen must not make itself: it asks a rule of its app's
# permissions.py, which says what the check is for.
INLINE_ROLE_TEST = re.compile(
    r"\b(is_admin|is_hr|is_trainer|is_reviewer|has_role)\(|is_superuser|is_staff\b"
    r"|groups\.(filter|values|all)|\bROLE_[A-Z]+\b"
)


def _dotted(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


def _defined_functions(path: str) -> dict[str, object]:
    module = import_module(_dotted(path))
    return {
        name: function
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__ and not name.startswith("_")
    }


def test_every_rule_is_defined_in_one_module_only():
    defined_in: dict[str, list[str]] = {}
    for path in RULE_MODULES:
        if (BASE / path).exists():
            for name in _defined_functions(path):
                defined_in.setdefault(name, []).append(path)
    twice = {name: paths for name, paths in defined_in.items() if len(paths) > 1}
    assert not twice


def test_screens_ask_named_rules_instead_of_testing_roles():
    offenders = []
    for app in APPS:
        for name in SCREEN_MODULES:
            path = BASE / app / name
            if not path.exists():
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if INLINE_ROLE_TEST.search(line):
                    offenders.append(f"{app}/{name}:{number}: {line.strip()}")
    assert not offenders
