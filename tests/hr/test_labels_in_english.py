"""HR pages and the JP recap speak the officer's chosen language."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_officer_client(officer_client):
    officer_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return officer_client


@pytest.mark.parametrize(
    ("status", "english", "indonesian"),
    [
        ("enrolled", "enrolled", "terdaftar"),
        ("in_progress", "in progress", "sedang berjalan"),
        ("completed", "completed", "selesai"),
        ("below_jp", "below the JP target", "di bawah target JP"),
    ],
)
def test_learner_status_label_is_in_english_for_an_english_officer(
    english_officer_client, status, english, indonesian
):
    response = english_officer_client.get(reverse("hr:learners"), {"status": status})
    assert response["Content-Language"] == "en"
    heading = response.text.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert english in heading
    assert indonesian not in heading


def test_jp_recap_export_is_in_english_for_an_english_officer(
    english_officer_client, learner
):
    response = english_officer_client.get(reverse("hr:export_jp_recap"))
    body = b"".join(response.streaming_content).decode()
    header, *rows = list(csv.reader(io.StringIO(body)))
    assert header[:5] == ["NIP", "Name", "Employee type", "Work unit", "Year"]
    (row,) = [row for row in rows if row[0] == learner.asn_profile.nip]
    assert row[-1] == "Not yet reached"
