"""A learner plays a SCORM lesson: the runtime's commits are stored in their own
record, a later launch resumes where they left, and passing reaches the course.
Nobody else reads or writes that record."""

import json
import re

import pytest

from courses.models import Enrolment, LessonPage, LessonProgress
from courses.packages.models import PackageAttempt, UnitAttempt
from courses.services import enrol
from tests.factories import UserFactory, client_as

pytestmark = pytest.mark.django_db


def _launch(client, lesson, unit: int | None = None):
    data = {"unit": str(unit)} if unit is not None else {}
    response = client.post(f"/paket/{lesson.pk}/mulai/", data)
    assert response.status_code == 200
    html = response.content.decode()
    runtime = json.loads(
        re.search(
            r'id="package-runtime" type="application/json">(.*?)</script>', html
        ).group(1)
    )
    return html, runtime


def _commit(client, lesson, cmi: dict, number: int = 1, **headers):
    return client.post(
        f"/paket/{lesson.pk}/runtime/{number}/",
        data=json.dumps({"cmi": cmi}),
        content_type="application/json",
        **headers,
    )


@pytest.fixture
def learner(course):
    """Enrolled, with the course's one ordinary lesson done: what is left is the
    package."""
    user = UserFactory()
    enrolment, _new = enrol(user=user, course=course)
    LessonProgress.objects.create(
        enrolment=enrolment, lesson=LessonPage.objects.child_of(course).get()
    )
    return user


def test_runtime_data_is_stored_and_the_next_launch_resumes(learner, scorm_lesson):
    client = client_as(learner)
    html, runtime = _launch(client, scorm_lesson)
    assert runtime["standard"] == "scorm12"
    assert runtime["cmi"]["core"]["entry"] == "ab-initio"
    assert "vendor/scorm-again/scorm-again.min.js" in html
    frame = re.search(r'data-src="([^"]+)"', html).group(1)
    assert frame == (
        f"/paket/{scorm_lesson.pk}/{scorm_lesson.package_id}/berkas/index.html"
    )

    answer = _commit(
        client,
        scorm_lesson,
        {
            "core": {
                "lesson_status": "incomplete",
                "lesson_location": "2",
                "student_name": "Tidak disimpan",
                "exit": "suspend",
            },
            "suspend_data": '{"s1":"b"}',
        },
    )
    assert answer.json() == {"result": True, "errorCode": 0}
    attempt = UnitAttempt.objects.get(attempt__user=learner)
    assert attempt.location == "2"
    assert attempt.suspend_data == '{"s1":"b"}'
    assert "cmi.core.student_name" not in attempt.cmi  # identity is not stored

    _html, runtime = _launch(client, scorm_lesson)
    core = runtime["cmi"]["core"]
    assert core["entry"] == "resume"
    assert core["lesson_location"] == "2"
    assert core["lesson_status"] == "incomplete"
    assert runtime["cmi"]["suspend_data"] == '{"s1":"b"}'


def test_passing_one_sco_is_not_enough_and_both_complete_the_course(
    learner, scorm_lesson
):
    client = client_as(learner)
    _launch(client, scorm_lesson)
    _commit(
        client,
        scorm_lesson,
        {"core": {"lesson_status": "failed", "score": {"raw": "33"}}},
    )
    enrolment = Enrolment.objects.get(user=learner)
    assert not enrolment.is_completed
    _commit(
        client,
        scorm_lesson,
        {
            "core": {
                "lesson_status": "passed",
                "score": {"raw": "100", "min": "0", "max": "100"},
            }
        },
    )
    enrolment.refresh_from_db()
    assert not enrolment.is_completed  # the second SCO is still to do
    html, runtime = _launch(client, scorm_lesson, unit=2)
    assert "penutup/index.html" in re.search(r'data-src="([^"]+)"', html).group(1)
    assert runtime["commitUrl"] == f"/paket/{scorm_lesson.pk}/runtime/2/"
    _commit(client, scorm_lesson, {"core": {"lesson_status": "completed"}}, number=2)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    attempt = PackageAttempt.objects.get(user=learner)
    # The lesson's score: the average of the SCOs that reported one (only the
    # quiz did).
    assert attempt.score_scaled == 1.0
    # The course page lists the lesson as done with its score.
    page = client_as(learner).get(scorm_lesson.get_parent().url).content.decode()
    assert "selesai · 100" in page


def test_a_scorm2004_completion_counts(course, learner):
    from .conftest import SCORM2004_MANIFEST, add_package_lesson, make_zip

    lesson = add_package_lesson(
        course,
        make_zip(
            {"imsmanifest.xml": SCORM2004_MANIFEST, "isi/mulai.html": b"<p>x</p>"}
        ),
        slug="p2004",
    )
    client = client_as(learner)
    _html, runtime = _launch(client, lesson)
    assert runtime["standard"] == "scorm2004"
    _commit(
        client,
        lesson,
        {
            "completion_status": "completed",
            "success_status": "unknown",
            "score": {"scaled": "0.8"},
            "location": "bab-3",
        },
    )
    assert Enrolment.objects.get(user=learner).is_completed
    _html, runtime = _launch(client, lesson)
    assert runtime["cmi"]["location"] == "bab-3"
    assert runtime["cmi"]["completion_status"] == "completed"


def test_an_optional_package_does_not_hold_the_course_back(course, learner):
    from .conftest import add_package_lesson, scorm12_zip

    add_package_lesson(course, scorm12_zip(), slug="opsional", required=False)
    from courses.selectors import completion_requirements_met

    assert completion_requirements_met(enrolment=Enrolment.objects.get(user=learner))


def test_a_commit_goes_to_the_committers_own_record_only(learner, course, scorm_lesson):
    other = UserFactory()
    enrol(user=other, course=course)
    _launch(client_as(learner), scorm_lesson)
    _launch(client_as(other), scorm_lesson)
    _commit(client_as(other), scorm_lesson, {"core": {"lesson_status": "passed"}})
    mine = PackageAttempt.objects.get(user=learner)
    assert mine.completion_status == ""
    assert mine.satisfied_at is None
    # The other learner's launch shows their own data, never the first one's.
    _commit(
        client_as(learner),
        scorm_lesson,
        {"core": {"lesson_location": "3"}, "suspend_data": "rahasia"},
    )
    _html, runtime = _launch(client_as(other), scorm_lesson)
    assert runtime["cmi"]["suspend_data"] == ""
    assert runtime["cmi"]["core"]["lesson_location"] == ""


def test_a_commit_needs_the_csrf_token(learner, scorm_lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.post(f"/paket/{scorm_lesson.pk}/mulai/")  # refused too: no token
    assert not PackageAttempt.objects.exists()
    response = _commit(client, scorm_lesson, {"core": {"lesson_status": "passed"}})
    assert response.status_code == 403


def test_someone_not_enrolled_can_neither_launch_nor_commit_nor_read_files(
    scorm_lesson,
):
    stranger = client_as(UserFactory())
    assert stranger.post(f"/paket/{scorm_lesson.pk}/mulai/").status_code == 404
    assert (
        _commit(
            stranger, scorm_lesson, {"core": {"lesson_status": "passed"}}
        ).status_code
        == 404
    )
    url = f"/paket/{scorm_lesson.pk}/{scorm_lesson.package_id}/berkas/index.html"
    assert stranger.get(url).status_code == 404
    assert not PackageAttempt.objects.exists()
    anonymous = client_as(UserFactory()).__class__()
    assert anonymous.get(url).status_code == 302


def test_a_package_file_is_served_from_sigap_under_its_own_csp(learner, scorm_lesson):
    client = client_as(learner)
    base = f"/paket/{scorm_lesson.pk}/{scorm_lesson.package_id}/berkas/"
    response = client.get(base + "index.html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response  # runs in the frame, not a download
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert "unsafe-eval" not in csp and "https:" not in csp
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"Lima hambatan pelayanan" in b"".join(response.streaming_content)
    assert client.get(base + "sco.js")["Content-Type"].startswith("text/javascript")
    # Sigap's own pages keep their strict policy.
    page = client.get(scorm_lesson.url)
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"
    for probe in ("../../../etc/passwd", "imsmanifest.xml/../../x", "tidak-ada.html"):
        assert client.get(base + probe).status_code == 404


def test_the_trainer_previews_without_enrolling(course, trainer, scorm_lesson):
    client = client_as(trainer)
    html = client.get(scorm_lesson.url).content.decode()
    assert "kemajuan Anda tidak dihitung" in html
    assert client.post(f"/paket/{scorm_lesson.pk}/mulai/").status_code == 200
    url = f"/paket/{scorm_lesson.pk}/{scorm_lesson.package_id}/berkas/index.html"
    assert client.get(url).status_code == 200


def test_erasure_removes_what_the_package_wrote_and_keeps_the_result(
    learner, scorm_lesson
):
    from courses.packages.services import forget_person

    client = client_as(learner)
    _launch(client, scorm_lesson)
    _commit(
        client,
        scorm_lesson,
        {
            "core": {"lesson_status": "passed", "lesson_location": "4"},
            "suspend_data": "jawaban bebas: nama ibu saya Siti",
        },
    )
    _launch(client, scorm_lesson, unit=2)
    _commit(client, scorm_lesson, {"core": {"lesson_status": "completed"}}, number=2)
    assert forget_person(person=learner) == {"package_runtime_cleared": 2}
    record = UnitAttempt.objects.get(attempt__user=learner, unit="ITEM-HAMBATAN")
    assert record.suspend_data == "" and record.cmi == {}
    assert record.satisfied_at is not None
    attempt = PackageAttempt.objects.get(user=learner)
    assert attempt.satisfied_at is not None
    assert attempt.success_status == "passed"


def test_a_package_lessons_estimated_minutes_count_in_the_learning_time(
    course, scorm_lesson
):
    from courses.course_time import course_learning_time

    time = course_learning_time(course=course)
    assert dict(time.parts)["Paket SCORM/cmi5"] == scorm_lesson.duration_minutes
