import datetime

import pytest

from tests.factories import UserFactory, make_course, make_session

# 15 March 2027, 09:00-10:30 WIB (02:00-03:30 UTC).
START = datetime.datetime(2027, 3, 15, 2, 0, tzinfo=datetime.UTC)


@pytest.fixture
def trainer(db):
    return UserFactory(roles=["Pengajar"])


@pytest.fixture
def webinar_course(catalog, trainer):
    return make_course(catalog, lessons=1, trainer=trainer, jp=2)


@pytest.fixture
def session(webinar_course):
    return make_session(webinar_course, starts_at=START, minutes=90)
