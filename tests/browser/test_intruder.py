"""A newcomer tries to reach other people's records and another trainer's course.

A brand-new learner signs up in headless Chromium and types the addresses of the
demo learner's attempt, result, certificate, competency evidence and claim, and
of the Wagtail admin; then a second trainer (with MFA) opens the demo trainer's
course in the admin. Every attempt is refused; each refusal is screenshotted
under ``test-artifacts/security/``.
"""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ARTIFACTS,
    DEMO_PASSWORD,
    STEP_TIMEOUT_MS,
    VIEWPORTS,
)

pytestmark = pytest.mark.browser

SHOTS = ARTIFACTS / "security"


@pytest.fixture
def page(browser, live_site, viewport):
    """A fresh context without axe-core: these journeys look at refusals only."""
    context = browser.new_context(
        base_url=live_site.url,
        viewport=VIEWPORTS[viewport],
        locale="id-ID",
        timezone_id="Asia/Jakarta",
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    page = context.new_page()
    page.sigap_viewport = viewport
    yield page
    context.close()


TARGETS = r"""
import json
from django.apps import apps
from django.urls import reverse
from lms.accounts.models import User
from courses.models import CoursePage
victim = User.objects.get(email="peserta@sigap.test")
urls = {}
if apps.is_installed("courses.quizzes"):
    from courses.quizzes.models import Attempt
    attempt = Attempt.objects.filter(user=victim).order_by("pk").first()
    if attempt:
        urls["percobaan kuis"] = reverse("quizzes:attempt", args=[attempt.pk])
        urls["hasil kuis"] = reverse("quizzes:result", args=[attempt.pk])
try:
    from certificates.models import Certificate
    cert = Certificate.objects.filter(enrolment__user=victim).first()
    if cert:
        urls["unduh sertifikat"] = reverse("certificates:download", args=[cert.code])
except Exception:
    pass
from lms.competencies.models import CompetencyEvidence, ExternalLearningClaim
evidence = CompetencyEvidence.objects.filter(user=victim).first()
if evidence:
    urls["bukti kompetensi"] = reverse("competencies:evidence", args=[evidence.pk])
claim = ExternalLearningClaim.objects.filter(user=victim).first()
if claim:
    urls["bukti klaim"] = reverse("competencies:claim_evidence", args=[claim.pk])
urls["admin Wagtail"] = "/cms/"
urls["HR"] = "/hr/"
course = CoursePage.objects.filter(trainer__email="pengajar@sigap.test").first()
print(json.dumps({"urls": urls, "course": course.pk, "course_title": course.title}))
"""

NEW_TRAINER = r"""
from django.contrib.auth.models import Group
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from lms.accounts.models import User
user, _ = User.objects.get_or_create(
    email="{email}", defaults=dict(name="Pengajar Baru")
)
user.set_password("{password}")
user.is_staff = True
user.privacy_notice_shown_at = user.date_joined
user.save()
user.groups.add(Group.objects.get(name="Pengajar"))
EmailAddress.objects.get_or_create(
    user=user, email=user.email, defaults=dict(verified=True, primary=True)
)
TOTP.activate(user, "{secret}")
"""


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SHOTS / f"{name}-{page.sigap_viewport}.png"), full_page=True
    )


def _refused(page, response) -> bool:
    """Refused = a 403/404, or sent away to sign-in or the admin home."""
    if response is not None and response.status in (403, 404):
        return True
    return bool(re.search(r"/accounts/login/|/cms/$|/accounts/2fa/", page.url))


def test_newcomer_cannot_reach_other_peoples_records(page, live_site):
    targets = json.loads(live_site.shell(TARGETS).strip().splitlines()[-1])
    email = f"penyusup-{uuid.uuid4().hex[:8]}@contoh.go.id"
    page.goto("/accounts/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", "Penyusup-Rahasia-2026")
    page.fill("input[name=password2]", "Penyusup-Rahasia-2026")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("button", name="Saya telah membaca dan memahami").click()
    expect(page).to_have_url(re.compile(r"/akun/profil/"))

    opened = []
    for label, url in targets["urls"].items():
        response = page.goto(url)
        _shot(page, "peserta-baru-" + re.sub(r"\W+", "-", label))
        if not _refused(page, response):
            opened.append(f"{label}: {url} -> {response.status} {page.url}")
    assert not opened, opened
    assert len(targets["urls"]) >= 3


def test_second_trainer_cannot_edit_the_demo_trainers_course(page, live_site):
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        generate_totp_secret,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    targets = json.loads(live_site.shell(TARGETS).strip().splitlines()[-1])
    secret = generate_totp_secret()
    email = f"pengajar-{uuid.uuid4().hex[:8]}@contoh.go.id"
    live_site.shell(
        NEW_TRAINER.format(email=email, password=DEMO_PASSWORD, secret=secret)
    )
    page.goto("/cms/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]:not([form])").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/"))
    _shot(page, "pengajar-kedua-kode-mfa")
    counters = list(yield_hotp_counters_from_time())
    page.fill(
        "input[name=code]",
        format_hotp_value(hotp_value(secret, counters[len(counters) // 2])),
    )
    page.locator("main form button[type=submit]:not([form])").click()
    expect(page).to_have_url(re.compile(r"/cms/"))
    _shot(page, "pengajar-kedua-dasbor-cms")

    response = page.goto(f"/cms/pages/{targets['course']}/edit/")
    _shot(page, "pengajar-kedua-sunting-kursus-orang-lain")
    assert _refused(page, response), page.url
    assert targets["course_title"] not in page.locator("main").inner_text() or (
        "izin" in page.content().lower() or "permission" in page.content().lower()
    )
    response = page.goto(f"/cms/pages/{targets['course']}/delete/")
    assert _refused(page, response), page.url
