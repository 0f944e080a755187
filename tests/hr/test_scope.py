"""HR scope at the queryset layer: an officer of unit A never sees unit B."""

import pytest

from courses.models import Enrolment
from courses.services import enrol
from lms.accounts import scope
from tests.factories import AsnProfileFactory, UserFactory, make_hr_officer


@pytest.fixture
def people(learner, insider, outsider):
    return {"learner": learner, "insider": insider, "outsider": outsider}


def test_officer_sees_own_subtree_and_nothing_else(officer, people):
    visible = set(scope.users_in_scope(officer))
    assert visible >= {people["learner"], people["insider"]}
    assert people["outsider"] not in visible


def test_officer_attached_to_leaf_does_not_see_parent_or_sibling(
    unit, sub_unit, insider, learner
):
    leaf_officer = make_hr_officer(sub_unit)
    assert list(scope.users_in_scope(leaf_officer)) == [insider]
    assert not scope.person_in_hr_scope(leaf_officer, learner)
    assert not scope.unit_in_hr_scope(leaf_officer, unit)


def test_profiles_and_enrolments_are_scoped(officer, course, people):
    for person in people.values():
        enrol(user=person, course=course)
    names = set(scope.profiles_in_scope(officer).values_list("full_name", flat=True))
    assert "Orang Luar Lingkup" not in names
    enrolments = scope.filter_in_hr_scope(Enrolment.objects.all(), officer)
    enrolled = set(enrolments.values_list("user", flat=True))
    assert enrolled == {people["learner"].pk, people["insider"].pk}


def test_administrator_sees_everyone(admin_user, people):
    assert set(scope.users_in_scope(admin_user)) >= set(people.values())
    assert scope.person_in_hr_scope(admin_user, people["outsider"])


@pytest.mark.parametrize("roles", [[], ["Peserta"], ["Pengajar"], ["HR"]])
def test_unattached_or_non_hr_user_sees_no_one(roles, people):
    # An HR-group user without an attachment sees nothing, not everything.
    user = UserFactory(roles=roles)
    assert not scope.users_in_scope(user).exists()
    assert not scope.profiles_in_scope(user).exists()
    assert not scope.person_in_hr_scope(user, people["learner"])


def test_filter_in_hr_scope_filters_any_model_through_its_user_lookup(
    officer, course, people
):

    for person in people.values():
        enrol(user=person, course=course)
    qs = scope.filter_in_hr_scope(Enrolment.objects.all(), officer, via="user")
    assert people["outsider"].pk not in set(qs.values_list("user", flat=True))


def test_person_without_unit_is_outside_every_officer_scope(officer):
    loose = AsnProfileFactory(unit=None).user
    assert not scope.person_in_hr_scope(officer, loose)


def test_units_in_scope_are_the_subtree(officer, unit, sub_unit, other_unit):
    units = set(scope.hr_scope_units(officer))
    assert units == {unit, sub_unit}
