"""Fixtures for ``make reliability``: a real database of its own, seeded once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.live_process import manage
from tests.reliability.live import (
    create_postgres_database,
    drop_postgres_database,
    is_postgres,
    production_env,
)


@dataclass
class LiveDatabase:
    """A migrated, seeded database (PostgreSQL when DATABASE_URL says so)."""

    url: str
    media_root: Path
    env: dict

    @property
    def is_postgres(self) -> bool:
        return is_postgres(self.url)


@pytest.fixture(scope="session")
def live_database(tmp_path_factory) -> LiveDatabase:
    base = tmp_path_factory.mktemp("reliability")
    configured = os.environ.get("DATABASE_URL", "")
    if is_postgres(configured):
        url = configured.rsplit("/", 1)[0] + f"/sigap_rel_{os.getpid()}"
        create_postgres_database(url)
    else:
        url = f"sqlite:///{base / 'reliability.sqlite3'}"
    env = production_env(url, base / "media")
    manage(env, "migrate", "--noinput", "-v0", timeout=600)
    manage(env, "seed_demo", timeout=600)
    yield LiveDatabase(url=url, media_root=base / "media", env=env)
    if is_postgres(url):
        drop_postgres_database(url)
