import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services import complete_enrolment, enrol
from lms.competencies.models import Competency, PositionStandard
from tests.factories import make_course, map_competency

pytestmark = pytest.mark.django_db


def _complete(learner, catalog, code, level, jp=4):
    course = make_course(catalog, lessons=1, jp=jp, title=f"Kursus {code}")
    map_competency(course, code, level)
    enrolment, _ = enrol(user=learner, course=course)
    complete_enrolment(enrolment=enrolment)
    return course


def test_page_shows_profile_gap_and_charts_without_script(
    learner_client, learner, catalog
):
    PositionStandard.objects.create(
        jabatan=learner.asn_profile.jabatan,
        competency=Competency.objects.get(code="M.5"),
        required_level=3,
    )
    _complete(learner, catalog, "M.5", 2)
    closer = make_course(catalog, lessons=1, title="Layanan Krisis Lanjut")
    map_competency(closer, "M.5", 3)

    response = learner_client.get(reverse("competencies:mine"))
    html = response.text
    assert response.status_code == 200
    assert "M.5 Pelayanan Publik" in html
    assert "kurang 1 level" in html
    assert "Layanan Krisis Lanjut" in html
    assert html.count('<svg class="chart chart-profile') == 1
    assert "<script" not in html.split("<main", 1)[1].split("</main>")[0]
    assert "<table" in html  # the text equivalent of each chart


def test_page_query_count_does_not_grow_with_history(learner_client, learner, catalog):
    _complete(learner, catalog, "M.8", 2)
    learner_client.get(reverse("competencies:mine"))  # warm the per-site caches
    with CaptureQueriesContext(connection) as few:
        learner_client.get(reverse("competencies:mine"))
    for code in ("M.2", "M.3", "M.4", "M.7"):
        _complete(learner, catalog, code, 3)
    # Publishing pages clears the cached catalogue link; warm it again.
    learner_client.get(reverse("competencies:mine"))
    with CaptureQueriesContext(connection) as many:
        learner_client.get(reverse("competencies:mine"))
    assert len(many) == len(few) <= 15


def test_page_needs_sign_in(client):
    response = client.get(reverse("competencies:mine"))
    assert response.status_code == 302


def test_growth_table_shows_scores_and_gain_with_undefined_as_dash(
    learner_client, learner, catalog
):
    from decimal import Decimal

    from lms.competencies.models import CompetencyEvidence

    _complete(learner, catalog, "M.8", 3)
    _complete(learner, catalog, "M.2", 3)
    CompetencyEvidence.objects.filter(competency__code="M.8").update(
        pre_percent=Decimal("40"), post_percent=Decimal("70")
    )
    CompetencyEvidence.objects.filter(competency__code="M.2").update(
        pre_percent=Decimal("100"), post_percent=Decimal("90")
    )

    html = learner_client.get(reverse("competencies:mine")).text
    growth = html.split('id="growth-title"', 1)[1]
    assert "40%" in growth and "70%" in growth and "0,50" in growth
    assert "100%" in growth and "90%" in growth
    assert '<svg class="chart chart-growth"' in growth
    assert growth.count("<circle") == 4  # a pre and a post dot per row


def test_evidence_page_shows_the_competency_scores_and_gain(
    learner_client, learner, catalog
):
    from decimal import Decimal

    from lms.competencies.models import CompetencyEvidence

    _complete(learner, catalog, "M.8", 3)
    evidence = CompetencyEvidence.objects.get(user=learner)
    evidence.pre_percent, evidence.post_percent = Decimal("40"), Decimal("85")
    evidence.save()
    html = learner_client.get(reverse("competencies:evidence", args=[evidence.pk])).text
    assert "40% → 85%" in html
    assert "0,75" in html
