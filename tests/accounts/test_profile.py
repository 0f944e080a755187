import pytest
from django.urls import reverse

from lms.accounts.models import AsnProfile
from lms.accounts.permissions import ROLE_ADMIN, ROLE_HR, ROLE_LEARNER, ROLE_TRAINER
from tests.factories import AsnProfileFactory, JabatanFactory, UserFactory

pytestmark = pytest.mark.django_db


def profile_data(unit, **overrides):
    data = {
        "title_prefix": "",
        "full_name": "Dewi Lestari",
        "title_suffix": "S.Sos.",
        "nip": "1990 0315 2015 03 2 001",
        "birth_place": "Padang",
        "birth_date": "1990-03-15",
        "unit": unit.pk,
        "jabatan": JabatanFactory().pk,
        "golongan": "III/a",
    }
    data.update(overrides)
    return data


def test_profile_saves_normalised_nip_type_and_instansi(client, unit):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), profile_data(unit))
    assert response.status_code == 302
    profile = AsnProfile.objects.get(user=user)
    assert profile.nip == "199003152015032001"
    assert profile.employee_type == "PNS"
    assert profile.instansi == unit.get_root()
    assert profile.full_name_with_titles == "Dewi Lestari, S.Sos."
    assert profile.is_complete


def test_bad_nip_error_is_next_to_the_field_and_typed_values_are_kept(client, unit):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:profile"), profile_data(unit, nip="19901315201503 2001")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_nip_error"' in html
    assert "tanggal lahir" in html
    assert 'value="Dewi Lestari"' in html
    assert 'value="Padang"' in html
    assert 'value="19901315201503 2001"' in html
    assert not AsnProfile.objects.exists()


def test_duplicate_nip_is_refused_with_a_clear_message(client, unit):
    AsnProfileFactory(nip="199003152015032001", unit=unit)
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:profile"), profile_data(unit))
    assert response.status_code == 400
    assert "sudah terdaftar" in response.content.decode()
    assert AsnProfile.objects.count() == 1


def test_birth_date_must_match_the_nip(client, unit):
    client.force_login(UserFactory())
    response = client.post(
        reverse("accounts:profile"), profile_data(unit, birth_date="1991-03-15")
    )
    assert response.status_code == 400
    assert "tidak cocok" in response.content.decode()


def test_first_sign_in_shows_the_privacy_notice_and_records_it(client, course):
    user = UserFactory(privacy_notice_shown_at=None)
    client.force_login(user)
    response = client.get(reverse("courses:my_courses"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:privacy_notice"))
    client.post(reverse("accounts:privacy_notice"))
    user.refresh_from_db()
    assert user.privacy_notice_shown_at is not None


@pytest.mark.parametrize("role", [ROLE_TRAINER, ROLE_HR, ROLE_ADMIN])
def test_staff_accept_the_privacy_notice_but_are_not_sent_to_the_asn_profile(
    client, role
):
    """Staff made by an admin or HR have no ASN data to give: after the privacy
    notice (UU 27/2022 applies to everyone) they go where they were going."""
    staff = UserFactory(roles=[role], is_staff=True, privacy_notice_shown_at=None)
    client.force_login(staff)
    response = client.get("/cms/pages/")
    notice = response["Location"]
    assert notice == f"{reverse('accounts:privacy_notice')}?next=/cms/pages/"

    response = client.post(notice, {"next": "/cms/pages/"})
    assert response["Location"] == "/cms/pages/"
    staff.refresh_from_db()
    assert staff.privacy_notice_shown_at is not None
    assert not AsnProfile.objects.filter(user=staff).exists()


def test_staff_without_a_destination_land_in_the_admin(client):
    staff = UserFactory(
        roles=[ROLE_TRAINER], is_staff=True, privacy_notice_shown_at=None
    )
    client.force_login(staff)
    response = client.post(reverse("accounts:privacy_notice"))
    assert response["Location"] == reverse("wagtailadmin_home")


def test_a_learner_goes_on_to_the_asn_profile_and_then_where_they_were_going(
    client, catalog
):
    learner = UserFactory(roles=[ROLE_LEARNER], privacy_notice_shown_at=None)
    client.force_login(learner)
    response = client.post(reverse("accounts:privacy_notice"), {"next": catalog.url})
    assert response["Location"] == (
        f"{reverse('accounts:profile')}?next={catalog.url.replace('/', '%2F')}"
    )
