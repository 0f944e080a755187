"""The migrated copy that test databases start from (tests/migrated_db.py) is never
older than the code: any change to what a migration can read names a new copy."""

import contextlib
import sqlite3

import pytest

from tests import migrated_db


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small project tree standing in for the repository."""
    (tmp_path / "lms" / "migrations").mkdir(parents=True)
    (tmp_path / "lms" / "migrations" / "0001_initial.py").write_text("# one\n")
    (tmp_path / "lms" / "data.yaml").write_text("roles: [Peserta]\n")
    (tmp_path / "lms" / "page.html").write_text("<p>no migration reads me</p>\n")
    (tmp_path / "requirements.lock").write_text("wagtail==7.0\n")
    monkeypatch.setattr(migrated_db, "REPO", tmp_path)
    monkeypatch.setattr(migrated_db, "SOURCES", ("lms",))
    monkeypatch.setattr(migrated_db, "CACHE_DIR", tmp_path / "var" / "cache")
    return tmp_path


@pytest.mark.parametrize(
    "change",
    ["lms/migrations/0001_initial.py", "lms/data.yaml", "requirements.lock"],
)
def test_a_change_to_a_migration_its_data_or_a_dependency_names_a_new_copy(
    project, change
):
    before = migrated_db.cached_copy()
    with (project / change).open("a") as file:
        file.write("# changed\n")
    assert migrated_db.cached_copy() != before


def test_a_template_change_keeps_the_copy(project):
    before = migrated_db.cached_copy()
    (project / "lms" / "page.html").write_text("<p>changed</p>\n")
    assert migrated_db.cached_copy() == before


def test_a_kept_copy_restores_every_row_and_replaces_the_older_copy(project):
    old = migrated_db.cached_copy()
    with contextlib.closing(sqlite3.connect(":memory:")) as database:
        database.execute("create table django_migrations (app text, name text)")
        database.execute("insert into django_migrations values ('lms', '0001')")
        database.commit()
        migrated_db.keep(database, old)
    (project / "lms" / "migrations" / "0002_more.py").write_text("# two\n")
    new = migrated_db.cached_copy()
    with contextlib.closing(sqlite3.connect(":memory:")) as database:
        database.execute("create table django_migrations (app text, name text)")
        database.executemany(
            "insert into django_migrations values (?, ?)",
            [("lms", "0001"), ("lms", "0002")],
        )
        database.commit()
        migrated_db.keep(database, new)

    assert not old.exists()
    with contextlib.closing(sqlite3.connect(":memory:")) as restored:
        migrated_db.restore(new, restored)
        rows = restored.execute("select name from django_migrations").fetchall()
    assert rows == [("0001",), ("0002",)]
