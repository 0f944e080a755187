"""Rate limits on what takes a secret without a sign-in and on what sends e-mail.

- Links that carry their own secret (the calendar feed key, the digest opt-out
  tokens): a client that guessed wrong too often gets 429 for its wrong guesses;
  right secrets are neither counted nor refused (a calendar service fetches many
  people's feeds from one address, bogus subscriptions among them).
- The LTI login initiation and launch (anonymous; a login writes a state row).
- Buttons that send e-mail (the supervisor's *Ingatkan*, HR's *Kirim sekarang*):
  per person.
"""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from courses.agenda import feed_key
from courses.services import enrol
from lms.discussion.services import digest_opt_out_token as discussion_token
from lms.lti.models import LtiLaunchState
from lms.lti.platform_fake import FakePlatform
from lms.team.services import digest_opt_out_token as team_token
from tests.factories import AsnProfileFactory, client_as, make_course, make_hr_officer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


@pytest.fixture
def person(unit):
    return AsnProfileFactory(unit=unit).user


SECRET_LINKS = {
    "calendar feed": lambda user: reverse("courses:agenda_feed", args=[feed_key(user)]),
    "team digest opt-out": lambda user: reverse(
        "team:digest_opt_out", args=[team_token(user)]
    ),
    "discussion digest opt-out": lambda user: reverse(
        "discussion:digest_opt_out", args=[discussion_token(user)]
    ),
}


def _guesses(right: str, count: int) -> list[str]:
    """``count`` addresses like ``right`` with a wrong secret (the secret's last
    two characters changed)."""
    suffix = ".ics" if right.endswith(".ics") else "/"
    body = right.removesuffix(suffix)
    guesses = (f"{body[:-2]}{n:02d}{suffix}" for n in range(100))
    return [guess for guess in guesses if guess != right][:count]


@pytest.mark.parametrize("kind", sorted(SECRET_LINKS))
def test_wrong_secrets_in_links_are_limited_per_client(kind, person, settings):
    settings.SIGAP_SECRET_LINK_MISS_RATE = "3/m"
    right = SECRET_LINKS[kind](person)
    # One address per kind: with Redis the counts outlive a test.
    guesser = _from(f"198.51.100.{10 + sorted(SECRET_LINKS).index(kind)}")
    assert guesser.get(right).status_code == 200
    # Right secrets are not counted.
    assert all(guesser.get(right).status_code == 200 for _ in range(5))
    misses = [guesser.get(url).status_code for url in _guesses(right, 5)]
    assert misses == [404, 404, 404, 429, 429]
    # The owner's own fetches from that same (shared) address still work.
    assert guesser.get(right).status_code == 200
    # Someone else, elsewhere, guesses afresh.
    assert _from("203.0.113.9").get(_guesses(right, 1)[0]).status_code == 404


def test_the_lti_login_is_limited_per_client_and_writes_no_more_state(
    settings, catalog
):
    settings.SIGAP_LTI_RATE_LIMIT = "3/m"
    fake = FakePlatform()
    fake.register()
    course = make_course(catalog, lessons=1)
    data = {
        "iss": fake.issuer,
        "client_id": fake.client_id,
        "login_hint": "41",
        "target_link_uri": f"{settings.SITE_URL}/lti/kursus/{course.pk}/",
    }
    flooder = _from("198.51.100.8")
    statuses = [flooder.post("/lti/login/", data).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert LtiLaunchState.objects.count() == 3
    assert flooder.post("/lti/launch/", {"id_token": "x"}).status_code == 429
    assert _from("203.0.113.9").post("/lti/login/", data).status_code == 302


def test_a_supervisor_cannot_send_more_nudges_than_the_limit(unit, catalog, settings):
    settings.SIGAP_EMAIL_BUTTON_RATE = "2/h"
    boss = AsnProfileFactory(unit=unit).user
    deadline = datetime.date.today() + datetime.timedelta(days=5)
    enrolments = []
    for index in range(3):
        member = AsnProfileFactory(unit=unit, supervisor=boss).user
        course = make_course(catalog, lessons=1, title=f"Kursus {index}")
        enrolments.append(enrol(user=member, course=course, deadline=deadline)[0])
    client = client_as(boss)
    statuses = [
        client.post(reverse("team:nudge", args=[enrolment.pk])).status_code
        for enrolment in enrolments
    ]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_hr_send_now_is_limited_per_officer(unit, settings):
    settings.SIGAP_EMAIL_BUTTON_RATE = "2/h"
    client = client_as(make_hr_officer(unit))
    statuses = [client.post(reverse("hr:reminders_send")).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_a_refused_lti_login_keeps_no_more_than_a_line_of_what_was_sent(db):
    from lms.audit.models import AuditEvent

    response = Client().post(
        "/lti/login/",
        {
            "iss": "https://x.example/" + "a" * 100_000,
            "login_hint": "1",
            "target_link_uri": "x",
        },
    )

    assert response.status_code == 400
    event = AuditEvent.objects.get(action="lti.launch_refused")
    assert len(str(event.data)) < 2_000
