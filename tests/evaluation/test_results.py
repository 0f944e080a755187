"""Results: aggregates only, never of fewer than five responses, never a name;
for the course's trainer in the admin and for HR in their scope."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courses.copying import copy_course
from courses.models import CoursePage
from lms.accounts.permissions import ROLE_TRAINER
from lms.evaluation.models import CourseQuestion
from lms.evaluation.selectors import course_results
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    client_as,
    make_course,
    make_hr_officer,
    make_org_unit,
)

from .conftest import respond

pytestmark = pytest.mark.django_db

COMMENTS = [
    "Studi kasus banjir Sukamaju sangat membantu.",
    "Video perlu versi ringan untuk sinyal lemah.",
    "Waktu post-test agak singkat.",
    "Materi triase bisa langsung dipakai di puskesmas.",
    "Forum diskusi sebaiknya dibalas lebih cepat.",
]


def _results_url(course):
    return reverse("sigap_evaluation_results", args=[course.pk])


def test_below_five_responses_the_trainer_sees_no_figure_and_no_comment(
    evaluated_course, trainer, unit
):
    respond(evaluated_course, 4, unit=unit, score=2, comments=COMMENTS)
    results = course_results(course=evaluated_course)
    assert results.too_few
    assert results.responses is None and results.average is None
    assert results.sections == results.trainers == results.comments == []

    html = client_as(trainer).get(_results_url(evaluated_course)).content.decode()
    assert 'data-result="too-few"' in html
    assert "sedikitnya 5 peserta" in html
    for comment in COMMENTS:
        assert comment not in html
    assert 'data-figure="average"' not in html
    assert 'data-figure="responses"' not in html


def test_from_five_responses_the_trainer_sees_averages_distribution_and_comments(
    evaluated_course, trainer, unit
):
    respond(evaluated_course, 3, unit=unit, score=5, comments=COMMENTS[:3])
    respond(evaluated_course, 2, unit=unit, score=3, comments=COMMENTS[3:])
    AsnProfileFactory(unit=unit)  # not enrolled: not counted as asked
    results = course_results(course=evaluated_course)
    assert not results.too_few
    assert results.responses == 5 and results.eligible == 5
    assert results.response_rate == 100.0
    assert results.average == 4.2
    materi = next(s for s in results.sections if s.section == "materi")
    assert {q.distribution for q in materi.questions} == {(0, 0, 2, 0, 3)}
    [about_trainer] = results.trainers
    assert about_trainer.name == trainer.display_name
    assert about_trainer.average == 4.2
    # Alphabetical, whatever order they were sent in.
    assert results.comments
    for group in results.comments:
        assert group.comments == sorted(COMMENTS, key=str.casefold)

    html = client_as(trainer).get(_results_url(evaluated_course)).content.decode()
    assert (
        'data-figure="average">4,20<' in html or 'data-figure="average">4.20<' in html
    )
    assert "<svg" in html
    for comment in COMMENTS:
        assert comment in html


def test_results_never_show_a_learners_name_or_email(evaluated_course, trainer, unit):
    learners = respond(evaluated_course, 5, unit=unit, comments=COMMENTS)
    client = client_as(trainer)
    pages = [
        client.get(_results_url(evaluated_course)).content.decode(),
        b"".join(
            client.get(
                reverse("sigap_evaluation_csv", args=[evaluated_course.pk])
            ).streaming_content
        ).decode(),
    ]
    for learner in learners:
        for page in pages:
            assert learner.display_name not in page
            assert learner.email not in page
            assert learner.asn_profile.nip not in page


def test_each_trainer_is_shown_only_from_five_responses_about_them(
    evaluated_course, trainer, unit
):
    respond(evaluated_course, 3, unit=unit, score=4)
    successor = UserFactory(roles=[ROLE_TRAINER], name="Siti Marlina, S.Kep.")
    evaluated_course.trainer = successor
    evaluated_course.save_revision().publish()
    respond(evaluated_course, 2, unit=unit, score=2)
    results = course_results(course=evaluated_course)
    assert not results.too_few
    by_name = {t.name: t for t in results.trainers}
    assert by_name[successor.display_name].too_few
    assert by_name[successor.display_name].average is None
    assert by_name[successor.display_name].questions == []
    assert by_name[trainer.display_name].too_few  # 3 responses about them


def test_a_trainers_own_questions_are_in_the_results(evaluated_course, trainer, unit):
    CourseQuestion.objects.create(
        course=evaluated_course, text="Simulasi triase relevan.", kind="scale"
    )
    respond(evaluated_course, 5, unit=unit, score=5)
    results = course_results(course=evaluated_course)
    [extra] = [s for s in results.sections if s.section == "tambahan"]
    assert [q.text for q in extra.questions] == ["Simulasi triase relevan."]
    assert extra.questions[0].distribution == (0, 0, 0, 0, 5)


def test_another_trainers_course_results_are_not_found(evaluated_course, catalog, unit):
    respond(evaluated_course, 5, unit=unit)
    other = UserFactory(roles=[ROLE_TRAINER])
    client = client_as(other)
    for name in ("sigap_evaluation_results", "sigap_evaluation_csv"):
        response = client.get(reverse(name, args=[evaluated_course.pk]))
        assert response.status_code == 404


def test_csv_and_xlsx_hold_the_pages_figures_and_nothing_below_five(
    evaluated_course, trainer, unit
):
    client = client_as(trainer)
    respond(evaluated_course, 4, unit=unit, comments=COMMENTS)
    few = b"".join(
        client.get(
            reverse("sigap_evaluation_csv", args=[evaluated_course.pk])
        ).streaming_content
    ).decode()
    assert "kurang dari 5" in few
    assert not any(comment in few for comment in COMMENTS)

    respond(evaluated_course, 1, unit=unit, score=4, comments=["=HYPERLINK(1)"])
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(
                    client.get(
                        reverse("sigap_evaluation_csv", args=[evaluated_course.pk])
                    ).streaming_content
                ).decode()
            )
        )
    )
    assert rows[0][:5] == [
        "Bagian",
        "Pengajar",
        "Pertanyaan",
        "Jumlah jawaban",
        "Rata-rata",
    ]
    materi = [row for row in rows if row[0] == "Materi"]
    assert materi and all(
        row[3:10] == ["5", "4.0", "0", "0", "0", "5", "0"] for row in materi
    )
    assert ["Pengajar", trainer.display_name] == [
        row for row in rows if row[0] == "Pengajar"
    ][0][:2]
    assert "'=HYPERLINK(1)" in [row[-1] for row in rows]

    response = client.get(reverse("sigap_evaluation_xlsx", args=[evaluated_course.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    assert len(xlsx_rows) == len(rows)
    xlsx_materi = [row for row in xlsx_rows if row[0] == "Materi"]
    assert all(row[3:10] == (5, 4.0, 0, 0, 0, 5, 0) for row in xlsx_materi)


def test_hr_sees_results_of_courses_their_people_took_and_no_other(
    evaluated_course, catalog, unit, instansi
):
    respond(evaluated_course, 5, unit=unit)
    elsewhere = make_org_unit("Pemkot Lain", code="PEMKOT-LAIN")
    other_course = make_course(catalog, lessons=1, title="Kursus Lain")
    other_course.requires_evaluation = True
    other_course.save_revision().publish()
    respond(other_course, 5, unit=elsewhere)
    officer = make_hr_officer(instansi)
    client = client_as(officer)
    index = client.get(reverse("evaluation:hr_index")).content.decode()
    assert evaluated_course.title in index
    assert "Kursus Lain" not in index
    ok = client.get(reverse("evaluation:hr_results", args=[evaluated_course.pk]))
    assert ok.status_code == 200
    assert 'data-figure="responses">5<' in ok.content.decode()
    refused = client.get(reverse("evaluation:hr_results", args=[other_course.pk]))
    assert refused.status_code == 404


def test_a_copied_course_is_a_new_run_in_the_same_trend(
    evaluated_course, trainer, unit
):
    CourseQuestion.objects.create(
        course=evaluated_course, text="Simulasi triase relevan.", kind="scale"
    )
    respond(evaluated_course, 5, unit=unit, score=4)
    copy = copy_course(
        course=evaluated_course, user=trainer, title="Layanan Prima (angkatan 2)"
    )
    assert [q.text for q in CourseQuestion.objects.filter(course=copy)] == [
        "Simulasi triase relevan."
    ]
    for page in copy.get_descendants(inclusive=True).specific():
        page.save_revision().publish()
    copy = CoursePage.objects.get(pk=copy.pk)
    respond(copy, 2, unit=unit, score=5)
    html = client_as(trainer).get(_results_url(copy)).content.decode()
    assert "Tren antar angkatan" in html
    assert "Layanan Prima (angkatan 2)" in html
    assert "kurang dari 5 tanggapan" in html  # the new run, 2 responses so far
    assert "4,00" in html or "4.00" in html  # the first run's mean


def _queries_for_results(course) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        course_results(course=course)
    return len(queries)


def test_results_cost_the_same_queries_for_five_or_fifteen_responses(
    catalog, trainer, unit
):
    small, large = (
        make_course(catalog, lessons=1, trainer=trainer, title=title)
        for title in ("Kecil", "Besar")
    )
    for course, count in ((small, 5), (large, 15)):
        course.requires_evaluation = True
        course.save_revision().publish()
        respond(course, count, unit=unit, comments=COMMENTS)
    assert _queries_for_results(small) == _queries_for_results(large) <= 6


def test_question_texts_and_comments_are_escaped_in_page_and_charts(
    evaluated_course, trainer, unit
):
    hostile = '<script>alert("x")</script>'
    CourseQuestion.objects.create(course=evaluated_course, text=hostile, kind="scale")
    respond(evaluated_course, 5, unit=unit, comments=[hostile] * 5)
    html = client_as(trainer).get(_results_url(evaluated_course)).content.decode()
    assert hostile not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
