import pytest

pytestmark = pytest.mark.django_db


def test_indonesian_is_served_even_to_an_english_phone(client, catalog):
    response = client.get(catalog.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()


def test_english_is_served_after_the_person_chooses_it(client, catalog):
    client.post("/i18n/setlang/", {"language": "en", "next": catalog.url})
    response = client.get(catalog.url)
    assert response["Content-Language"] == "en"
