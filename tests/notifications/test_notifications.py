"""In-app notifications: what Sigap e-mails a person about a page of Sigap is also
in their Notifikasi, unread until they open it; e-mails carrying a secret are not."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from courses.services import enrol
from lms.accounts.personal_data import collect_personal_data
from lms.accounts.privacy import erase_person
from lms.emails import send_email
from lms.hr.services import notify_enrolled
from lms.notifications.models import Notification
from lms.notifications.services import KEEP_PER_PERSON, record_email
from tests.factories import AsnProfileFactory, UserFactory

pytestmark = pytest.mark.django_db


def _unread_badge(client) -> str | None:
    page = client.get(reverse("courses:my_courses")).content.decode()
    match = re.search(r'class="badge badge-count">(\d+)<', page)
    return match.group(1) if match else None


@pytest.fixture
def enrolled_by_hr(learner, course):
    enrolment, _created = enrol(user=learner, course=course, source="bulk")
    notify_enrolled(enrolments=[enrolment])
    return enrolment


def test_an_hr_enrolment_email_is_also_an_unread_notification(
    learner_client, learner, enrolled_by_hr
):
    assert len(mail.outbox) == 1
    notification = Notification.objects.get(user=learner)
    # The e-mail's subject without its "[Sigap]" tag.
    assert mail.outbox[0].subject.startswith("[Sigap] ")
    assert notification.title == mail.outbox[0].subject.removeprefix("[Sigap] ")
    assert notification.link == reverse("courses:my_courses")
    assert notification.read_at is None
    assert _unread_badge(learner_client) == "1"
    listing = learner_client.get(reverse("notifications:list")).content.decode()
    assert 'class="unread"' in listing and notification.title in listing
    # Opening it marks it read and leads to the page the e-mail was about.
    response = learner_client.post(
        reverse("notifications:open", args=[notification.pk])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:my_courses")
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert _unread_badge(learner_client) is None


def test_mark_all_read(learner_client, learner, catalog, enrolled_by_hr):
    send_email(
        kind="enrolled_by_hr",
        to=learner,
        context={"name": "x", "course": enrolled_by_hr.course, "my_courses_url": "/"},
        link="/kursus-saya/",
    )
    assert _unread_badge(learner_client) == "2"
    learner_client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(user=learner, read_at__isnull=True).exists()
    assert _unread_badge(learner_client) is None


def test_an_email_with_a_secret_link_is_not_kept_in_sigap(learner):
    send_email(
        kind="invitation",
        to=learner,
        context={"name": "Uji", "link": "http://testserver/akun/sandi/rahasia/"},
    )
    assert len(mail.outbox) == 1
    assert not Notification.objects.exists()


def test_a_link_to_another_site_is_never_stored(learner, settings):
    settings.SITE_URL = "https://sigap.example.go.id"
    for link in (
        "https://evil.example/kursus-saya/",
        "//evil.example/x",
        "javascript:alert(1)",
        "http://sigap.example.go.id/kursus-saya/",  # another scheme
    ):
        assert record_email(to=learner, kind="x", title="t", link=link) is None
    kept = record_email(
        to=learner, kind="x", title="t", link="https://sigap.example.go.id/tim/?a=1"
    )
    assert kept.link == "/tim/?a=1"


def test_nobody_opens_or_reads_another_persons_notification(learner, enrolled_by_hr):
    notification = Notification.objects.get(user=learner)
    other = Client()
    other.force_login(AsnProfileFactory().user)
    response = other.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404
    assert (
        notification.title
        not in other.get(reverse("notifications:list")).content.decode()
    )
    notification.refresh_from_db()
    assert notification.read_at is None


def test_opening_needs_the_csrf_token(learner, enrolled_by_hr):
    notification = Notification.objects.get(user=learner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert (
        client.post(reverse("notifications:open", args=[notification.pk])).status_code
        == 403
    )
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_person_keeps_the_latest_notifications_only(learner):
    for number in range(KEEP_PER_PERSON + 5):
        record_email(to=learner, kind="x", title=f"n{number}", link="/kursus-saya/")
    kept = Notification.objects.filter(user=learner)
    assert kept.count() == KEEP_PER_PERSON
    assert not kept.filter(title="n0").exists()
    assert kept.filter(title=f"n{KEEP_PER_PERSON + 4}").exists()


def test_notifications_are_in_the_personal_data_export_and_go_with_erasure(
    learner, enrolled_by_hr
):
    data = collect_personal_data(user=learner)
    assert data.sections["notifications.notification"][0]["link"] == "/kursus-saya/"
    erase_person(person=learner, by=UserFactory(roles=["Admin"]))
    assert not Notification.objects.filter(user=learner).exists()
