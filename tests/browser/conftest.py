"""Fixtures for browser journeys: a live Sigap with demo data, and headless Chromium.

The live site is a gunicorn subprocess on a free 127.0.0.1 port with its own SQLite
file and media, copied from a site migrated and seeded once per run by ``seed_demo``
(journeys create their own people, so they can share it). Chromium is Debian's
``/usr/bin/chromium``; no browser is ever downloaded. Without Chromium (or axe-core
for the accessibility checks) the tests skip with the reason, unless
``SIGAP_BROWSER_REQUIRED=1`` (set in CI), where a missing tool is a failure.

A failing browser test leaves a screenshot, the page's HTML and the server's log
under ``test-artifacts/`` and prints their paths in the failure report.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import migrated_db
from tests.live_process import REPO, free_port, manage

ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path(os.environ.get("SIGAP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {
    "360px": {"width": 360, "height": 740},
    "1280px": {"width": 1280, "height": 800},
}
DEMO_PASSWORD = "sigap-demo-2026"
SERVER_START_TIMEOUT = 60
STEP_TIMEOUT_MS = 15_000


def _unavailable(reason: str):
    """Skip, or fail in CI where the browser tools must be present."""
    if os.environ.get("SIGAP_BROWSER_REQUIRED") == "1":
        pytest.fail(f"{reason} (SIGAP_BROWSER_REQUIRED=1)", pytrace=False)
    pytest.skip(reason)


@dataclass
class LiveSite:
    """A running Sigap: its base URL, its environment and its log file."""

    url: str
    env: dict
    log: Path
    process: subprocess.Popen
    _shell: subprocess.Popen | None = None

    def manage(self, *args: str, timeout: int = 60) -> str:
        """Run a management command against the live site's database."""
        return manage(self.env, *args, timeout=timeout)

    def shell(self, code: str, timeout: int = 60) -> str:
        """Run Python code as ``manage.py shell -c`` would, against the live
        database; what it printed. One Django shell per live site runs every piece
        (tests/browser/django_shell.py), started on the first."""
        if self._shell is None or self._shell.poll() is not None:
            with self.log.open("a") as log_file:
                self._shell = subprocess.Popen(
                    [sys.executable, str(Path(__file__).with_name("django_shell.py"))],
                    cwd=REPO,
                    env=self.env,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log_file,
                )
        shell = self._shell
        assert shell.stdin is not None and shell.stdout is not None
        request = code.encode()
        shell.stdin.write(b"%d\n" % len(request) + request)
        shell.stdin.flush()
        ready, _, _ = select.select([shell.stdout], [], [], timeout)
        header = shell.stdout.readline() if ready else b""
        if not header:
            shell.kill()
            raise RuntimeError(
                f"the Django shell gave no answer in {timeout} s "
                f"(exit status {shell.poll()}); see {self.log}"
            )
        reply = json.loads(shell.stdout.read(int(header)))
        if not reply["ok"]:
            raise RuntimeError("manage.py shell failed:\n" + reply["out"][-3000:])
        return reply["out"]

    def close(self) -> None:
        if self._shell is not None and self._shell.poll() is None:
            assert self._shell.stdin is not None
            self._shell.stdin.close()
            try:
                self._shell.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._shell.kill()


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"live server exited; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"live server did not answer {url} in time; see {log}")


def _site_env(base: Path) -> dict:
    """The environment of a live site whose database and media are under ``base``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "PYTEST"))
    }
    env.update(
        DEBUG="1",
        SIGAP_TESTING="1",  # immediate tasks, cheap password hashing
        # The journeys mark lessons done as they go; the time a lesson must be
        # open first is pinned in tests/courses/test_learning_time.py.
        SIGAP_MIN_TIME_SHARE="0",
        DATABASE_URL=f"sqlite:///{base / 'browser.sqlite3'}",
        MEDIA_ROOT=str(base / "media"),
        PRIVATE_MEDIA_ROOT=str(base / "private-media"),
        PYTHONUNBUFFERED="1",
    )
    return env


def _copy_site(source: Path, target: Path) -> None:
    """The database and the media files."""
    migrated_db.copy_database(source / "browser.sqlite3", target / "browser.sqlite3")
    for folder in ("media", "private-media"):
        if (source / folder).exists():
            shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)


def _seeded_site(tmp_path_factory) -> Path:
    """A migrated site with the demo data, made once per run: the first xdist
    worker makes it (from the migrated copy of tests/migrated_db.py when there is
    one) while the others wait, then each copies it (a second, against a minute
    and a half to migrate and seed its own)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    run = tmp_path_factory.getbasetemp()
    shared = (run.parent if worker else run) / "seeded-site"
    shared.mkdir(exist_ok=True)
    with migrated_db.FileLock(shared / "lock"):
        if not (shared / "seeded").exists():
            migrated = migrated_db.cached_copy()
            if migrated.exists():
                migrated_db.copy_database(migrated, shared / "browser.sqlite3")
            env = _site_env(shared)
            # ``migrate`` also on the copy: it then finds nothing to do.
            manage(env, "migrate", "--noinput", "-v0", timeout=600)
            manage(env, "seed_demo", timeout=600)
            (shared / "seeded").touch()
    return shared


@pytest.fixture(scope="session")
def live_site(tmp_path_factory) -> LiveSite:
    """Sigap served by gunicorn on 127.0.0.1 with the demo data (once per session)."""
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        _unavailable("gunicorn is not installed in this environment")
    base = tmp_path_factory.mktemp("live_site")
    ARTIFACTS.mkdir(exist_ok=True)
    # Under pytest-xdist (``make test-browser`` runs one worker per core) each
    # worker serves its own site from its own copy of the database, with its log.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    log = ARTIFACTS / (f"live-server-{worker}.log" if worker else "live-server.log")
    _copy_site(_seeded_site(tmp_path_factory), base)
    env = _site_env(base)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env["SITE_URL"] = url
    # A new log for this run, appended to by gunicorn and the Django shell alike:
    # a writer that opened it with "w" would write over the other's lines.
    log.unlink(missing_ok=True)
    with log.open("a") as log_file:
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "lms.wsgi",
                f"--bind=127.0.0.1:{port}",
                "--workers=1",
                "--worker-class=gthread",
                "--threads=8",
                "--timeout=60",
                "--access-logfile=-",
            ],
            cwd=REPO,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(f"{url}/health/ping", process, log)
        site = LiveSite(url=url, env=env, log=log, process=process)
        yield site
        site.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, launched once per session."""
    if not CHROMIUM.exists():
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (Python) is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def page(browser, live_site, viewport, axe_source):
    """A fresh browser context (no cookies) at the test's viewport, on the live site."""
    context = browser.new_context(
        base_url=live_site.url,
        viewport=VIEWPORTS[viewport],
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    # Injected before any page script, so a Content-Security-Policy cannot block it.
    context.add_init_script(script=axe_source)
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    page.sigap_viewport = viewport
    yield page
    context.close()


AXE_PATH = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_PATH.exists():
        _unavailable(f"axe-core not installed ({AXE_PATH} missing): run `npm ci`")
    return AXE_PATH.read_text()


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)[:120]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    page = item.funcargs.get("page")
    if page is None or page.is_closed():
        return
    ARTIFACTS.mkdir(exist_ok=True)
    stem = ARTIFACTS / _slug(item.nodeid.split("::", 1)[-1])
    lines = [f"page URL: {page.url}"]
    try:
        page.screenshot(path=f"{stem}.png", full_page=True)
        lines.append(f"screenshot: {stem}.png")
        Path(f"{stem}.html").write_text(page.content())
        lines.append(f"html: {stem}.html")
    except Exception as error:  # noqa: BLE001 - the report must still be written
        lines.append(f"could not save artifacts: {error}")
    live_site = item.funcargs.get("live_site")
    if live_site is not None:
        lines.append(f"server log: {live_site.log}")
    report.sections.append(("browser artifacts", "\n".join(lines)))
