"""The supervisor's team page (/tim/), nudges and the weekly digest."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from certificates.services import issue_certificate
from courses.services import enrol
from lms.accounts.models import AsnProfile
from lms.accounts.permissions import is_supervisor_of
from lms.team.models import DigestSent, Nudge
from lms.team.services import send_weekly_digests, user_from_opt_out_token
from tests.factories import (
    AsnProfileFactory,
    client_as,
    complete_enrolment_for,
    make_course,
)

# Monday 3 August 2026, 08:00 in Jakarta (01:00 UTC).
MONDAY_8 = datetime.datetime(2026, 8, 3, 1, 0, tzinfo=datetime.UTC)


@pytest.fixture
def boss(unit):
    return AsnProfileFactory(unit=unit, full_name="Kepala Seksi Uji").user


@pytest.fixture
def member(unit, boss):
    return AsnProfileFactory(
        unit=unit, full_name="Anggota Tim Satu", supervisor=boss
    ).user


@pytest.fixture
def stranger(unit):
    """Same unit, another supervisor (none): not on the boss's team."""
    return AsnProfileFactory(unit=unit, full_name="Bukan Anggota Tim").user


def _overdue(user, course):
    enrolment, _created = enrol(
        user=user, course=course, deadline=datetime.date(2026, 1, 5)
    )
    return enrolment


def test_supervisor_sees_only_the_team_and_only_the_listed_fields(
    boss, member, stranger, catalog
):
    course = make_course(catalog, lessons=2, title="Kursus Pelayanan Prima")
    other = make_course(catalog, lessons=1, title="Kursus Orang Lain")
    _overdue(member, course)
    enrol(user=stranger, course=other)
    response = client_as(boss).get(reverse("team:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Anggota Tim Satu" in page
    assert "Kursus Pelayanan Prima" in page
    assert "Terlambat" in page
    assert "JP tahun ini: 0 dari 20" in page
    # Nobody outside the team, and no NIP, scores or time spent of the member.
    assert "Bukan Anggota Tim" not in page
    assert "Kursus Orang Lain" not in page
    assert member.asn_profile.nip not in page
    assert "Waktu aktif" not in page
    # Only the supervisor is anyone's supervisor here.
    assert is_supervisor_of(boss, member)
    assert not is_supervisor_of(stranger, member)
    assert not is_supervisor_of(member, boss)


def test_team_page_and_menu_link_only_for_people_with_a_team(boss, member, stranger):
    assert client_as(stranger).get(reverse("team:index")).status_code == 404
    stranger_home = client_as(stranger).get(reverse("certificates:mine"))
    assert reverse("team:index") not in stranger_home.content.decode()
    boss_home = client_as(boss).get(reverse("certificates:mine"))
    assert reverse("team:index") in boss_home.content.decode()
    # The digest preference is reachable from the supervisor's profile page.
    profile_page = client_as(boss).get(reverse("accounts:profile")).content.decode()
    assert reverse("team:index") + "#ringkasan" in profile_page


def test_team_page_lists_valid_certificates_with_their_verification_page(
    boss, member, catalog
):
    course = make_course(catalog, lessons=1, title="Kursus Bersertifikat")
    certificate = issue_certificate(enrolment=complete_enrolment_for(member, course))
    page = client_as(boss).get(reverse("team:index")).content.decode()
    assert "1 sertifikat berlaku" in page
    assert reverse("certificates:verify", args=[certificate.code]) in page
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED
    )
    page = client_as(boss).get(reverse("team:index")).content.decode()
    assert reverse("certificates:verify", args=[certificate.code]) not in page


def test_nudge_sends_once_per_person_and_course_per_day(
    boss, member, stranger, catalog
):
    course = make_course(catalog, lessons=1, title="Kursus Diingatkan")
    enrolment = _overdue(member, course)
    client = client_as(boss)
    url = reverse("team:nudge", args=[enrolment.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert Nudge.objects.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert "Kursus Diingatkan" in mail.outbox[0].subject
    # Someone who is not the supervisor cannot nudge (and learns nothing).
    assert client_as(stranger).post(url).status_code == 404
    assert client_as(member).post(url).status_code == 404
    assert Nudge.objects.count() == 1


def test_nudge_is_refused_without_csrf_token(boss, member, catalog):
    from django.test import Client

    enrolment = _overdue(member, make_course(catalog, lessons=1))
    client = Client(enforce_csrf_checks=True)
    client.force_login(boss)
    assert client.post(reverse("team:nudge", args=[enrolment.pk])).status_code == 403


def test_weekly_digest_once_per_iso_week_with_one_click_opt_out(boss, member, catalog):
    _overdue(member, make_course(catalog, lessons=1, title="Kursus Terlambat"))
    monday_6 = MONDAY_8 - datetime.timedelta(hours=2)
    assert send_weekly_digests(now=monday_6) == 0  # not before Monday 07:00
    assert send_weekly_digests(now=MONDAY_8) == 1
    assert send_weekly_digests(now=MONDAY_8 + datetime.timedelta(hours=3)) == 0
    assert DigestSent.objects.count() == 1
    message = mail.outbox[0]
    assert message.to == [boss.email]
    assert "Anggota Tim Satu" in message.body and "Kursus Terlambat" in message.body
    # The link in the e-mail is the boss's own (the signature carries a timestamp,
    # so it is read back rather than signed again and compared).
    prefix = reverse("team:digest_opt_out", args=["TOKEN"]).split("TOKEN")[0]
    match = re.search(re.escape(prefix) + r"([^/\s]+)/", message.body)
    assert match, message.body
    assert user_from_opt_out_token(match.group(1)) == boss
    opt_out_url = reverse("team:digest_opt_out", args=[match.group(1)])
    # The link opens a confirmation (GET changes nothing); the button opts out.
    from django.test import Client

    anonymous = Client()
    assert anonymous.get(opt_out_url).status_code == 200
    assert not AsnProfile.objects.get(user=boss).supervisor_digest_opt_out
    assert anonymous.post(opt_out_url).status_code == 200
    assert AsnProfile.objects.get(user=boss).supervisor_digest_opt_out
    next_monday = MONDAY_8 + datetime.timedelta(days=7)
    assert send_weekly_digests(now=next_monday) == 0
    assert (
        anonymous.get(reverse("team:digest_opt_out", args=["palsu"])).status_code == 404
    )


def test_no_digest_without_overdue_items(boss, member, catalog):
    enrol(user=member, course=make_course(catalog, lessons=1))
    assert send_weekly_digests(now=MONDAY_8) == 0


def test_digest_task_is_registered_as_periodic():
    from lms.scheduler import PERIODIC_TASKS
    from lms.team.tasks import send_team_digests

    assert any(item.task is send_team_digests for item in PERIODIC_TASKS)


def test_erasing_a_supervisor_clears_them_from_the_team(boss, member):
    from lms.accounts.privacy import erase_person
    from tests.factories import UserFactory

    admin = UserFactory(roles=["Admin"])
    erase_person(person=boss, by=admin)
    assert AsnProfile.objects.get(user=member).supervisor is None


def test_personal_data_export_names_the_supervisor(member):
    from lms.accounts.personal_data import collect_personal_data

    data = collect_personal_data(user=member)
    rows = data.sections["accounts.asnprofile"]
    assert rows[0]["supervisor"] == "Kepala Seksi Uji"
