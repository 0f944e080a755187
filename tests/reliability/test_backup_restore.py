"""`make backup` then `make restore` into an empty database and media folders: every
table's rows, every media file and every private file (certificates, claim evidence)
come back, checked by counts and checksums."""

import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.reliability.live import (
    REPO,
    create_postgres_database,
    drop_postgres_database,
    is_postgres,
)

pytestmark = pytest.mark.reliability


def _backup_tool(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/backup.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _damage_one_row(url: str) -> None:
    """Damage the restored copy a little, to prove that verify notices."""
    sql = (
        "UPDATE courses_topic SET description = description || ' (diubah)' "
        "WHERE id = (SELECT min(id) FROM courses_topic)"
    )
    if is_postgres(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)
    else:
        with sqlite3.connect(urlsplit(url).path[1:]) as conn:
            conn.execute(sql)


def test_backup_and_restore_round_trip_keeps_every_record_and_file(
    live_database, tmp_path
):
    media = sorted(p for p in Path(live_database.media_root).rglob("*") if p.is_file())
    assert media, "the demo data should include media files (course covers)"
    private_root = Path(live_database.env["PRIVATE_MEDIA_ROOT"])
    private = sorted(p for p in private_root.rglob("*") if p.is_file())
    assert private, "the demo data should include private files (certificates)"
    made = _backup_tool(live_database.env, "backup", "--out", str(tmp_path / "backups"))
    assert made.returncode == 0, made.stderr
    backup_dir = next((tmp_path / "backups").iterdir())

    if live_database.is_postgres:
        restored_url = live_database.url + "_restored"
        create_postgres_database(restored_url)
    else:
        restored_url = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    env = {
        **live_database.env,
        "DATABASE_URL": restored_url,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private-media"),
    }
    try:
        restored = _backup_tool(env, "restore", str(backup_dir))
        assert restored.returncode == 0, restored.stderr + restored.stdout
        assert "cocok" in restored.stdout
        restored_media = sorted((tmp_path / "restored-media").rglob("*"))
        assert len([p for p in restored_media if p.is_file()]) == len(media)
        restored_private = {
            p.relative_to(tmp_path / "restored-private-media"): p.read_bytes()
            for p in (tmp_path / "restored-private-media").rglob("*")
            if p.is_file()
        }
        assert restored_private == {
            p.relative_to(private_root): p.read_bytes() for p in private
        }

        _damage_one_row(restored_url)
        checked = _backup_tool(env, "verify", str(backup_dir))
        assert checked.returncode == 1
        assert "courses_topic" in checked.stderr
    finally:
        if is_postgres(restored_url):
            drop_postgres_database(restored_url)
