"""requirements.lock pins what pyproject.toml asks for: a dependency added, removed
or raised in pyproject.toml without `make lock` fails here (offline). CI's
`make lock-check` also re-resolves the whole lock against PyPI."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)(?:\s*;\s*(.+))?$")
FROM_PYPROJECT = "sigap (pyproject.toml)"


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["dev"]
    parsed = [Requirement(text) for text in requirements]
    return {canonicalize_name(requirement.name): requirement for requirement in parsed}


def locked(text: str) -> tuple[dict[str, list[str]], set[str]]:
    """Pinned versions by package, and the packages the lock says pyproject wants."""
    versions: dict[str, list[str]] = {}
    direct: set[str] = set()
    current = None
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match[1])
            versions.setdefault(current, []).append(match[2])
        elif current and line.strip().lstrip("#").strip() in {
            f"via {FROM_PYPROJECT}",
            FROM_PYPROJECT,
        }:
            direct.add(current)
    return versions, direct


def lock_problems(text: str) -> list[str]:
    versions, direct = locked(text)
    wanted = declared()
    problems = [
        f"{name} is in pyproject.toml but not pinned"
        for name in wanted
        if name not in versions
    ]
    problems += [
        f"{name}=={version} does not satisfy {requirement}"
        for name, requirement in wanted.items()
        for version in versions.get(name, [])
        if not requirement.specifier.contains(version, prereleases=True)
    ]
    problems += [
        f"{name} is pinned for pyproject.toml, which no longer asks for it"
        for name in sorted(direct - set(wanted))
    ]
    problems += [
        f"{name} is pinned but not as a dependency of pyproject.toml"
        for name in sorted(set(wanted) - direct)
    ]
    return problems


def test_the_lock_pins_every_dependency_of_pyproject_within_its_range():
    lock = (ROOT / "requirements.lock").read_text()
    assert lock_problems(lock) == []


def test_a_dependency_added_without_relocking_is_caught():
    lock = (ROOT / "requirements.lock").read_text()
    without_django = re.sub(r"(?m)^django==.*\n(    #.*\n)*", "", lock)
    assert "django is in pyproject.toml but not pinned" in lock_problems(without_django)


def test_a_pin_below_a_raised_minimum_is_caught():
    lock = (ROOT / "requirements.lock").read_text()
    old_wagtail = re.sub(r"(?m)^wagtail==\S+", "wagtail==7.0", lock)
    assert "wagtail==7.0 does not satisfy wagtail<8.1,>=8.0" in lock_problems(
        old_wagtail
    )
