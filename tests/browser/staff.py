"""Signing staff in as a person would, MFA included (allauth TOTP)."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import expect

from tests.browser.helpers import DEMO_PASSWORD


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _no_count(steps: int) -> None:
    """The default ``on_steps``: a journey that does not count its clicks."""


def sign_in(
    page,
    email: str,
    password: str = DEMO_PASSWORD,
    on_steps: Callable[[int], None] = _no_count,
) -> None:
    """Sign in on allauth's form; ``on_steps`` is told the clicks and fills taken."""
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    on_steps(4)


def reach_staff_area(
    page,
    path: str,
    password: str = DEMO_PASSWORD,
    on_steps: Callable[[int], None] = _no_count,
) -> None:
    """Open ``path``; on the way, confirm the password and activate TOTP if asked.
    ``on_steps`` is told each click, fill and address typed."""
    page.goto(path)
    on_steps(1)
    for _ in range(6):
        page.wait_for_load_state("load")
        if "/reauthenticate/" in page.url:
            page.fill("input[name=password]", password)
            page.locator("main form button[type=submit]").click()
            on_steps(2)
        elif "/2fa/totp/activate/" in page.url:
            secret = page.locator("#authenticator_secret").input_value()
            page.fill("input[name=code]", totp_code(secret))
            page.locator("main form button[type=submit]").click()
            on_steps(2)
        elif "/2fa/authenticate/" in page.url:
            raise AssertionError("this journey expects MFA to be set up afresh")
        elif not page.url.split("?")[0].endswith(path):
            page.goto(path)
            on_steps(1)
        else:
            return
    expect(page).to_have_url(re.compile(re.escape(path)))
