"""The signed-in user is read from the shared cache on every page, yet a
deactivation, a password change or a new role takes effect at the next request."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lms.accounts.permissions import ROLE_HR
from tests.factories import client_as

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_memory_cache")]


def _signed_in(client) -> bool:
    response = client.get(reverse("accounts:profile"))
    return response.status_code == 200


def test_a_deactivated_account_is_signed_out_at_its_next_request(learner):
    client = client_as(learner)
    assert _signed_in(client)

    learner.is_active = False
    learner.save()

    assert not _signed_in(client)


def test_a_password_change_signs_out_the_other_sessions(learner):
    phone, laptop = client_as(learner), client_as(learner)
    assert _signed_in(phone) and _signed_in(laptop)

    learner.set_password("kata-sandi-baru-2026")
    learner.save()

    assert not _signed_in(phone)
    assert not _signed_in(laptop)


def test_the_privacy_notice_is_asked_once_then_never_again(user_factory):
    user = user_factory(privacy_notice_shown_at=None)
    client = client_as(user)
    notice = reverse("accounts:privacy_notice")
    assert client.get(reverse("courses:my_courses"))["Location"].startswith(notice)

    client.post(notice)

    assert client.get(reverse("courses:my_courses")).status_code == 200


def test_a_new_role_shows_its_links_at_once_and_each_user_keeps_their_own(
    learner, user_factory
):
    other = user_factory()
    mine, theirs = client_as(learner), client_as(other)
    hr_link = f'href="{reverse("hr:dashboard")}"'
    assert hr_link not in mine.get(reverse("accounts:profile")).content.decode()

    learner.groups.add(Group.objects.get_or_create(name=ROLE_HR)[0])

    assert hr_link in mine.get(reverse("accounts:profile")).content.decode()
    assert hr_link not in theirs.get(reverse("accounts:profile")).content.decode()


def test_with_the_cache_warm_the_signed_in_user_costs_no_query(
    learner, django_assert_num_queries
):
    client = client_as(learner)
    client.get(reverse("courses:my_courses"))
    from django.contrib.auth import get_user

    request = client.get(reverse("courses:my_courses")).wsgi_request
    request.__dict__.pop("_cached_user", None)
    with django_assert_num_queries(0):
        assert get_user(request) == learner


def test_an_erased_person_leaves_no_copy_in_the_cache(learner, learner_client, course):
    from django.core.cache import cache

    from courses.services import enrol
    from lms.accounts.privacy import erase_person

    enrol(user=learner, course=course)
    email = learner.email.encode()
    learner_client.get(course.lessons().first().url)
    assert any(email in value for value in cache._cache.values())

    erase_person(person=learner, by=learner)

    assert not any(email in value for value in cache._cache.values())
    assert not _signed_in(learner_client)
