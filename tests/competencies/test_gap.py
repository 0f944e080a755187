import pytest

from courses.services import complete_enrolment, enrol
from lms.competencies.models import Competency, PositionStandard
from lms.competencies.selectors import competency_gap, competency_profile
from tests.factories import make_course, map_competency

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("required", "assessed", "gap"),
    [(3, None, 3), (3, 1, 2), (3, 3, 0), (2, 4, -2), (None, 2, None)],
)
def test_gap_is_required_minus_assessed(required, assessed, gap):
    assert competency_gap(required=required, assessed=assessed) == gap


def _standard(learner, code, level):
    PositionStandard.objects.create(
        jabatan=learner.asn_profile.jabatan,
        competency=Competency.objects.get(code=code),
        required_level=level,
    )


def test_profile_shows_gaps_and_the_courses_that_close_them(learner, catalog):
    _standard(learner, "M.8", 3)
    _standard(learner, "M.2", 2)
    done = make_course(catalog, lessons=1, title="Berpikir Cepat Dasar")
    closes = make_course(catalog, lessons=1, title="Berpikir Cepat Lanjut")
    narrows = make_course(catalog, lessons=1, title="Berpikir Cepat Menengah")
    unrelated = make_course(catalog, lessons=1, title="Kerja Sama")
    map_competency(done, "M.8", 1)
    map_competency(closes, "M.8", 3)
    map_competency(narrows, "M.8", 2)
    map_competency(unrelated, "M.2", 2)
    enrolment, _ = enrol(user=learner, course=done)
    complete_enrolment(enrolment=enrolment)

    rows = {row.competency.code: row for row in competency_profile(user=learner)}

    assert rows["M.8"].assessed_level == 1
    assert rows["M.8"].gap == 2
    assert [(c.title, full) for c, full in rows["M.8"].closing_courses] == [
        ("Berpikir Cepat Lanjut", True),
        ("Berpikir Cepat Menengah", False),
    ]
    assert rows["M.2"].gap == 2
    assert rows["M.1"].gap is None  # the jabatan sets no standard for it
    assert not rows["M.1"].has_gap


def test_completed_courses_are_not_suggested_again(learner, catalog):
    _standard(learner, "M.8", 4)
    course = make_course(catalog, lessons=1)
    map_competency(course, "M.8", 3)
    enrolment, _ = enrol(user=learner, course=course)
    complete_enrolment(enrolment=enrolment)

    row = next(
        r for r in competency_profile(user=learner) if r.competency.code == "M.8"
    )
    assert row.gap == 1
    assert row.closing_courses == []


def test_profile_lists_all_national_competencies(learner):
    codes = [row.competency.code for row in competency_profile(user=learner)]
    assert codes == ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]


def test_summary_rows_for_other_apps(learner, catalog):
    from lms.competencies.selectors import competency_summary

    _standard(learner, "M.8", 3)
    course = make_course(catalog, lessons=1)
    map_competency(course, "M.8", 2)
    enrolment, _ = enrol(user=learner, course=course)
    complete_enrolment(enrolment=enrolment)
    rows = {row["label"]: row for row in competency_summary(user=learner)}
    assert rows["M.8 Pengambilan Keputusan"] == {
        "label": "M.8 Pengambilan Keputusan",
        "assessed": 2,
        "required": 3,
        "gap": 1,
    }


def test_teknis_standard_applies_only_inside_its_instansi(learner, instansi, unit):
    from lms.competencies.models import CompetencyGroup
    from tests.factories import AsnProfileFactory, make_org_unit

    teknis = Competency.objects.create(
        code="T.UJI.1", name="Triase", group=CompetencyGroup.TEKNIS, instansi=instansi
    )
    PositionStandard.objects.create(
        jabatan=learner.asn_profile.jabatan, competency=teknis, required_level=2
    )
    elsewhere = make_org_unit("Pemkot Lain", code="PEMKOT-LAIN")
    same_jabatan_elsewhere = AsnProfileFactory(
        unit=elsewhere, jabatan=learner.asn_profile.jabatan
    ).user

    mine = {row.competency.code: row for row in competency_profile(user=learner)}
    theirs = {
        row.competency.code for row in competency_profile(user=same_jabatan_elsewhere)
    }
    assert mine["T.UJI.1"].gap == 2
    assert "T.UJI.1" not in theirs
