"""Every route that shows staff someone else's data (or a staff tool) needs the
staff role *now* and MFA, wherever it lives.

The staff routes are read from the authorization matrix: every URL where a staff
role succeeds and a learner is refused someone else's record. For each of them, a
staff user without an authenticator is sent to set one up, and a staff user whose
role is taken away while signed in (session and cached user kept) is refused.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, reverse

from lms.accounts.permissions import ROLE_ADMIN, ROLE_TRAINER
from tests.factories import UserFactory, make_course, make_question, make_quiz

from .matrix import MATRIX
from .world import GROUP_OF_ROLE, PESERTA, STAFF_ROLES, build_world

MFA_SETUP = "/accounts/2fa/totp/activate/"
SUCCESS = (200, 302)
# A learner action, not a staff screen: trainers and administrators are only
# told there that they are not enrolled.
LEARNER_ACTIONS = {"quizzes:start"}


def _staff_cells(rule) -> list[tuple[str, bool]]:
    """(role, own) pairs where a staff role succeeds on a route that refuses a
    learner someone else's record."""
    if rule.expected(PESERTA, False) in SUCCESS:
        return []
    return [
        (role, own)
        for role in sorted(STAFF_ROLES)
        for own in (True, False)
        if rule.expected(role, own) in SUCCESS
    ]


STAFF_ROUTES = sorted(
    name
    for name, rule in MATRIX.items()
    if name not in LEARNER_ACTIONS and _staff_cells(rule)
)


def _url(name, rule, world, own) -> str:
    params = rule.kwargs(world, own) if rule.kwargs else {}
    try:
        if isinstance(params, tuple | list):
            return reverse(name, args=params)
        return reverse(name, kwargs=params)
    except NoReverseMatch:
        return "/" + name


def _send(client, rule, world, own, url):
    data = rule.data(world, own) if rule.data else {}
    return [
        getattr(client, method.lower())(url, data)
        for method in (rule.method, *rule.also)
    ]


def _refused(response) -> bool:
    return response.status_code in (403, 404) or (
        response.status_code == 302
        and response["Location"].startswith(reverse("account_login"))
    )


def test_the_walk_finds_the_staff_routes_outside_cms_and_hr():
    assert {
        "certificates:download",
        "competencies:evidence",
        "competencies:claim_evidence",
        "quizzes:report",
        "quizzes:regrade",
        "certificates:bundle_download",
        "hr:transcript",
    } <= set(STAFF_ROUTES)


@pytest.mark.django_db
@pytest.mark.usefixtures("shared_memory_cache")
@pytest.mark.parametrize("url_name", STAFF_ROUTES)
def test_staff_route_needs_mfa_and_the_current_role(url_name):
    rule = MATRIX[url_name]
    world = build_world()
    failures = []
    for role, own in _staff_cells(rule):
        user = world.users[role]
        url = _url(url_name, rule, world, own)
        client = Client()
        client.force_login(user)

        Authenticator.objects.filter(user=user).delete()
        for response in _send(client, rule, world, own, url):
            if not (
                response.status_code == 302
                and response["Location"].startswith(MFA_SETUP)
            ):
                failures.append(
                    f"{role} {'own' if own else 'other'} without MFA {url}: "
                    f"{response.status_code} {response.get('Location', '')}"
                )
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "x"}
        )

        client.get(reverse("accounts:profile"))  # the signed-in user is cached
        group = Group.objects.get(name=GROUP_OF_ROLE[role])
        user.groups.remove(group)
        for response in _send(client, rule, world, own, url):
            if not _refused(response):
                failures.append(
                    f"{role} {'own' if own else 'other'} after losing the role "
                    f"{url}: {response.status_code} {response.get('Location', '')}"
                )
        user.groups.add(group)
    assert not failures, "\n".join(failures)


def _demote_by_user(user, group):
    user.groups.remove(group)


def _demote_by_group(user, group):
    group.user_set.remove(user)


def _demote_as_the_admin_form_does(user, group):
    user.groups.set(user.groups.exclude(pk=group.pk))


def _demote_by_clearing(user, group):
    user.groups.clear()


@pytest.mark.django_db
@pytest.mark.usefixtures("shared_memory_cache")
@pytest.mark.parametrize(
    "demote",
    [
        _demote_by_user,
        _demote_by_group,
        _demote_as_the_admin_form_does,
        _demote_by_clearing,
    ],
)
@pytest.mark.parametrize(
    "url",
    [
        "/kuis/{quiz}/laporan/",
        "/kuis/kursus/{course}/laporan/",
        "/kuis/{quiz}/pratinjau/?kunci=1",
        "/kuis/{quiz}/nilai-ulang/",
    ],
)
def test_a_trainer_who_loses_the_role_loses_their_course_data_at_once(
    catalog, demote, url
):
    trainer = UserFactory(roles=[ROLE_TRAINER], is_staff=True)
    course = make_course(catalog, trainer=trainer)
    quiz = make_quiz(course, [make_question(course)])
    url = url.format(quiz=quiz.pk, course=course.pk)
    client = Client()
    client.force_login(trainer)
    assert client.get(url).status_code == 200

    demote(trainer, Group.objects.get(name=ROLE_TRAINER))

    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "apply"}).status_code == 404


@pytest.mark.django_db
def test_django_admin_needs_mfa_even_for_a_superuser(client):
    superuser = UserFactory(is_superuser=True, is_staff=True, mfa=False)
    client.force_login(superuser)
    response = client.get("/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{MFA_SETUP}?next=/django-admin/"
    Authenticator.objects.create(user=superuser, type=Authenticator.Type.TOTP, data={})
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.django_db
def test_staff_see_their_own_certificate_without_mfa(catalog, unit):
    """MFA guards other people's records; one's own certificate is a learner's."""
    from certificates.services import issue_certificate
    from tests.factories import AsnProfileFactory, complete_enrolment_for

    trainer = AsnProfileFactory(
        unit=unit, user__roles=[ROLE_ADMIN], user__mfa=False
    ).user
    course = make_course(catalog)
    certificate = issue_certificate(enrolment=complete_enrolment_for(trainer, course))
    client = Client()
    client.force_login(trainer)
    response = client.get(reverse("certificates:download", args=[certificate.code]))
    assert response.status_code == 200
