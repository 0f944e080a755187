"""The HR workspace through its pages: access, scope isolation, drill-down."""

import pytest
from django.urls import reverse

from courses.services import complete_enrolment, enrol
from lms.audit.models import AuditEvent
from tests.factories import UserFactory

HR_PAGES = ["hr:dashboard", "hr:learners"]


@pytest.fixture
def records(course, learner, insider, outsider):
    """Both organisations have enrolments and completions in the course."""
    for person in (learner, insider, outsider):
        enrolment, _ = enrol(user=person, course=course)
        complete_enrolment(enrolment=enrolment)
    return course


@pytest.mark.parametrize("name", HR_PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("roles", [["Peserta"], ["Pengajar"], ["Peninjau"]])
@pytest.mark.parametrize("name", HR_PAGES)
def test_only_hr_and_administrators_reach_hr_pages(client, db, roles, name):
    client.force_login(UserFactory(roles=roles))
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", HR_PAGES)
def test_hr_officer_and_administrator_reach_hr_pages(client, officer, admin_user, name):
    for user in (officer, admin_user):
        client.force_login(user)
        assert client.get(reverse(name)).status_code == 200


def test_dashboard_counts_only_the_officers_subtree(officer_client, records):
    response = officer_client.get(reverse("hr:dashboard"))
    dashboard = response.context["dashboard"]
    assert dashboard.learners == 2
    assert dashboard.totals.enrolled == 2
    assert dashboard.totals.completed == 2
    assert [row.completed for row in dashboard.by_course] == [2]
    html = response.content.decode()
    assert "Orang Luar Lingkup" not in html
    assert "Dinas Sosial Lain" not in html


def test_administrator_dashboard_counts_every_instansi(client, admin_user, records):
    client.force_login(admin_user)
    dashboard = client.get(reverse("hr:dashboard")).context["dashboard"]
    assert dashboard.learners == 3
    assert {row.label for row in dashboard.by_unit} >= {
        "Pemerintah Kabupaten Uji",
        "Pemerintah Kota Lain",
    }


def test_filtering_by_a_unit_outside_scope_is_refused_and_leaks_nothing(
    officer_client, records, other_unit
):
    response = officer_client.get(reverse("hr:dashboard"), {"unit": other_unit.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert response.context["dashboard"].learners == 2
    assert "Orang Luar Lingkup" not in response.content.decode()


@pytest.mark.parametrize("field", ["unit", "course"])
@pytest.mark.parametrize("value", ["9223372036854775808", "-9223372036854775809"])
def test_a_tampered_out_of_range_filter_is_refused_not_a_server_error(
    officer_client, records, field, value
):
    response = officer_client.get(reverse("hr:learners"), {field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    response = officer_client.get(reverse("hr:dashboard"), {field: value})
    assert response.status_code == 200
    assert response.context["dashboard"].learners == 2


def test_unit_filter_narrows_to_that_subtree(officer_client, records, sub_unit):
    response = officer_client.get(reverse("hr:dashboard"), {"unit": sub_unit.pk})
    assert response.context["dashboard"].learners == 1


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("employee_type", "PPPK", 0),
        ("employee_type", "PNS", 2),
        ("golongan", "III/a", 2),
        ("golongan", "IV/a", 0),
        ("jabatan_category", "pelaksana", 2),
        ("jabatan_category", "fungsional", 0),
    ],
)
def test_person_filters_change_the_counts(
    officer_client, records, field, value, expected
):
    response = officer_client.get(reverse("hr:dashboard"), {field: value})
    assert response.context["dashboard"].learners == expected


def test_year_filter_counts_only_that_years_activity(officer_client, records):
    response = officer_client.get(reverse("hr:dashboard"), {"year": 2021})
    assert response.context["dashboard"].totals.enrolled == 0


def test_jp_compliance_lists_people_below_target_with_their_jp(officer_client, records):
    jp = officer_client.get(reverse("hr:dashboard")).context["dashboard"].jp
    assert jp.target == 20
    assert jp.compliant == 0
    assert jp.below_count == 2
    assert sorted(value for _, value in jp.below) == [records.jp, records.jp]


def test_learner_list_shows_only_people_in_scope(officer_client, records):
    response = officer_client.get(reverse("hr:learners"), {"status": "completed"})
    names = {profile.full_name for profile, _ in response.context["rows"]}
    assert "Orang Luar Lingkup" not in names
    assert "Pegawai Dalam Lingkup" in names


def test_learner_list_query_count_does_not_grow_with_rows(
    officer_client, records, unit
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import AsnProfileFactory

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert officer_client.get(reverse("hr:learners")).status_code == 200
        return len(context)

    queries()  # warm caches (site root paths)
    few = queries()
    for _ in range(15):
        AsnProfileFactory(unit=unit)
    assert queries() == few <= 16


def test_transcript_of_person_in_scope_is_shown_and_audited(
    officer_client, officer, records, insider
):
    response = officer_client.get(reverse("hr:transcript", args=[insider.pk]))
    assert response.status_code == 200
    assert records.title in response.content.decode()
    event = AuditEvent.objects.get(action="hr.view_record")
    assert event.actor == officer
    assert event.target_id == str(insider.pk)


def test_transcript_of_person_outside_scope_is_404(officer_client, records, outsider):
    response = officer_client.get(reverse("hr:transcript", args=[outsider.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="hr.view_record").exists()


def test_competency_gaps_count_only_people_in_scope(
    officer_client, course, learner, insider, outsider
):
    from django.utils import timezone

    from lms.competencies.models import (
        Competency,
        CompetencyEvidence,
        PositionStandard,
    )

    integritas = Competency.objects.get(code="M.1")
    PositionStandard.objects.create(
        jabatan=learner.asn_profile.jabatan, competency=integritas, required_level=2
    )
    for person in (insider, outsider):
        enrolment, _ = enrol(user=person, course=course)
        CompetencyEvidence.objects.create(
            user=person,
            competency=integritas,
            enrolment=enrolment,
            course=course,
            demonstrated_at=timezone.now(),
            target_level=2,
            level_demonstrated=2,
        )
    response = officer_client.get(reverse("hr:dashboard"))
    (row,) = response.context["dashboard"].gaps
    assert (row.required, row.meeting, row.short, row.share) == (2, 1, 1, 50)
    assert "Integritas" in response.content.decode()


def test_chart_geometry_is_not_localised_with_decimal_commas(officer_client, records):
    import re

    html = officer_client.get(reverse("hr:dashboard")).content.decode()
    widths = re.findall(r'class="hr-chart-svg".*?</svg>', html, flags=re.S)
    assert widths
    assert not re.search(r'(?:width|x|y)="[0-9]+,[0-9]', "".join(widths))


def test_transcript_pdf_holds_the_record_and_is_scoped(
    officer_client, records, insider, outsider
):
    import io

    from pypdf import PdfReader

    response = officer_client.get(reverse("hr:transcript_pdf", args=[insider.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert insider.asn_profile.nip in text
    assert "Pegawai Dalam Lingkup" in text
    assert records.title in text
    assert AuditEvent.objects.filter(action="hr.view_record", data__format="pdf")
    outside = officer_client.get(reverse("hr:transcript_pdf", args=[outsider.pk]))
    assert outside.status_code == 404


@pytest.mark.skipif(
    not __import__("django.apps").apps.apps.is_installed("courses.quizzes"),
    reason="quiz engine not installed",
)
def test_course_scores_pair_first_pretest_with_best_posttest_in_scope(
    officer, course, learner, insider, outsider
):
    from django.apps import apps
    from django.utils import timezone

    from lms.hr.filters import HrFilters
    from lms.hr.reports import course_scores

    Attempt = apps.get_model("quizzes", "Attempt")
    QuizPage = apps.get_model("quizzes", "QuizPage")
    pre_quiz = course.add_child(
        instance=QuizPage(title="Pre-test", slug="pre-test", kind="pretest")
    )
    post_quiz = course.add_child(
        instance=QuizPage(title="Post-test", slug="post-test", kind="posttest")
    )
    now = timezone.now()

    def attempt(user, quiz, percent, number=1):
        Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=number,
            status=Attempt.Status.SUBMITTED,
            started_at=now,
            closed_at=now,
            percent=percent,
        )

    attempt(learner, pre_quiz, 40)
    attempt(learner, post_quiz, 70)
    attempt(insider, pre_quiz, 50)
    attempt(insider, post_quiz, 60)
    attempt(insider, post_quiz, 100, number=2)
    attempt(outsider, pre_quiz, 0)
    attempt(outsider, post_quiz, 100)
    (row,) = course_scores(user=officer, filters=HrFilters(year=now.year))
    assert (row.pre, row.post, row.gain, row.learners) == (45.0, 85.0, 0.75, 2)


def test_person_at_the_jp_target_counts_as_compliant_and_is_not_listed(
    officer_client, catalog, learner, insider, outsider
):
    from tests.factories import make_course

    big = make_course(catalog, jp=20)
    for person in (insider, outsider):
        enrolment, _ = enrol(user=person, course=big)
        complete_enrolment(enrolment=enrolment)
    jp = officer_client.get(reverse("hr:dashboard")).context["dashboard"].jp
    assert (jp.learners, jp.compliant, jp.below_count, jp.share) == (2, 1, 1, 50)
    assert [(profile.user_id, value) for profile, value in jp.below] == [
        (learner.pk, 0)
    ]


def test_the_learners_list_pages_through_the_scope_keeping_the_filters(
    officer_client, unit, monkeypatch
):
    """Past a page of people, the list says which page of how many and links to
    the next and the previous with the filters kept."""
    from lms.hr import views
    from tests.factories import AsnProfileFactory

    AsnProfileFactory.create_batch(3, unit=unit)
    monkeypatch.setattr(views, "LEARNERS_PER_PAGE", 2)
    first = officer_client.get(reverse("hr:learners"), {"status": "all"})
    page = first.content.decode()
    assert "Halaman 1 dari 2" in page
    assert "status=all" in page and "page=2" in page
    second = officer_client.get(reverse("hr:learners"), {"status": "all", "page": 2})
    page = second.content.decode()
    assert "Halaman 2 dari 2" in page and "page=1" in page
