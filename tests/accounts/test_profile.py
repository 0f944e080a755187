import pytest
from django.urls import reverse

from lms.accounts.models import AsnProfile
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
