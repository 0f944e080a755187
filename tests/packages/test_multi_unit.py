"""Packages of several SCOs or AUs: the learner sees the package's table of
contents, opens each SCO (or AU) in turn, resumes each where they left it, and
the lesson is done only when every one is; for cmi5 each AU has its own launch
and moveOn, and Sigap as the LMS states ``satisfied`` for blocks and the course.
A manifest with any item pointing to nothing or outside the package is
refused at upload."""

import io
import json
import re
import uuid

import pytest
from django.core.exceptions import ValidationError

from courses.models import Enrolment, LessonPage, LessonProgress
from courses.packages import xapi
from courses.packages.models import Cmi5Statement, PackageAttempt, UnitAttempt
from courses.packages.services import (
    StatementRefused,
    attempt_for,
    launch_cmi5,
    store_cmi5_statements,
    unit_record,
)
from courses.packages.validation import inspect_package
from courses.services import enrol
from tests.factories import UserFactory, client_as

from .conftest import add_package_lesson, make_zip

pytestmark = pytest.mark.django_db

SCORM12_TREE = b"""<?xml version="1.0"?>
<manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Modul etika</title>
    <item identifier="BAB1"><title>Bab 1: Nilai dasar</title>
      <item identifier="S1" identifierref="R1">
        <title>Pengantar nilai dasar</title></item>
      <item identifier="S2" identifierref="R2">
        <title>Studi kasus gratifikasi</title></item>
    </item>
    <item identifier="RAHASIA" identifierref="R3" isvisible="false">
      <title>Catatan tersembunyi</title></item>
    <item identifier="S4" identifierref="R4"><title>Rangkuman</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="%s"/>
    <resource identifier="R2" type="webcontent" adlcp:scormtype="sco" href="%s"/>
    <resource identifier="R3" type="webcontent" adlcp:scormtype="asset" href="c.html"/>
    <resource identifier="R4" type="webcontent" adlcp:scormtype="sco" href="d.html"/>
  </resources>
</manifest>"""

SCORM12_FILES = dict.fromkeys(("a.html", "b.html", "c.html", "d.html"), b"<p>x</p>")


def scorm12_tree(first=b"a.html", second=b"b.html") -> bytes:
    return make_zip(
        {"imsmanifest.xml": SCORM12_TREE % (first, second), **SCORM12_FILES}
    )


SCORM2004_TWO = b"""<?xml version="1.0"?>
<manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>Paket 2004</title>
    <item identifier="I1" identifierref="R1"><title>Materi</title></item>
    <item identifier="I2" identifierref="R2"><title>Ujian</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="m.html"/>
    <resource identifier="R2" type="webcontent" adlcp:scormType="sco" href="u.html"/>
  </resources>
</manifest>"""

CMI5_COURSE = """<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/cmi5/CourseStructure.xsd">
  <course id="https://contoh.go.id/kursus/k">
    <title><langstring lang="id-ID">K</langstring></title></course>
  <block id="https://contoh.go.id/kursus/k/blok-a">
    <title><langstring lang="id-ID">Blok A</langstring></title>
    <au id="https://contoh.go.id/kursus/k/au-1" moveOn="{first}">
      <title><langstring lang="id-ID">AU satu</langstring></title><url>{url}</url></au>
  </block>
  <block id="https://contoh.go.id/kursus/k/blok-b">
    <title><langstring lang="id-ID">Blok B</langstring></title>
    <au id="https://contoh.go.id/kursus/k/au-2" moveOn="{second}">
      <title><langstring lang="id-ID">AU dua</langstring></title>
      <url>dua.html</url></au>
  </block>
</courseStructure>"""


def cmi5_course(first="Passed", second="NotApplicable", url="satu.html") -> bytes:
    manifest = CMI5_COURSE.format(first=first, second=second, url=url)
    return make_zip(
        {"cmi5.xml": manifest.encode(), "satu.html": b"1", "dua.html": b"2"}
    )


@pytest.fixture
def learner(course):
    user = UserFactory()
    enrolment, _new = enrol(user=user, course=course)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson=LessonPage.objects.child_of(course).get()
    )
    return user


def _launch(client, lesson, unit=None):
    data = {"unit": str(unit)} if unit is not None else {}
    response = client.post(f"/paket/{lesson.pk}/mulai/", data)
    assert response.status_code == 200
    html = response.content.decode()
    runtime = json.loads(
        re.search(
            r'id="package-runtime" type="application/json">(.*?)</script>', html
        ).group(1)
    )
    frame = re.search(r'data-src="([^"]+)"', html).group(1)
    return html, runtime, frame


def _commit(client, lesson, number, cmi):
    return client.post(
        f"/paket/{lesson.pk}/runtime/{number}/",
        data=json.dumps({"cmi": cmi}),
        content_type="application/json",
    )


# --- the table of contents ----------------------------------------------------


def test_the_lesson_page_shows_the_organization_without_hidden_items(course, learner):
    lesson = add_package_lesson(course, scorm12_tree(), slug="etika")
    html = client_as(learner).get(lesson.url).content.decode()
    titles = re.findall(r'class="(?:toc-open|toc-heading)"[^>]*>([^<]+)<', html)
    assert titles == [
        "Bab 1: Nilai dasar",
        "Pengantar nilai dasar",
        "Studi kasus gratifikasi",
        "Rangkuman",
    ]
    assert "Catatan tersembunyi" not in html  # isvisible="false"
    assert "0 dari 4 bagian selesai" in html  # the hidden one still counts


def test_the_player_offers_the_contents_and_previous_and_next_in_manifest_order(
    course, learner
):
    lesson = add_package_lesson(course, scorm12_tree(), slug="etika")
    client = client_as(learner)
    html, _runtime, frame = _launch(client, lesson)
    assert frame.endswith("/berkas/a.html")
    assert "bagian 1 dari 4: Pengantar nilai dasar" in html
    assert 'name="unit" value="2"' in html and "Bagian berikutnya" in html
    assert "Bagian sebelumnya" not in html
    # Flow goes through the hidden item too (only the contents hides it).
    html, _runtime, frame = _launch(client, lesson, unit=3)
    assert frame.endswith("/berkas/c.html")
    assert 'name="unit" value="2"' in html and 'name="unit" value="4"' in html
    html, _runtime, _frame = _launch(client, lesson, unit=4)
    assert "Bagian berikutnya" not in html
    # A number the package has not, or not ASCII digits: 404, nothing recorded.
    for wrong in ("5", "0", "²", "x"):
        response = client.post(f"/paket/{lesson.pk}/mulai/", {"unit": wrong})
        assert response.status_code == 404


# --- per-SCO runtime data ---------------------------------------------------


def test_each_sco_keeps_and_resumes_its_own_data(course, learner):
    lesson = add_package_lesson(course, scorm12_tree(), slug="etika")
    client = client_as(learner)
    _launch(client, lesson, unit=1)
    _commit(client, lesson, 1, {"core": {"lesson_location": "hal-3"}})
    _html, runtime, _frame = _launch(client, lesson, unit=2)
    assert runtime["cmi"]["core"]["entry"] == "ab-initio"
    assert runtime["cmi"]["core"]["lesson_location"] == ""
    _commit(client, lesson, 2, {"core": {"lesson_location": "kasus-2"}})

    _html, runtime, _frame = _launch(client, lesson, unit=1)
    assert runtime["cmi"]["core"]["entry"] == "resume"
    assert runtime["cmi"]["core"]["lesson_location"] == "hal-3"
    # Lanjutkan (no number) opens the SCO opened last, where it was left.
    _launch(client, lesson, unit=2)
    _html, runtime, frame = _launch(client, lesson)
    assert frame.endswith("/berkas/b.html")
    assert runtime["cmi"]["core"]["lesson_location"] == "kasus-2"
    assert {
        record.unit: record.location
        for record in UnitAttempt.objects.filter(attempt__user=learner)
    } == {"S1": "hal-3", "S2": "kasus-2"}


def test_a_commit_to_a_sco_not_opened_is_refused(course, learner):
    lesson = add_package_lesson(course, scorm12_tree(), slug="etika")
    client = client_as(learner)
    _launch(client, lesson, unit=1)
    response = _commit(client, lesson, 2, {"core": {"lesson_status": "passed"}})
    assert response.status_code == 404
    assert _commit(client, lesson, 9, {"core": {}}).status_code == 404
    assert not UnitAttempt.objects.filter(unit="S2").exists()


# --- completion and score ---------------------------------------------------


def test_the_lesson_is_done_only_when_every_launchable_sco_is(course, learner):
    lesson = add_package_lesson(course, scorm12_tree(), slug="etika")
    client = client_as(learner)
    enrolment = Enrolment.objects.get(user=learner)
    passed = {"core": {"lesson_status": "passed", "score": {"raw": "80"}}}
    for number in (1, 2, 4):
        _launch(client, lesson, unit=number)
        _commit(client, lesson, number, passed)
    attempt = PackageAttempt.objects.get(user=learner)
    assert attempt.satisfied_at is None  # the hidden asset is not opened yet
    enrolment.refresh_from_db()
    assert not enrolment.is_completed
    _launch(client, lesson, unit=3)  # an asset is done by being opened
    attempt.refresh_from_db()
    assert attempt.satisfied_at is not None
    enrolment.refresh_from_db()
    assert enrolment.is_completed


def test_scorm2004_statuses_per_sco_and_the_average_score(course, learner):
    lesson = add_package_lesson(
        course,
        make_zip({"imsmanifest.xml": SCORM2004_TWO, "m.html": b"m", "u.html": b"u"}),
        slug="p2004",
    )
    client = client_as(learner)
    _launch(client, lesson, unit=1)
    _commit(
        client,
        lesson,
        1,
        {"completion_status": "completed", "score": {"scaled": "0.6"}},
    )
    _launch(client, lesson, unit=2)
    _commit(
        client,
        lesson,
        2,
        {
            "completion_status": "completed",
            "success_status": "failed",
            "score": {"scaled": "0.2"},
        },
    )
    attempt = PackageAttempt.objects.get(user=learner)
    assert attempt.satisfied_at is None  # failed is not done
    assert attempt.score_scaled == pytest.approx(0.4)
    _commit(
        client,
        lesson,
        2,
        {
            "completion_status": "completed",
            "success_status": "passed",
            "score": {"scaled": "1.0"},
        },
    )
    attempt.refresh_from_db()
    assert attempt.satisfied_at is not None
    assert attempt.score_scaled == pytest.approx(0.8)
    assert Enrolment.objects.get(user=learner).is_completed


# --- cmi5 -------------------------------------------------------------------

COMPLETED = xapi.VERBS["completed"]
PASSED = xapi.VERBS["passed"]
FAILED = xapi.VERBS["failed"]


def _au_statement(attempt, record, verb):
    return {
        "id": str(uuid.uuid4()),
        "actor": xapi.actor(attempt.registration),
        "verb": {"id": verb},
        "object": {"id": record.unit},
        "context": {"registration": str(attempt.registration)},
    }


def _open_au(lesson, user, number=1):
    attempt = attempt_for(page=lesson, user=user)
    unit = lesson.package.launchable_units()[number - 1]
    record = unit_record(attempt=attempt, unit=unit)
    launch_cmi5(record=record, unit=unit, page=lesson)
    record.refresh_from_db()
    return attempt, record


@pytest.mark.parametrize(
    ("move_on", "verbs", "satisfied"),
    [
        ("Completed", [COMPLETED], True),
        ("Completed", [PASSED], False),
        ("Passed", [PASSED], True),
        ("Passed", [COMPLETED, FAILED], False),
        ("CompletedAndPassed", [COMPLETED], False),
        ("CompletedAndPassed", [PASSED], False),
        ("CompletedAndPassed", [COMPLETED, PASSED], True),
        ("CompletedOrPassed", [COMPLETED], True),
        ("CompletedOrPassed", [PASSED], True),
        ("CompletedOrPassed", [FAILED], False),
        ("NotApplicable", [], True),
    ],
)
def test_each_aus_move_on_decides_when_it_is_satisfied(
    course, learner, move_on, verbs, satisfied
):
    lesson = add_package_lesson(
        course, cmi5_course(first=move_on, second="NotApplicable"), slug="k"
    )
    attempt, record = _open_au(lesson, learner)
    for verb in verbs:
        store_cmi5_statements(
            record=record,
            statements=[_au_statement(attempt, record, verb)],
            actor=xapi.actor(attempt.registration),
        )
    attempt.refresh_from_db()
    assert (attempt.satisfied_at is not None) is satisfied
    assert Enrolment.objects.get(user=learner).is_completed is satisfied


def test_the_lms_states_satisfied_for_each_block_and_the_course_once(course, learner):
    lesson = add_package_lesson(course, cmi5_course(first="Passed"), slug="k")
    attempt = attempt_for(page=lesson, user=learner)

    def satisfied():
        return list(
            Cmi5Statement.objects.filter(
                attempt=attempt, by_lms=True, verb=xapi.VERBS["satisfied"]
            ).order_by("stored_at", "pk")
        )

    # At registration, block B (its only AU is NotApplicable) is satisfied.
    (block_b,) = satisfied()
    assert block_b.unit == "https://contoh.go.id/kursus/k/blok-b"
    assert block_b.statement["object"]["definition"]["type"] == xapi.BLOCK_TYPE
    assert block_b.statement["object"]["id"] != block_b.unit  # an LMS id
    grouping = block_b.statement["context"]["contextActivities"]["grouping"]
    assert grouping == [{"id": block_b.unit}]  # the publisher's id

    attempt, record = _open_au(lesson, learner)
    passed = _au_statement(attempt, record, PASSED)
    actor = xapi.actor(attempt.registration)
    store_cmi5_statements(record=record, statements=[passed], actor=actor)
    again = _au_statement(attempt, record, PASSED)
    store_cmi5_statements(record=record, statements=[again], actor=actor)
    rows = satisfied()
    assert [row.unit for row in rows] == [
        "https://contoh.go.id/kursus/k/blok-b",
        "https://contoh.go.id/kursus/k/blok-a",
        "https://contoh.go.id/kursus/k",
    ]
    course_row = rows[-1]
    assert course_row.statement["object"]["definition"]["type"] == xapi.COURSE_TYPE
    assert course_row.statement["object"]["id"] != "https://contoh.go.id/kursus/k"
    session = xapi.EXTENSION + "sessionid"
    # Triggered by the AU's launch session, and stated about this learner only.
    assert course_row.statement["context"]["extensions"][session] == record.session_id
    assert course_row.statement["actor"] == actor
    assert course_row.statement["context"]["registration"] == str(attempt.registration)


def test_the_lms_states_launched_and_abandoned_and_an_au_cannot_forge_them(
    course, learner
):
    lesson = add_package_lesson(course, cmi5_course(first="Passed"), slug="k")
    attempt, record = _open_au(lesson, learner)
    launched = Cmi5Statement.objects.get(
        attempt=attempt, by_lms=True, verb=xapi.VERBS["launched"]
    ).statement
    extensions = launched["context"]["extensions"]
    assert launched["object"]["id"] == "https://contoh.go.id/kursus/k/au-1"
    assert extensions[xapi.EXTENSION + "sessionid"] == record.session_id
    assert extensions[xapi.EXTENSION + "launchmode"] == "Normal"
    assert extensions[xapi.EXTENSION + "moveon"] == "Passed"
    assert extensions[xapi.EXTENSION + "launchurl"].endswith("/berkas/satu.html")
    first_session = record.session_id
    # Launched again without the AU having terminated: the first session is
    # abandoned, with a duration.
    _attempt, record = _open_au(lesson, learner)
    abandoned = Cmi5Statement.objects.get(
        attempt=attempt, by_lms=True, verb=xapi.VERBS["abandoned"]
    ).statement
    assert abandoned["context"]["extensions"][xapi.EXTENSION + "sessionid"] == (
        first_session
    )
    assert abandoned["result"]["duration"].startswith("PT")
    # An AU stating satisfied (or any LMS verb) for itself is refused.
    forged = _au_statement(attempt, record, xapi.VERBS["satisfied"])
    with pytest.raises(StatementRefused):
        store_cmi5_statements(
            record=record, statements=[forged], actor=xapi.actor(attempt.registration)
        )
    # A terminated session is not abandoned by the next launch.
    store_cmi5_statements(
        record=record,
        statements=[_au_statement(attempt, record, xapi.VERBS["terminated"])],
        actor=xapi.actor(attempt.registration),
    )
    _open_au(lesson, learner)
    assert (
        Cmi5Statement.objects.filter(
            attempt=attempt, verb=xapi.VERBS["abandoned"]
        ).count()
        == 1
    )


def test_a_token_is_for_its_own_au_only(course, learner):
    lesson = add_package_lesson(
        course, cmi5_course(first="Passed", second="Completed"), slug="k"
    )
    attempt, first = _open_au(lesson, learner, number=1)
    _attempt, _second = _open_au(lesson, learner, number=2)
    about_second = _au_statement(attempt, first, COMPLETED)
    about_second["object"]["id"] = "https://contoh.go.id/kursus/k/au-2"
    with pytest.raises(StatementRefused):
        store_cmi5_statements(
            record=first,
            statements=[about_second],
            actor=xapi.actor(attempt.registration),
        )
    assert not UnitAttempt.objects.filter(completion_status="completed").exists()


# --- malformed multi-item manifests -----------------------------------------


def _refusal(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        inspect_package(io.BytesIO(data))
    return caught.value


def test_an_item_pointing_to_a_missing_resource_is_refused_by_name():
    manifest = SCORM12_TREE.replace(b'identifierref="R2"', b'identifierref="R9"')
    refusal = _refusal(
        make_zip(
            {"imsmanifest.xml": manifest % (b"a.html", b"b.html"), **SCORM12_FILES}
        )
    )
    assert refusal.code == "missing_resource"
    message = refusal.messages[0]
    assert "Studi kasus gratifikasi" in message and "R9" in message


@pytest.mark.parametrize(
    "href",
    [b"../luar.html", b"/etc/passwd", b"https://contoh.com/x.html", b"tidak.html"],
)
def test_a_later_item_launching_outside_the_package_is_refused(href):
    refusal = _refusal(scorm12_tree(second=href))
    assert refusal.code == "bad_launch"
    assert "Studi kasus gratifikasi" in refusal.messages[0]
    assert "bukan berkas di dalam paket" in refusal.messages[0]


def test_a_later_cmi5_au_hosted_elsewhere_is_refused():
    manifest = CMI5_COURSE.format(
        first="Passed", second="Passed", url="satu.html"
    ).replace("dua.html", "https://lrs.contoh.com/au2")
    refusal = _refusal(make_zip({"cmi5.xml": manifest.encode(), "satu.html": b"1"}))
    assert refusal.code == "bad_launch"
    assert "AU dua" in refusal.messages[0]


def test_items_sharing_an_identifier_are_refused():
    manifest = SCORM12_TREE.replace(b'identifier="S2"', b'identifier="S1"')
    refusal = _refusal(
        make_zip(
            {"imsmanifest.xml": manifest % (b"a.html", b"b.html"), **SCORM12_FILES}
        )
    )
    assert refusal.code == "bad_manifest"


def test_the_demo_packages_have_two_units_each():
    from .conftest import demo_zip

    scorm, _files = inspect_package(io.BytesIO(demo_zip("scorm12-hambatan-pelayanan")))
    assert [unit.path for unit in scorm.units] == ["index.html", "penutup/index.html"]
    cmi5, _files = inspect_package(io.BytesIO(demo_zip("cmi5-kesinambungan-layanan")))
    assert [unit.kind for unit in cmi5.units] == ["block", "au", "au"]
    assert [unit.move_on for unit in cmi5.units if unit.kind == "au"] == [
        "CompletedAndPassed",
        "Completed",
    ]


def test_launching_another_au_abandons_the_session_left_open(course, learner):
    from courses.packages.services import record_for_token

    lesson = add_package_lesson(
        course, cmi5_course(first="Passed", second="Completed"), slug="k"
    )
    attempt, first = _open_au(lesson, learner, number=1)
    first.token = "f" * 64  # as after its fetch
    first.save(update_fields=["token"])
    _attempt, second = _open_au(lesson, learner, number=2)
    abandoned = Cmi5Statement.objects.get(
        attempt=attempt, by_lms=True, verb=xapi.VERBS["abandoned"]
    )
    assert abandoned.unit == "https://contoh.go.id/kursus/k/au-1"
    first.refresh_from_db()
    assert first.token == "" and first.terminated
    assert (
        record_for_token(registration=attempt.registration, authorization="Basic x")
        is None
    )
    second.refresh_from_db()
    assert not second.terminated and second.session_id != first.session_id
