"""Fixtures for certificate tests: a completed enrolment and its certificate."""

import pytest

from certificates.services import issue_certificate
from certificates.signing import reset_signer
from tests.factories import complete_enrolment_for


@pytest.fixture(autouse=True)
def _fresh_signer():
    """Each test sees the signer its own settings describe."""
    reset_signer()
    yield
    reset_signer()


@pytest.fixture
def completed(learner, course):
    return complete_enrolment_for(learner, course)


@pytest.fixture
def certificate(completed):
    return issue_certificate(enrolment=completed)
