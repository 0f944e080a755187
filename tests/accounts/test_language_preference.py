"""Everyone has a stored language (Bahasa Indonesia unless they choose English):
the site after sign-in, the Wagtail admin and every e-mail to them follow it."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from courses.review import submit_course_for_review
from lms.accounts.permissions import ROLE_REVIEWER
from lms.accounts.services import choose_language
from lms.emails import recipient_language
from tests.factories import UserFactory, add_lesson, client_as
from tests.security.world import PENGAJAR, PENINJAU, build_world
from tests.test_language import choose_language as choose_in_footer

# Password resets are rate-limited per address and per IP (127.0.0.1 here).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

PASSWORD = "rahasia-uji-123"


def stored_language(user) -> str:
    return UserProfile.objects.get(user=user).preferred_language


def test_a_new_person_is_indonesian_until_they_choose(learner):
    assert recipient_language(learner) == "id"
    # Wagtail makes the profile when it first needs one: Indonesian is stored.
    assert UserProfile.get_for_user(learner).preferred_language == "id"


def test_a_learner_chooses_english_on_their_profile_page(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    profile = reverse("accounts:profile")
    html = client.get(profile).content.decode()
    assert 'name="language"' in html and "Bahasa tampilan dan e-mail" in html

    response = choose_in_footer(client, profile, "en")  # the page's first form
    assert response.status_code == 302
    assert stored_language(learner) == "en"
    assert recipient_language(learner) == "en"
    assert '<html lang="en">' in client.get(profile).content.decode()


def test_the_profile_form_shows_the_stored_choice(learner):
    choose_language(user=learner, language="en")
    html = client_as(learner).get(reverse("accounts:profile")).content.decode()
    assert '<option value="en" selected>' in html


def test_the_footer_switch_of_a_signed_in_person_is_remembered(learner, catalog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    choose_in_footer(client, catalog.url, "en")
    assert stored_language(learner) == "en"
    choose_in_footer(client, catalog.url, "id")
    assert stored_language(learner) == "id"


def test_an_anonymous_footer_switch_stores_nothing(catalog):
    client = Client(enforce_csrf_checks=True)
    choose_in_footer(client, catalog.url, "en")
    assert not UserProfile.objects.exists()


def test_an_unsupported_language_is_refused_and_nothing_changes(learner, catalog):
    client = client_as(learner)
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": catalog.url}
    )
    assert response.status_code == 302
    assert recipient_language(learner) == "id"
    with pytest.raises(ValueError):
        choose_language(user=learner, language="fr")


def test_after_signing_in_the_site_is_in_the_persons_language(learner, catalog):
    choose_language(user=learner, language="en")
    client = Client()  # a new device: no language cookie yet
    assert client.get(catalog.url)["Content-Language"] == "id"
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(catalog.url).content.decode()
    assert '<html lang="en">' in html and "Search courses" in html


def test_signing_in_as_an_indonesian_reader_puts_the_site_back_in_indonesian(
    learner, catalog
):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # someone else's choice
    client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}
    )
    assert client.get(catalog.url)["Content-Language"] == "id"


# --- e-mails ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "subject"), [("id", "E-mail Reset Kata Sandi"), ("en", "Password")]
)
def test_allauth_emails_go_out_in_the_recipients_language(learner, language, subject):
    choose_language(user=learner, language=language)
    client = Client()
    with translation.override("en" if language == "id" else "id"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = (
            "en" if language == "id" else "id"
        )
        client.post(reverse("account_reset_password"), {"email": learner.email})
    [email] = mail.outbox
    assert subject in email.subject


def test_an_address_sigap_does_not_know_gets_the_askers_language(db):
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("account_reset_password"), {"email": "siapa@contoh.go.id"})
    [email] = mail.outbox
    assert email.subject == "[Sigap] Unknown Account"


@pytest.fixture
def review_world(db, settings):
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
    world = build_world()
    english_reviewer = UserFactory(
        email="reviewer-en@matrix.test", roles=[ROLE_REVIEWER], is_staff=True
    )
    choose_language(user=english_reviewer, language="en")
    choose_language(user=world.users[PENINJAU], language="id")
    return world, english_reviewer


@pytest.mark.parametrize("submitter_language", ["id", "en"])
def test_moderation_emails_go_out_in_each_reviewers_language(
    review_world, submitter_language
):
    world, english_reviewer = review_world
    lesson = add_lesson(world.course_a, 9)
    with translation.override(submitter_language):  # the trainer's admin request
        lesson.save_revision(user=world.users[PENGAJAR])
        submit_course_for_review(course=world.course_a, user=world.users[PENGAJAR])

    by_recipient = {email.to[0]: email for email in mail.outbox}
    english = by_recipient[english_reviewer.email]
    indonesian = by_recipient[world.users[PENINJAU].email]
    assert "has been submitted for approval" in english.subject
    assert world.course_a.title in english.subject
    assert "diajukan untuk disetujui" in indonesian.subject
    assert "submitted" not in indonesian.subject + indonesian.body
