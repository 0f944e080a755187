import pytest

from courses.services import enrol
from lms.accounts.permissions import ROLE_ADMIN, ROLE_LEARNER, ROLE_TRAINER
from tests.factories import AsnProfileFactory, UserFactory, make_course, make_hr_officer


@pytest.fixture(autouse=True)
def _many_posts_allowed(settings):
    """Flooding is its own test (test_rate_limit.py); others post freely."""
    settings.SIGAP_DISCUSSION_POST_RATE = "1000/m"


@pytest.fixture
def trainer(unit):
    return AsnProfileFactory(
        unit=unit,
        full_name="Rina Wulandari",
        user__name="Rina Wulandari",
        user__email="rina@sigap.test",
        user__roles=[ROLE_TRAINER],
    ).user


@pytest.fixture
def other_trainer(unit):
    return AsnProfileFactory(
        unit=unit, full_name="Pengajar Lain", user__roles=[ROLE_TRAINER]
    ).user


@pytest.fixture
def admin_user(unit):
    return UserFactory(roles=[ROLE_ADMIN], is_staff=True)


@pytest.fixture
def hr_officer(unit):
    return make_hr_officer(unit)


@pytest.fixture
def course(catalog, trainer):
    return make_course(catalog, lessons=2, trainer=trainer, title="Pelayanan Prima")


@pytest.fixture
def member(unit, course):
    """An enrolled learner."""
    user = AsnProfileFactory(
        unit=unit, full_name="Budi Santoso", user__roles=[ROLE_LEARNER]
    ).user
    enrol(user=user, course=course)
    return user


@pytest.fixture
def classmate(unit, course):
    user = AsnProfileFactory(
        unit=unit, full_name="Sari Dewi", user__roles=[ROLE_LEARNER]
    ).user
    enrol(user=user, course=course)
    return user


@pytest.fixture
def outsider(unit):
    """A learner not enrolled in the course."""
    return AsnProfileFactory(unit=unit, user__roles=[ROLE_LEARNER]).user
