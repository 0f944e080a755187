"""The benchmark's minimal Django app (bench/minimal_app) and the report's baselines.

The minimal app is the yardstick that makes Sigap's page throughput comparable with
other projects': it must stay what Django's ``startproject`` generates, with one
view, and must not load Sigap (or Wagtail, or allauth) or touch a database.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.run import baselines_table

REPO = Path(__file__).resolve().parent.parent.parent

# Runs under the minimal app's settings in a process of its own: this one is already
# configured with Sigap's.
PROBE = """
import ast, json, pathlib, sys
import django
django.setup()
from django.conf import settings
from django.db import connections
from django.test import Client

template = pathlib.Path(django.__file__).parent / (
    "conf/project_template/project_name/settings.py-tpl"
)
default_middleware = next(
    ast.literal_eval(node.value)
    for node in ast.parse(template.read_text()).body
    if isinstance(node, ast.Assign) and node.targets[0].id == "MIDDLEWARE"
)
response = Client().get("/")
print(json.dumps({
    "status": response.status_code,
    "body": response.content.decode(),
    "debug": settings.DEBUG,
    "middleware_is_startprojects": settings.MIDDLEWARE == default_middleware,
    "database_opened": any(c.connection is not None for c in connections.all()),
    "project_modules": sorted(
        name for name in sys.modules
        if name.split(".")[0]
        in {"lms", "courses", "certificates", "wagtail", "allauth", "whitenoise"}
    ),
}))
"""


def _probe_minimal_app() -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST", "DJANGO"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.minimal_app.settings",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_minimal_app_is_startproject_with_one_view_and_no_sigap_code():
    probe = _probe_minimal_app()
    assert probe["status"] == 200
    assert "Hello, world." in probe["body"]
    assert probe["debug"] is False
    assert probe["middleware_is_startprojects"]
    assert not probe["database_opened"]
    assert probe["project_modules"] == []


def test_report_shows_each_pages_ratio_to_sigaps_ping_and_to_the_minimal_app():
    table = baselines_table(
        [
            {"page": "lesson", "rps": 150.0, "ping_rps": 375.0, "minimal_rps": 1000.0},
            {"page": "verify", "rps": 900.0, "ping_rps": 1800.0, "minimal_rps": 0.0},
        ]
    )
    lesson_row, verify_row = table.splitlines()[2:]
    assert "| lesson | 150.0 | 0.40 " in lesson_row
    assert "| 0.15 " in lesson_row
    # A baseline that served nothing gives 0, not a division error.
    assert "| 0.50 " in verify_row and "| 0.00 " in verify_row
