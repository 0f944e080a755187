"""Hostile values in every URL parameter, query string and form field: never a 5xx.

Walks Sigap's own URL patterns (those of ``lms``, ``courses`` and ``certificates``)
as every role of the authorization matrix: each path parameter gets each value of
``HOSTILE_PATH``. The views that read query keys and form fields themselves, opened
on a real record, get every such key set to each value of ``HOSTILE``. A malformed
value must end in a 4xx, a redirect or the form again, never a server error.

``make reliability`` walks the query strings of every URL of the matrix and runs
the generated per-form fuzzing (hypothesis, 500 examples a form), both in
``tests/reliability/test_malformed_input.py``.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from .matrix import MATRIX, ROLES
from .test_authorization_matrix import _url_for
from .urlwalk import has_parameters, iter_routes, path_with
from .world import ANONYMOUS, build_world

# What people and scripts send where a number, a code or a name is expected.
HOSTILE = [
    "²",  # str.isdigit() is true, int() raises
    "⑤",
    "٣",  # int() accepts Arabic-Indic digits
    "１２",  # full-width digits
    "9" * 25,  # beyond every integer column
    str(2**63),
    "-1",
    "0",
    "1e309",
    "a\x00b",
    "x" * 5000,
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "\u202e\u200bṩ",
]
# Path parameters: what the converters must refuse or the view must not find.
HOSTILE_PATH = [*HOSTILE, str(2**63 - 1), "9" * 19, "9" * 20, "AAAAAAAAAAAAAAAA"]
# Every key the views of Sigap read from request.GET or request.POST directly.
QUERY_KEYS = (
    "hal",
    "acak",
    "kunci",
    "kode",
    "tahun",
    "page",
    "p",
    "status",
    "q",
    "topik",
    "next",
    "pos",
    "seq",
    "course",
    "unit",
    "year",
    "id",
    "action",
    "lihat",
    "note",
    "reason",
    "nips",
    "language",
)
OUR_APPS = ("lms.", "courses.", "certificates.")


def _ours(callback) -> bool:
    module = getattr(callback, "__module__", "") or ""
    return module.startswith(OUR_APPS) and module != "lms.health"


def _client(world, role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(world.users[role])
    return client


def _send(client, method: str, path: str, data=None):
    try:
        return getattr(client, method)(path, data or {})
    except Exception as error:  # noqa: BLE001 - a raised error is the finding
        return error


def _finding(response, label: str) -> str | None:
    if isinstance(response, Exception):
        return f"{label}: {type(response).__name__}: {str(response)[:120]}"
    if response.status_code >= 500:
        return f"{label}: {response.status_code}"
    return None


def _hostile_paths(routes):
    """(route, path) pairs: every value that reaches a route's own view (its
    converter accepted it), and once each the values that reach no view of ours."""
    unmatched = set()
    for route in routes:
        for value in HOSTILE_PATH:
            path = path_with(route, value)
            try:
                reaches_view = resolve(path).func == route.pattern.callback
            except Resolver404:
                reaches_view = False
            if reaches_view:
                yield route, path
            elif value not in unmatched:
                unmatched.add(value)
                yield route, path


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_hostile_path_parameters_never_cause_a_server_error(role):
    world = build_world()
    client = _client(world, role)
    routes = [r for r in iter_routes() if _ours(r.pattern.callback)]
    routes = [r for r in routes if has_parameters(r)]
    assert len(routes) >= 20  # the walk reaches Sigap's own URLs
    failures = []
    for route, path in _hostile_paths(routes):
        response = _send(client, "get", path)
        if getattr(response, "status_code", None) == 405:
            response = _send(client, "post", path)
        finding = _finding(response, f"{role} {route.key} {path[:90]!r}")
        if finding:
            failures.append(finding)
    assert not failures, "\n".join(failures)


# Rotated through every key at once; NUL is sent on its own (any NUL makes the
# whole request a 400, which would hide what the other values do).
ROTATED = [value for value in HOSTILE if "\x00" not in value]


def _rotated(offset: int) -> dict[str, str]:
    """Every key a different hostile value; over len(ROTATED) offsets, each key
    has had each value."""
    return {
        key: ROTATED[(offset + index) % len(ROTATED)]
        for index, key in enumerate(QUERY_KEYS)
    }


def _deepest_role(rule) -> str:
    """A role that gets furthest into the view for its own record."""
    for role in [*ROLES[1:], ANONYMOUS]:
        if rule.expected(role, True) in (200, 302):
            return role
    return ANONYMOUS


OUR_MATRIX = sorted(
    name
    for name in MATRIX
    if not name.startswith(("health", "robots", "wagtail", "set_language"))
)
# The views that read request.GET or request.POST themselves (not through a form):
# walked here on every run; the whole matrix is walked by ``make reliability``
# (tests/reliability/test_malformed_input.py), about two minutes.
DIRECT_READERS = [
    "accounts:privacy_notice",
    "accounts:profile",
    "certificates:check",
    "certificates:download",
    "competencies:mine",
    "courses:enrol",
    "hr:learners",
    "quizzes:attempt",
    "quizzes:autosave",
    "quizzes:preview",
]


def hostile_query_findings(url_name: str) -> list[str]:
    """Send every query key and form field the views read, set to each hostile
    value, to ``url_name`` opened on a real record; the 5xx answers found."""
    rule = MATRIX[url_name]
    world = build_world()
    url = _url_for(url_name, rule, world, True)
    assert _ours(resolve(url).func)
    role = _deepest_role(rule)
    failures = []
    for method in ("get", "post"):
        client = _client(world, role)
        payloads = [_rotated(offset) for offset in range(len(ROTATED))]
        payloads.append(dict.fromkeys(QUERY_KEYS, "1\x00"))
        for data in payloads:
            finding = _finding(
                _send(client, method, url, data), f"{role} {method.upper()} {url}"
            )
            if finding:
                failures.append(f"{finding} with {data!r:.200}")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", DIRECT_READERS)
def test_hostile_query_strings_and_form_fields_never_cause_a_server_error(url_name):
    failures = hostile_query_findings(url_name)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/", {"q": "a\x00b"}),
        ("get", "/v/", {"kode\x00": "x"}),
        ("get", "/kursus%00/", {}),
        ("post", "/akun/profil/", {"full_name": "Ani\x00", "nip": "1"}),
        ("post", "/kuis/percobaan/1/simpan/", {"pos": "1", "q1": "\x00"}),
    ],
)
def test_nul_anywhere_in_a_request_is_a_400(learner_client, method, path, data):
    response = getattr(learner_client, method)(path, data)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "courses:enrol",
        "courses:complete_lesson",
        "quizzes:start",
        "quizzes:report",
        "quizzes:preview",
        "quizzes:regrade",
        "certificates:course",
        "certificates:bundle_start",
    ],
)
def test_ids_beyond_the_database_range_are_404_for_every_role(url_name):
    world = build_world()
    route = next(r for r in iter_routes() if r.key == url_name)
    for value in (str(2**63), "9" * 25):
        path = path_with(route, value)
        for role in ROLES:
            client = _client(world, role)
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                assert response.status_code == 404, (role, method, path)


@pytest.mark.django_db
def test_trainer_opening_or_filing_a_snippet_with_a_hostile_id_gets_no_server_error():
    from courses.quizzes.models import Question

    world = build_world()
    client = _client(world, "pengajar")
    base = "/cms/snippets/quizzes/question"
    for value in ("9" * 25, str(2**63), "²"):
        for path in (f"{base}/edit/{value}/", "/cms/bulk/quizzes/question/delete/"):
            response = _send(client, "get", path, {"id": value})
            assert _finding(response, path) is None
    for course in ("9" * 25, "²", "٣", "-1"):
        response = _send(
            client,
            "post",
            f"{base}/add/",
            {"course": course, "text": "Soal sisipan", "type": "single"},
        )
        assert _finding(response, course) is None
        assert response.status_code in (200, 302, 403)
    assert not Question.objects.filter(text="Soal sisipan").exists()
