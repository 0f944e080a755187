"""Signing staff in as a person would, MFA included (allauth TOTP)."""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from tests.browser.helpers import DEMO_PASSWORD


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")


def reach_staff_area(page, path: str, password: str = DEMO_PASSWORD) -> None:
    """Open ``path``; on the way, confirm the password and activate TOTP if asked."""
    page.goto(path)
    for _ in range(6):
        page.wait_for_load_state("load")
        if "/reauthenticate/" in page.url:
            page.fill("input[name=password]", password)
            page.locator("main form button[type=submit]").click()
        elif "/2fa/totp/activate/" in page.url:
            secret = page.locator("#authenticator_secret").input_value()
            page.fill("input[name=code]", totp_code(secret))
            page.locator("main form button[type=submit]").click()
        elif "/2fa/authenticate/" in page.url:
            raise AssertionError("this journey expects MFA to be set up afresh")
        elif not page.url.split("?")[0].endswith(path):
            page.goto(path)
        else:
            return
    expect(page).to_have_url(re.compile(re.escape(path)))
