"""Staff roles set up MFA before any staff screen; learners may skip it."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from lms.accounts.permissions import (
    ROLE_ADMIN,
    ROLE_HR,
    ROLE_LEARNER,
    ROLE_REVIEWER,
    ROLE_TRAINER,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")
PASSWORD = "rahasia-uji-123"


def _code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the current period
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.parametrize("role", [ROLE_TRAINER, ROLE_REVIEWER, ROLE_HR, ROLE_ADMIN])
@pytest.mark.parametrize("area", ["/cms/", "/hr/"])
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, role, area):
    client.force_login(UserFactory(roles=[role], is_staff=True, mfa=False))
    response = client.get(area)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/2fa/totp/activate/?next={area}"


@pytest.mark.parametrize(
    "url",
    [
        "/sertifikat/kelola/",
        "/kuis/{quiz}/laporan/",
        "/kuis/kursus/{course}/laporan/",
        "/kuis/{quiz}/pratinjau/",
    ],
)
def test_staff_screens_outside_cms_and_hr_also_need_an_authenticator(
    client, catalog, url
):
    from tests.factories import make_course, make_question, make_quiz

    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    course = make_course(catalog, trainer=trainer)
    quiz = make_quiz(course, [make_question(course)])
    url = url.format(quiz=quiz.pk, course=course.pk)
    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/2fa/totp/activate/?next={url}"
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.TOTP, data={})
    client.force_login(trainer)
    assert client.get(url).status_code == 200


def test_learners_need_no_mfa(client):
    client.force_login(UserFactory(roles=[ROLE_LEARNER]))
    assert client.get("/kursus-saya/").status_code == 200
    # and /cms/ stays closed to them for want of rights, not of MFA
    assert client.get("/cms/")["Location"].startswith("/accounts/login/")


def test_trainer_activates_totp_gets_recovery_codes_and_reaches_cms(client):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=trainer, email=trainer.email, verified=True, primary=True
    )
    client.post("/accounts/login/", {"login": trainer.email, "password": PASSWORD})
    # allauth asks for the password again before changing security settings
    response = client.get("/accounts/2fa/totp/activate/?next=/cms/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/?next=/cms/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert secret in page.content.decode()
    response = client.post(
        "/accounts/2fa/totp/activate/?next=/cms/", {"code": _code(secret)}
    )
    assert response.status_code == 302
    assert Authenticator.objects.filter(
        user=trainer, type=Authenticator.Type.TOTP
    ).exists()
    assert Authenticator.objects.filter(
        user=trainer, type=Authenticator.Type.RECOVERY_CODES
    ).exists()
    assert client.get("/cms/").status_code == 200


def test_staff_with_totp_must_give_a_code_at_sign_in(client):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    EmailAddress.objects.create(
        user=trainer, email=trainer.email, verified=True, primary=True
    )
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)
    response = client.post(
        "/accounts/login/", {"login": trainer.email, "password": PASSWORD}
    )
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    code_page = client.get("/accounts/2fa/authenticate/").content.decode()
    # The way out ("Batal") reads as secondary beside "Masuk".
    assert re.search(r'form="logout-from-stage"[^>]*class="quiet"', code_page)
    assert not re.search(r'type="submit"\s+class="quiet"\s*>\s*Masuk', code_page)
    client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert "_auth_user_id" not in client.session
    client.post("/accounts/2fa/authenticate/", {"code": _code(secret)})
    assert client.session["_auth_user_id"] == str(trainer.pk)
    assert client.get("/cms/").status_code == 200


def _sign_in_and_activate(client, user, going_to: str):
    """Sign in, go to ``going_to``, be sent to MFA set-up, activate it."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    response = client.get(going_to)
    assert response["Location"].startswith("/accounts/2fa/totp/activate/?next=")
    activate = response["Location"]
    reauthenticate = client.get(activate)["Location"]
    client.post(reauthenticate, {"password": PASSWORD})
    client.get(activate)
    secret = client.session["mfa.totp.secret"]
    # allauth's form posts to the bare URL: ``next`` is not in the request.
    return client.post("/accounts/2fa/totp/activate/", {"code": _code(secret)})


def test_after_mfa_set_up_staff_see_their_codes_then_continue_where_they_were_going(
    client,
):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    going_to = "/cms/snippets/quizzes/question/?type=single"
    response = _sign_in_and_activate(client, trainer, going_to)

    assert response.status_code == 302
    codes_page = response["Location"]
    assert codes_page.startswith("/accounts/2fa/recovery-codes/?next=")
    html = client.get(codes_page).content.decode()
    assert 'id="recovery_codes"' in html  # the codes are shown first
    assert f'href="{going_to.replace("&", "&amp;")}">Lanjutkan</a>' in html
    assert client.get(going_to).status_code == 200


def test_the_continue_link_never_leaves_the_site(client):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    _sign_in_and_activate(client, trainer, "/cms/")
    html = client.get(
        "/accounts/2fa/recovery-codes/?next=https://jahat.example/"
    ).content.decode()
    assert 'href="https://jahat.example/' not in html
    assert "Lanjutkan" not in html


def _demo_code(page) -> str | None:
    found = re.search(r'class="demo-code">(\d{6})<', page)
    return found[1] if found else None


@pytest.mark.parametrize("demo", [True, False], ids=["demo", "not-demo"])
def test_only_the_demo_shows_the_authenticators_current_code(client, settings, demo):
    """``make demo``'s staff accounts can be tried without an authenticator app:
    the set-up and the code pages show the current code. Never outside the demo."""
    from allauth.account.models import EmailAddress

    settings.SIGAP_DEMO = demo
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True, mfa=False)
    EmailAddress.objects.create(
        user=trainer, email=trainer.email, verified=True, primary=True
    )
    client.post("/accounts/login/", {"login": trainer.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    set_up = client.get("/accounts/2fa/totp/activate/").content.decode()
    secret = client.session["mfa.totp.secret"]
    assert _demo_code(set_up) == (_code(secret) if demo else None)
    activated = client.post("/accounts/2fa/totp/activate/", {"code": _code(secret)})
    assert activated.status_code == 302
    client.logout()

    client.post("/accounts/login/", {"login": trainer.email, "password": PASSWORD})
    code_page = client.get("/accounts/2fa/authenticate/").content.decode()
    assert "Autentikasi Dua Faktor" in code_page
    assert _demo_code(code_page) == (_code(secret) if demo else None)
    assert ("Mode demo" in code_page) is demo
