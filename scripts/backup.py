"""Back up and restore Sigap: the database and the media files, with a manifest.

    python scripts/backup.py backup  [--out DIR]        # make backup
    python scripts/backup.py restore BACKUP_DIR         # make restore BACKUP=...
    python scripts/backup.py verify  BACKUP_DIR         # compare live data to it

Targets come from the same environment as the site (DATABASE_URL, MEDIA_ROOT,
PRIVATE_MEDIA_ROOT, MEDIA_STORAGE).
PostgreSQL: ``pg_dump --format=custom`` / ``pg_restore --clean``; SQLite: the online
backup API. Media: one tar.gz holding both folders, the public media (``media/``)
and the private files (``private-media/``: certificates, bundles, claim evidence, HR
job files). ``manifest.json`` records, for every table, its row count and a checksum
of its rows, and the SHA-256 of every file of both folders; ``restore`` ends by
verifying the restored data against it and fails loudly on any difference.

With ``MEDIA_STORAGE=s3`` the media live in the bucket, which is protected by its
own versioning and replication (README, "Backup and restore"): only the database is
backed up and restored, and the media are neither archived nor compared.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
if os.environ.get("DEBUG") is None and not os.environ.get("SECRET_KEY"):
    os.environ["DEBUG"] = "1"  # a maintenance command needs no signing key

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

# Rows that change by themselves (sessions, cache) are not part of the comparison.
VOLATILE_TABLES = {"django_session", "sigap_cache"}

MEDIA_IN_BUCKET = (
    "Media disimpan di object storage (MEDIA_STORAGE=s3): berkas media tidak "
    "dicadangkan di sini; lindungi dengan versioning dan replikasi bucket. "
    "Hanya basis data yang dicadangkan dan dipulihkan."
)


def media_in_bucket() -> bool:
    return getattr(settings, "MEDIA_STORAGE", "filesystem") == "s3"


def _pg_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgresql://{user}{password}@{host}:{port}/{db['NAME']}"


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def table_fingerprints() -> dict[str, dict]:
    """Row count and an order-independent checksum of every table's rows."""
    result = {}
    tables = sorted(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in tables:
            if table in VOLATILE_TABLES:
                continue
            quoted = connection.ops.quote_name(table)
            if _is_postgres():
                cursor.execute(
                    f"SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' "
                    f"ORDER BY md5(t::text))), '') FROM {quoted} t"
                )
                count, digest = cursor.fetchone()
            else:
                cursor.execute(f"SELECT * FROM {quoted}")
                rows = sorted(
                    hashlib.md5(repr(row).encode()).hexdigest() for row in cursor
                )
                count = len(rows)
                digest = hashlib.md5("".join(rows).encode()).hexdigest() if rows else ""
            result[table] = {"rows": count, "checksum": digest}
    return result


def media_folders() -> dict[str, Path]:
    """The folders a backup holds, by their name in the archive and the manifest."""
    return {
        "media": Path(settings.MEDIA_ROOT),
        "private_media": Path(settings.PRIVATE_MEDIA_ROOT),
    }


def media_fingerprints(root: Path) -> dict[str, str]:
    files = {}
    if root.exists():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                files[str(path.relative_to(root))] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return files


def backup(out: Path) -> Path:
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    target = out / f"sigap-{stamp}"
    target.mkdir(parents=True)
    if _is_postgres():
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target / "database.dump"),
                _pg_url(),
            ],
            check=True,
            timeout=3600,
        )
        database_file = "database.dump"
    else:
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target / "database.sqlite3")
        with copy:
            source.backup(copy)
        source.close()
        copy.close()
        database_file = "database.sqlite3"
    if not media_in_bucket():
        with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
            for name, root in media_folders().items():
                if root.exists():
                    archive.add(root, arcname=name)
    manifest = {
        "created": stamp,
        "engine": connection.vendor,
        "database_file": database_file,
        "tables": table_fingerprints(),
        "media_storage": "s3" if media_in_bucket() else "filesystem",
        **{
            name: {} if media_in_bucket() else media_fingerprints(root)
            for name, root in media_folders().items()
        },
    }
    (target / "manifest.json").write_text(
        json.dumps(manifest, indent=1, sort_keys=True)
    )
    return target


def verify(source: Path) -> list[str]:
    """Differences between the live data and the backup's manifest (empty: equal)."""
    manifest = json.loads((source / "manifest.json").read_text())
    problems = []
    live_tables = table_fingerprints()
    for table, expected in manifest["tables"].items():
        found = live_tables.get(table)
        if found is None:
            problems.append(f"table {table} is missing")
        elif found["rows"] != expected["rows"]:
            problems.append(
                f"{table}: {found['rows']} rows, backup had {expected['rows']}"
            )
        elif found["checksum"] != expected["checksum"]:
            problems.append(f"{table}: same row count but different contents")
    if media_in_bucket():
        return problems
    for folder, root in media_folders().items():
        live_media = media_fingerprints(root)
        # A backup made before private files had their folder has no such entry.
        for name, digest in manifest.get(folder, {}).items():
            if live_media.get(name) != digest:
                problems.append(f"{folder} file {name} missing or different")
    return problems


def restore(source: Path) -> None:
    manifest = json.loads((source / "manifest.json").read_text())
    if manifest["engine"] != connection.vendor:
        raise SystemExit(
            f"backup is from {manifest['engine']}, this site uses {connection.vendor}"
        )
    if not media_in_bucket() and not (source / "media.tar.gz").exists():
        raise SystemExit(
            "Cadangan ini tidak berisi media.tar.gz (dibuat dengan MEDIA_STORAGE=s3); "
            "pulihkan media dari bucket atau setel MEDIA_STORAGE=s3."
        )
    if _is_postgres():
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                _pg_url(),
                str(source / manifest["database_file"]),
            ],
            check=True,
            timeout=3600,
        )
    else:
        connection.close()
        target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        backup_db = sqlite3.connect(source / manifest["database_file"])
        with target:
            backup_db.backup(target)
        backup_db.close()
        target.close()
    if media_in_bucket():
        return
    for name, root in media_folders().items():
        _restore_folder(source / "media.tar.gz", name, root)


def _restore_folder(archive_path: Path, name: str, root: Path) -> None:
    """Replace ``root`` with the archive's folder ``name`` (empty if it has none)."""
    if root.exists():
        shutil.rmtree(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    scratch = root.parent / f".restore-tmp-{name}"
    with tarfile.open(archive_path) as archive:
        members = [m for m in archive.getmembers() if m.name.split("/")[0] == name]
        archive.extractall(scratch, members=members, filter="data")
    extracted = scratch / name
    if extracted.exists():
        extracted.rename(root)
    else:
        root.mkdir()
    shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    make = sub.add_parser("backup")
    make.add_argument("--out", type=Path, default=REPO / "backups")
    for name in ("restore", "verify"):
        sub.add_parser(name).add_argument("source", type=Path)
    args = parser.parse_args(argv)
    if media_in_bucket():
        print(MEDIA_IN_BUCKET)
    if args.action == "backup":
        target = backup(args.out)
        manifest = json.loads((target / "manifest.json").read_text())
        rows = sum(table["rows"] for table in manifest["tables"].values())
        print(
            f"Cadangan tersimpan: {target}\n"
            f"  {len(manifest['tables'])} tabel, {rows} baris, "
            f"{len(manifest['media'])} berkas media, "
            f"{len(manifest.get('private_media', {}))} berkas privat"
        )
        return 0
    if args.action == "restore":
        restore(args.source)
    problems = verify(args.source)
    if problems:
        print("Pemeriksaan GAGAL:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(
        f"Pemeriksaan cocok dengan {args.source / 'manifest.json'}: "
        "semua tabel dan berkas media sama."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
