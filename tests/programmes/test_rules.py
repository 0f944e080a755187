"""Rules assign exactly the people they describe, follow moves, never duplicate."""

import pytest

from courses.models import Enrolment
from lms.accounts.models import AsnProfile
from lms.programmes.models import AssignmentRule, PositionType, ProgrammeAssignment
from lms.programmes.services import evaluate_rules
from tests.factories import AsnProfileFactory

pytestmark = pytest.mark.django_db


def _assigned(programme) -> set[str]:
    return set(
        ProgrammeAssignment.objects.filter(programme=programme).values_list(
            "user__asn_profile__full_name", flat=True
        )
    )


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, {"Rina Perawat", "Budi Kasi", "Sari PPPK"}),
        ({"position_type": PositionType.FUNGSIONAL}, {"Rina Perawat", "Sari PPPK"}),
        ({"position_type": PositionType.STRUKTURAL}, {"Budi Kasi"}),
        ({"golongan": "III/d"}, {"Budi Kasi"}),
        ({"employee_type": "PPPK"}, {"Sari PPPK"}),
        (
            {"position_type": PositionType.FUNGSIONAL, "employee_type": "PNS"},
            {"Rina Perawat"},
        ),
    ],
)
def test_a_rule_assigns_exactly_the_people_it_describes(
    programme, unit, staff, criteria, expected
):
    AssignmentRule.objects.create(programme=programme, unit=unit, **criteria)

    evaluate_rules()

    assert _assigned(programme) == expected


def test_a_rule_by_jabatan_assigns_only_that_position(programme, unit, staff):
    jabatan = staff["kasi"].asn_profile.jabatan
    AssignmentRule.objects.create(programme=programme, unit=unit, jabatan=jabatan)

    evaluate_rules()

    assert _assigned(programme) == {"Budi Kasi"}


def test_assignment_enrols_in_every_course_with_the_due_date(
    programme, unit, staff, courses
):
    AssignmentRule.objects.create(programme=programme, unit=unit)

    evaluate_rules()

    enrolments = Enrolment.objects.filter(user=staff["perawat"])
    assert {e.course_id for e in enrolments} == {c.pk for c in courses}
    assignment = ProgrammeAssignment.objects.get(user=staff["perawat"])
    assert assignment.due_on is not None
    assert {e.deadline for e in enrolments} == {assignment.due_on}


def test_an_ordered_programme_opens_only_the_first_course(
    programme, unit, staff, courses
):
    programme.ordered = True
    programme.save()
    AssignmentRule.objects.create(programme=programme, unit=unit)

    evaluate_rules()

    assert list(
        Enrolment.objects.filter(user=staff["perawat"]).values_list(
            "course_id", flat=True
        )
    ) == [courses[0].pk]


def test_running_the_rules_again_assigns_nobody_twice(programme, unit, staff):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    AssignmentRule.objects.create(
        programme=programme, unit=unit, position_type=PositionType.FUNGSIONAL
    )

    first = evaluate_rules()
    second = evaluate_rules()

    assert first.total == 3
    assert second.total == 0
    assert ProgrammeAssignment.objects.filter(programme=programme).count() == 3


def test_someone_who_joins_the_unit_later_is_assigned(
    programme, unit, sibling_unit, staff
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    newcomer = AsnProfileFactory(unit=sibling_unit, full_name="Dewi Pindahan")

    newcomer.unit = unit
    newcomer.save()
    evaluate_rules(user_ids=[newcomer.user_id])

    assert "Dewi Pindahan" in _assigned(programme)


def test_someone_who_leaves_the_unit_keeps_their_record(
    programme, unit, sibling_unit, staff
):
    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()

    AsnProfile.objects.filter(user=staff["kasi"]).update(unit=sibling_unit)
    evaluate_rules()

    assert ProgrammeAssignment.objects.filter(user=staff["kasi"]).exists()
    assert "Andi Dinsos" not in _assigned(programme)


def test_a_profile_saved_or_imported_runs_the_rules_for_that_person(
    programme, unit, sibling_unit, django_capture_on_commit_callbacks
):
    from lms.programmes.evaluation import queue_rule_evaluation

    AssignmentRule.objects.create(programme=programme, unit=unit)
    person = AsnProfileFactory(unit=unit, full_name="Joko Baru")

    with django_capture_on_commit_callbacks(execute=True):
        queue_rule_evaluation(user_ids=[person.user_id])

    assert "Joko Baru" in _assigned(programme)


def test_an_inactive_rule_assigns_no_newcomers(programme, unit, staff):
    AssignmentRule.objects.create(programme=programme, unit=unit, is_active=False)

    assert evaluate_rules().total == 0


def test_a_course_added_later_reaches_those_already_assigned(
    programme, unit, staff, courses, catalog
):
    from lms.programmes.services import save_programme
    from tests.factories import make_course

    AssignmentRule.objects.create(programme=programme, unit=unit)
    evaluate_rules()
    added = make_course(catalog, lessons=1, title="Modul Tambahan")

    save_programme(
        programme=programme,
        items=[(c.pk, True) for c in [*courses, added]],
        by=staff["kasi"],
    )

    assert set(
        Enrolment.objects.filter(course=added).values_list("user_id", flat=True)
    ) == {staff["perawat"].pk, staff["kasi"].pk, staff["pppk"].pk}
