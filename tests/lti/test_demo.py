import pytest

from demo.steps import lti as lti_seed
from lms.lti.models import LtiDeployment, LtiPlatform, LtiToolKey

pytestmark = pytest.mark.django_db


def test_the_demo_registers_an_example_platform_once_and_it_cannot_launch(client):
    lti_seed.seed()
    lti_seed.seed()
    platform = LtiPlatform.objects.get()
    assert not platform.active
    assert LtiDeployment.objects.count() == 1
    assert LtiToolKey.objects.count() == 1
    response = client.get(
        "/lti/login/",
        {
            "iss": platform.issuer,
            "login_hint": "1",
            "target_link_uri": "http://127.0.0.1:8000/lti/kursus/1/",
        },
    )
    assert response.status_code == 400
