"""A migrated SQLite database, made once and copied where a test needs a new one.

Migrating Sigap from nothing takes about 35 seconds on a 2-core machine (Wagtail's
84 migrations and ours, most of it Django re-rendering model states around the data
migrations). Every xdist worker's in-memory test database and every browser
worker's live site did it again. Now the first one to need it migrates and keeps a
copy under ``var/cache/``; the others, and later runs, copy that file in a second.

The copy is named by a digest of everything a migration can read: Sigap's Python
and data files (its data migrations import the apps and read their YAML), the
locked dependency versions (Wagtail's and Django's migrations) and Python's
version. Any change to those makes a new copy; the old ones are deleted. A
database made from a copy still runs ``migrate`` (which then finds nothing to do),
so a stale copy could only ever cost time, not hide a migration.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[1]
CACHE_DIR = REPO / "var" / "cache"
# Where migrations live and what they can import or read.
SOURCES = ("lms", "courses", "certificates")
SOURCE_SUFFIXES = {".py", ".yaml", ".yml", ".json"}
PREFIX = "migrated-"


def migrations_digest() -> str:
    digest = hashlib.sha256(sys.version.encode())
    files = [REPO / "requirements.lock"]
    for top in SOURCES:
        files.extend(
            path
            for path in (REPO / top).rglob("*")
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts
        )
    for path in sorted(files):
        digest.update(str(path.relative_to(REPO)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached_copy() -> Path:
    """Where the migrated database for the current sources is (or will be) kept."""
    return CACHE_DIR / f"{PREFIX}{migrations_digest()}.sqlite3"


class FileLock:
    """An exclusive lock on ``path`` between processes (xdist workers), taken at
    once; ``release`` (or leaving the ``with`` block) gives it back and may be
    called more than once."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file: IO[str] | None = path.open("w")
        fcntl.flock(self._file, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # closing the file releases the lock
            self._file = None

    def __enter__(self) -> FileLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def making_the_copy() -> FileLock:
    """Held while a process makes the copy, so the other workers wait for it
    instead of migrating too."""
    return FileLock(CACHE_DIR / "migrated.lock")


def copy_database(source: Path, target: Path) -> None:
    """Copy one SQLite file to another through SQLite's backup, which also takes
    what is still in the source's write-ahead log."""
    with (
        contextlib.closing(sqlite3.connect(source)) as database,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        database.backup(copy)


def keep(database: sqlite3.Connection, copy: Path) -> None:
    """Write ``database`` (open, migrated) to ``copy``; drop older copies."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    partial = copy.with_suffix(f".{os.getpid()}.partial")
    with contextlib.closing(sqlite3.connect(partial)) as target:
        database.backup(target)
    partial.replace(copy)
    for old in copy.parent.glob(f"{PREFIX}*.sqlite3"):
        if old != copy:
            old.unlink(missing_ok=True)


def restore(copy: Path, database: sqlite3.Connection) -> None:
    with contextlib.closing(sqlite3.connect(copy)) as source:
        source.backup(database)
