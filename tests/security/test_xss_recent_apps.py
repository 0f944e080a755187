"""The XSS payloads of ``test_xss`` typed where the recent apps show them stay
inert: programme titles (HR's programme screens), unit names (/hr/unit/),
notification titles, a team member's name and course (/tim/), an LTI context
title and platform name (the LTI admin screen)."""

import pytest
from django.test import Client
from django.utils.html import escape

from courses.services import enrol
from lms.accounts.permissions import ROLE_ADMIN
from lms.lti.models import LtiResourceLink
from lms.lti.platform_fake import FakePlatform
from lms.notifications.models import Notification
from lms.programmes.models import Programme, ProgrammeItem
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    make_course,
    make_hr_officer,
    make_org_unit,
)

from .test_xss import PAYLOADS, active_content
from .world import _give_mfa

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS[:10])
def test_payload_is_inert_on_the_recent_apps_pages(payload, catalog, unit):
    course = make_course(catalog, lessons=1, title=payload[:255])
    make_org_unit(payload[:200], parent=unit, code="XSS")
    boss = AsnProfileFactory(unit=unit).user
    member = AsnProfileFactory(unit=unit, full_name=payload, supervisor=boss).user
    enrol(user=member, course=course)
    programme = Programme.objects.create(
        title=payload[:200], code="xss", owner_unit=unit, due_days=30
    )
    ProgrammeItem.objects.create(programme=programme, course=course, position=0)
    Notification.objects.create(user=member, kind="x", title=payload[:255], link="/")
    platform = FakePlatform().register(name=payload[:100])
    LtiResourceLink.objects.create(
        platform=platform,
        deployment=platform.deployments.get(),
        resource_link_id="rl-1",
        context_title=payload[:255],
        course=course,
    )
    admin = UserFactory(roles=[ROLE_ADMIN], is_staff=True)
    _give_mfa(admin)

    pages = {
        "hr": (
            make_hr_officer(unit),
            [
                "/hr/program/",
                f"/hr/program/{programme.pk}/",
                f"/hr/program/{programme.pk}/laporan/",
                "/hr/unit/",
            ],
        ),
        "member": (member, ["/notifikasi/"]),
        "supervisor": (boss, ["/tim/"]),
        "admin": (admin, ["/cms/lti/"]),
    }
    problems = []
    for who, (user, urls) in pages.items():
        client = Client()
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (who, url, response.status_code)
            html = response.content.decode()
            assert escape(payload[:12]) in html, (who, url)  # shown, as text
            if found := active_content(html):
                problems.append(f"{who} {url}: {found}")
    assert not problems, "\n".join(problems)
