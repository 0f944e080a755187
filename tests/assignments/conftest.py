import pytest

from courses.services import enrol
from tests.factories import UserFactory, add_assignment, make_course


@pytest.fixture
def trainer(db):
    return UserFactory(roles=["Pengajar"])


@pytest.fixture
def taught_course(catalog, trainer):
    return make_course(catalog, lessons=2, trainer=trainer)


@pytest.fixture
def lesson(taught_course):
    return add_assignment(taught_course.lessons().first().specific)


@pytest.fixture
def enrolment(learner, taught_course, lesson):
    return enrol(user=learner, course=taught_course)[0]


@pytest.fixture
def detail_url(lesson):
    return f"/tugas/{lesson.pk}/tugas-1/"
