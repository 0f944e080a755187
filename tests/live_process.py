"""Sigap run in processes of its own, for the tests that need a real server: the
browser journeys' live site and the reliability suite. One way to run this
checkout's ``manage.py`` and to find a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str, timeout: int = 300) -> str:
    """Run a management command in ``env``; its output, or its own error (the
    end of its stderr) in the test report."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n"
            + done.stderr[-3000:]
        )
    return done.stdout
