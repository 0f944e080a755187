"""Running Sigap for real in the reliability suite: its own database, gunicorn."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from bench.quiz_load import template_clause
from tests.live_process import REPO, free_port

ARTIFACTS = REPO / "test-artifacts"
BIN = Path(sys.executable).parent


def production_env(database_url: str, media_root: Path, port: int = 0) -> dict:
    """Production settings (DEBUG off) on loopback, without HTTPS redirects."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DATABASE_URL", "SIGAP_TESTING", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        PRIVATE_MEDIA_ROOT=str(media_root.with_name("private-media")),
        SECRET_KEY="reliability-only-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SITE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)  # the database cache: an outage takes it down too
    return env


def is_postgres(url: str) -> bool:
    return urlsplit(url).scheme.startswith("postgres")


def create_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    name = parts.path.lstrip("/")
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"{template_clause()}')


def drop_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    """GET a loopback URL; return (status, body) for every status, never raise."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class Gunicorn:
    """``gunicorn lms.wsgi`` with the project's config on a free loopback port."""

    def __init__(self, env: dict, name: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "SITE_URL": self.url}
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = ARTIFACTS / f"{name}-gunicorn.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        with self.log.open("w") as handle:
            self.process = subprocess.Popen(
                [
                    str(BIN / "gunicorn"),
                    "lms.wsgi",
                    "-c",
                    "gunicorn.conf.py",
                    f"--bind=127.0.0.1:{self.port}",
                    "--workers=1",
                    "--threads=4",
                ],
                cwd=REPO,
                env=self.env,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log}")
            try:
                if get(f"{self.url}/health/ping", timeout=2)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not start; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
