"""The authorization matrix: every URL × every role × own/other record.

The table lives in ``tests/security/matrix.py``; this module checks that it covers
the whole URLconf and that every cell holds.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from .matrix import COVERED_ELSEWHERE, LOGIN, MATRIX, ROLES
from .urlwalk import iter_routes, sample_path
from .world import ANONYMOUS, build_world


def _covered_elsewhere(route) -> bool:
    return route.key in COVERED_ELSEWHERE or any(
        route.route.lstrip("^").startswith(prefix) for prefix in COVERED_ELSEWHERE
    )


def test_every_url_in_the_urlconf_has_a_matrix_entry():
    missing = sorted(
        f"{route.key}  ({route.route})"
        for route in iter_routes()
        if route.key not in MATRIX and not _covered_elsewhere(route)
    )
    assert not missing, (
        "These URLs have no entry in the authorization matrix. Add one to MATRIX "
        "in tests/security/matrix.py stating what each role gets for its own and "
        "someone else's record:\n  " + "\n  ".join(missing)
    )


def test_matrix_has_no_stale_entries():
    known = {route.key for route in iter_routes()}
    assert not sorted(set(MATRIX) - known), "Remove entries for URLs that are gone."


def _client_for(world, role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(world.users[role])
    return client


def _matches(response, expected) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and response["Location"].startswith(
            reverse("account_login")
        )
    return response.status_code == expected


def _url_for(url_name, rule, world, own) -> str:
    params = rule.kwargs(world, own) if rule.kwargs else {}
    try:
        if isinstance(params, tuple | list):
            return reverse(url_name, args=params)
        return reverse(url_name, kwargs=params)
    except NoReverseMatch:
        return "/" + url_name  # an unnamed pattern, keyed by its route


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_authorization_matrix(url_name):
    rule = MATRIX[url_name]
    world = build_world()
    failures = []
    for own in (True, False):
        url = _url_for(url_name, rule, world, own)
        data = rule.data(world, own) if rule.data else {}
        for role in ROLES:
            expected = rule.expected(role, own)
            client = _client_for(world, role)
            for method in (rule.method, *rule.also):
                response = getattr(client, method.lower())(url, data)
                if not _matches(response, expected):
                    failures.append(
                        f"{role:9} {'own  ' if own else 'other'} {method} {url}: "
                        f"expected {expected}, got {response.status_code} "
                        f"{response.get('Location', '')}"
                    )
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_every_post_is_refused_without_a_csrf_token(user_factory):
    """Every route in the URLconf, Wagtail admin and allauth included."""
    from .matrix import CSRF_EXEMPT

    client = Client(enforce_csrf_checks=True)
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    accepted = []
    unresolved = []
    for route in iter_routes():
        if route.key in CSRF_EXEMPT:
            continue
        path = sample_path(route)
        if path is None:
            unresolved.append(route.route)
            continue
        response = client.post(path, {"x": "1"})
        if response.status_code != 403:
            accepted.append(f"{route.key} {path} -> {response.status_code}")
    assert not accepted, "POST accepted without CSRF token:\n" + "\n".join(accepted)
    assert len(unresolved) <= 3, unresolved


# The admin's icon sprite and its translation catalogue hold no data.
CMS_PUBLIC_ASSETS = {"wagtailadmin_sprite", "wagtailadmin_javascript_catalog"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [ANONYMOUS, "peserta", "hr"])
def test_cms_is_refused_to_learners_on_every_route(role):
    world = build_world()
    client = _client_for(world, role)
    opened = []
    for route in iter_routes():
        if not route.route.startswith("cms/") or route.key in CMS_PUBLIC_ASSETS:
            continue
        path = sample_path(route)
        if path is None:
            continue
        response = client.get(path)
        if response.status_code == 200:
            opened.append(path)
    assert not opened, f"{role} opened Wagtail admin routes: {opened}"


@pytest.mark.django_db
def test_signed_in_learner_opening_cms_lands_on_sign_in_without_a_loop(learner_client):
    response = learner_client.get("/cms/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert len(response.redirect_chain) == 1
