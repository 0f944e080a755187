"""The demo's evaluations (``demo/steps/evaluation.py``) on a small world built
with factories: results visible on one course, "too few" on another, and a
second seeding adds nothing."""

import pytest

from demo.steps import evaluation as demo_evaluation
from lms.evaluation.models import EvaluationResponse
from lms.evaluation.selectors import course_results
from tests.factories import AsnProfileFactory, make_course

from .conftest import finish_lessons

pytestmark = pytest.mark.django_db


def test_demo_evaluations_show_results_on_one_course_and_too_few_on_another(
    catalog, trainer, unit
):
    courses = {}
    for code in ("BCP", "PPK"):
        course = make_course(catalog, lessons=1, trainer=trainer, title=f"Demo {code}")
        course.code = code
        course.save_revision().publish()
        courses[code] = course
    for index in range(8):
        staff = AsnProfileFactory(
            unit=unit, user__email=f"staf{index + 1:02d}@sigap.test"
        ).user
        for course in courses.values():
            assert finish_lessons(staff, course).is_completed

    demo_evaluation.seed()
    demo_evaluation.seed()

    bcp = course_results(course=courses["BCP"])
    assert not bcp.too_few
    assert bcp.responses == 8  # every finished staff member (fewer than 17 here)
    assert bcp.comments and bcp.comments[0].comments
    assert any(s.section == "tambahan" for s in bcp.sections)
    assert course_results(course=courses["PPK"]).too_few
    assert EvaluationResponse.objects.filter(course=courses["PPK"]).count() == 3
