"""500 generated malformed inputs per form: always a 4xx (or the form again), never 5xx.

Each form of Sigap is listed once in ``FORMS`` with the fields it expects; hypothesis
sends garbage for them: missing fields, control characters, NUL bytes, huge values,
repeated keys, wrong types, unknown fields, and for file fields random bytes under
a random name. A form whose URL is not on main yet is skipped, naming the feature.
``SIGAP_FUZZ_EXAMPLES`` lowers the count while developing (CI uses 500).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import UserFactory, make_hr_officer
from tests.security.test_hostile_input import OUR_MATRIX, hostile_query_findings

pytestmark = [pytest.mark.reliability, pytest.mark.django_db]

EXAMPLES = int(os.environ.get("SIGAP_FUZZ_EXAMPLES", "500"))

# Text a person or an attacker could send: any code point except lone surrogates
# (which no HTTP client can encode), including NUL and other control characters.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
nasty = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "0",
        "-1",
        "99999999999999999999999999",
        "1e309",
        "NaN",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "2026-02-30",
        "31-12-2026",
        "19900315 2015 03 2 001",
        "１９９０",  # full-width digits
        "²",  # str.isdigit() is true, int() raises
        "⑤",
        "٣",  # int() reads it as 3
        "9223372036854775808",  # one past the largest database integer
        "\u202e\u200b",
        '=HYPERLINK("x")',
        "http://example.invalid/",
    ]
)
huge = st.integers(min_value=1_000, max_value=120_000).map(lambda n: "x" * n)
value = st.one_of(any_text, nasty, huge, st.integers().map(str))
values = st.one_of(value, st.lists(value, min_size=2, max_size=4))


def _upload_name(filename: str) -> str:
    """The name as a browser could send it: Django's own upload class refuses a name
    whose last part is empty, "." or ".." before any request is made (the server's
    multipart parser strips paths from names the same way), so such a name stands
    for a file called "x"."""
    last = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return filename if last not in {"", ".", ".."} else "x"


def file_value(name: str):
    return st.builds(
        lambda data, filename, content_type: SimpleUploadedFile(
            _upload_name(filename), data, content_type=content_type
        ),
        st.binary(max_size=4096)
        | st.just(b"%PDF-1.4\n%broken")
        | st.just(b"")
        | st.just(b"\x00" * 10_000),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
        st.sampled_from(["application/pdf", "text/csv", "image/png", "", "x/y"]),
    )


@dataclass(frozen=True)
class FormCase:
    """One form: where it is, who sends it, which fields it knows."""

    name: str
    url_name: str
    user: str  # "anonymous", "learner", "new_user", "hr"
    fields: tuple[str, ...]
    method: str = "post"
    files: tuple[str, ...] = ()
    url_args: Callable | None = None
    feature: str = ""
    extra: dict = field(default_factory=dict)


FORMS = [
    FormCase(
        "sign-up", "account_signup", "anonymous", ("email", "password1", "password2")
    ),
    FormCase(
        "sign-in", "account_login", "anonymous", ("login", "password", "remember")
    ),
    FormCase("password reset", "account_reset_password", "anonymous", ("email",)),
    FormCase(
        "password change",
        "account_change_password",
        "learner",
        ("oldpassword", "password1", "password2"),
    ),
    FormCase("privacy notice", "accounts:privacy_notice", "new_user", ("next",)),
    FormCase(
        "ASN profile",
        "accounts:profile",
        "learner",
        (
            "title_prefix",
            "full_name",
            "title_suffix",
            "nip",
            "birth_place",
            "birth_date",
            "unit",
            "jabatan",
            "golongan",
            "reminders_opt_out",
            "next",
        ),
    ),
    FormCase(
        "enrol",
        "courses:enrol",
        "learner",
        ("next",),
        url_args=lambda w: [w["course"].pk],
    ),
    FormCase(
        "mark lesson done",
        "courses:complete_lesson",
        "learner",
        ("next",),
        url_args=lambda w: [w["course"].lessons().first().pk],
    ),
    FormCase("language", "set_language", "anonymous", ("language", "next")),
    FormCase(
        "catalogue search",
        "catalogue",
        "anonymous",
        ("q", "topik"),
        method="get",
    ),
    FormCase(
        "external learning claim",
        "competencies:claim_create",
        "learner",
        ("title", "organiser", "jenis_diklat", "start_date", "end_date", "jp"),
        files=("evidence",),
        feature="competencies (issue 5): external learning claims",
    ),
    FormCase(
        "quiz autosave",
        "quizzes:autosave",
        "learner",
        ("pos", "seq", "q1", "q2", "q2-1", "q2-2", "q2-3", "action"),
        url_args=lambda w: [_open_attempt(w).pk],
    ),
    FormCase(
        "quiz page",
        "quizzes:attempt",
        "learner",
        ("q1", "q2", "q2-1", "q2-2", "q2-3", "action", "hal"),
        url_args=lambda w: [_open_attempt(w).pk],
    ),
    FormCase(
        "certificate check by code",
        "certificates:check",
        "anonymous",
        ("kode",),
        method="get",
    ),
    FormCase(
        "certificate check by PDF",
        "certificates:check",
        "anonymous",
        (),
        files=("pdf",),
    ),
    FormCase("HR staff import", "hr:imports", "hr", (), files=("file",)),
    FormCase(
        "HR bulk enrolment",
        "hr:bulk_enrol",
        "hr",
        ("course", "unit", "nips", "deadline"),
        files=("nip_file",),
    ),
    FormCase(
        "HR dashboard filters",
        "hr:dashboard",
        "hr",
        ("unit", "jabatan_category", "golongan", "employee_type", "course", "year"),
        method="get",
        feature="HR workspace (issue 6): dashboard filters",
    ),
    FormCase(
        "HR learner list filters",
        "hr:learners",
        "hr",
        (
            "unit",
            "jabatan_category",
            "golongan",
            "employee_type",
            "course",
            "year",
            "status",
            "page",
        ),
        method="get",
        feature="HR workspace (issue 6): learner list",
    ),
]


def _open_attempt(world):
    """An open attempt of the learner on a quiz with a short and an ordering item."""
    from courses.quizzes.services import start_attempt
    from courses.services import enrol
    from tests.factories import make_question, make_quiz

    course = world["course"]
    enrol(user=world["learner"], course=course)
    quiz = make_quiz(
        course, [make_question(course, "short"), make_question(course, "ordering")]
    )
    return start_attempt(quiz=quiz, user=world["learner"])


def payloads(case: FormCase):
    known = st.fixed_dictionaries({}, optional=dict.fromkeys(case.fields, values))
    unknown = st.dictionaries(
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
        values,
        max_size=3,
    )
    files = st.fixed_dictionaries(
        {}, optional={name: file_value(name) for name in case.files}
    )
    return st.tuples(known, unknown, files)


@pytest.fixture
def world(course, learner, unit):
    return {"course": course, "learner": learner, "unit": unit}


def _client_for(case: FormCase, world, client):
    if case.user == "learner":
        client.force_login(world["learner"])
    elif case.user == "new_user":
        client.force_login(UserFactory(privacy_notice_shown_at=None))
    elif case.user == "hr":
        client.force_login(make_hr_officer(world["unit"]))
    return client


def _url(case: FormCase, world) -> str:
    if case.url_name == "catalogue":
        return world["course"].get_parent().url
    args = case.url_args(world) if case.url_args else []
    try:
        return reverse(case.url_name, args=args)
    except NoReverseMatch:
        pytest.skip(f"{case.name}: {case.feature or case.url_name} is not on main yet")


@pytest.mark.parametrize("case", FORMS, ids=[case.name for case in FORMS])
def test_malformed_input_is_answered_without_a_server_error(case, world, client):
    url = _url(case, world)
    client = _client_for(case, world, client)
    seen: dict[int, int] = {}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
        ],
    )
    @given(payload=payloads(case))
    def send(payload):
        known, unknown, files = payload
        data = {**unknown, **known, **files}
        if case.method == "get":
            data = {
                key: value for key, value in data.items() if not hasattr(value, "read")
            }
            response = client.get(url, data)
        else:
            response = client.post(url, data)
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        assert response.status_code < 500, (case.name, data)

    send()
    assert sum(seen.values()) >= min(EXAMPLES, 100)


@pytest.mark.parametrize("url_name", OUR_MATRIX)
def test_hostile_query_strings_on_every_url_never_cause_a_server_error(url_name):
    """Every URL of the authorization matrix, not only the views that read
    parameters themselves (those run on every test run)."""
    failures = hostile_query_findings(url_name)
    assert not failures, "\n".join(failures)
