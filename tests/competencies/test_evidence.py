import datetime

import pytest
from django.urls import reverse

from courses.models import Enrolment
from courses.services import complete_enrolment, enrol, evaluate_completion
from lms.competencies.models import CompetencyEvidence, JpEntry
from lms.competencies.selectors import competency_profile
from lms.competencies.services import record_evidence
from tests.factories import make_course, map_competency

pytestmark = pytest.mark.django_db


@pytest.fixture
def mapped_course(course):
    map_competency(course, "M.8", 3)
    map_competency(course, "M.5", 2)
    return course


def test_completion_records_evidence_once_per_competency(learner, mapped_course):
    enrolment, _ = enrol(user=learner, course=mapped_course)
    complete_enrolment(enrolment=enrolment)
    complete_enrolment(enrolment=enrolment)
    evaluate_completion(enrolment=enrolment)
    record_evidence(enrolment=Enrolment.objects.get(pk=enrolment.pk))

    evidence = CompetencyEvidence.objects.filter(user=learner)
    assert sorted(evidence.values_list("competency__code", "level_demonstrated")) == [
        ("M.5", 2),
        ("M.8", 3),
    ]
    assert all(item.course_id == mapped_course.pk for item in evidence)
    assert JpEntry.objects.filter(user=learner).count() == 1


def test_completion_without_mapping_records_jp_but_no_evidence(learner, course):
    enrolment, _ = enrol(user=learner, course=course)
    complete_enrolment(enrolment=enrolment)
    assert not CompetencyEvidence.objects.exists()
    assert JpEntry.objects.get(user=learner).jp == course.jp


def test_assessed_level_is_the_highest_demonstrated_with_its_evidence(learner, catalog):
    basic = make_course(catalog, lessons=1, title="Dasar")
    advanced = make_course(catalog, lessons=1, title="Lanjutan")
    map_competency(basic, "M.8", 2)
    map_competency(advanced, "M.8", 4)
    for course in (advanced, basic):
        enrolment, _ = enrol(user=learner, course=course)
        complete_enrolment(enrolment=enrolment)

    row = next(
        r for r in competency_profile(user=learner) if r.competency.code == "M.8"
    )
    assert row.assessed_level == 4
    assert row.evidence.course_id == advanced.pk


def test_learner_opens_own_evidence_but_not_someone_elses(
    client, learner, mapped_course, user_factory
):
    enrolment, _ = enrol(user=learner, course=mapped_course)
    complete_enrolment(enrolment=enrolment)
    evidence = CompetencyEvidence.objects.get(competency__code="M.8")
    url = reverse("competencies:evidence", args=[evidence.pk])

    client.force_login(learner)
    response = client.get(url)
    assert response.status_code == 200
    assert mapped_course.title in response.text
    assert "Level 3" in response.text

    client.force_login(user_factory())
    assert client.get(url).status_code == 404


def test_evidence_date_is_the_completion_date(learner, mapped_course):
    enrolment, _ = enrol(user=learner, course=mapped_course)
    complete_enrolment(enrolment=enrolment)
    enrolment.refresh_from_db()
    evidence = CompetencyEvidence.objects.filter(user=learner).first()
    assert evidence.demonstrated_at == enrolment.completed_at
    assert isinstance(evidence.demonstrated_at, datetime.datetime)
