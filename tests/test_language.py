"""Bahasa Indonesia first; English for whoever chooses it, from compiled messages."""

import ast
import gettext
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from courses.quizzes.models import Attempt
from courses.services import enrol
from tests.factories import make_question, make_quiz

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO_FILE = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")


def choose_language(client, page_url: str, language: str):
    """Submit the footer's language form the way a browser does, CSRF token included."""
    page = client.get(page_url).content.decode()
    form = re.search(r'<form action="/i18n/setlang/".*?</form>', page, re.S).group(0)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    return client.post(
        reverse("set_language"),
        {"csrfmiddlewaretoken": token, "language": language, "next": page_url},
    )


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_indonesian_is_served_even_to_an_english_phone(client, catalog):
    response = client.get(catalog.url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Cari kursus" in html
    assert "Search courses" not in html


def test_english_is_served_after_the_person_chooses_it(client, catalog):
    client.post("/i18n/setlang/", {"language": "en", "next": catalog.url})
    response = client.get(catalog.url)
    assert response["Content-Language"] == "en"


def test_the_footer_form_switches_the_catalogue_to_english(csrf_client, catalog):
    response = choose_language(csrf_client, catalog.url, "en")
    assert response.status_code == 302
    assert response["Location"] == catalog.url

    html = csrf_client.get(catalog.url).content.decode()
    assert '<html lang="en">' in html
    for english in ("Search courses", "Catalogue", "Sign in", "Language"):
        assert english in html
    for indonesian in ("Cari kursus", "Katalog</a>", "Masuk</a>", "Bahasa</label>"):
        assert indonesian not in html
    assert '<option value="en" selected>English</option>' in html


def test_the_language_form_without_a_csrf_token_is_refused(csrf_client, catalog):
    response = csrf_client.post(
        reverse("set_language"), {"language": "en", "next": catalog.url}
    )
    assert response.status_code == 403
    assert csrf_client.get(catalog.url)["Content-Language"] == "id"


def test_home_page_in_english_and_back_to_indonesian(csrf_client, catalog):
    home = "/"
    assert "Lihat katalog kursus" in csrf_client.get(home).content.decode()

    choose_language(csrf_client, home, "en")
    html = csrf_client.get(home).content.decode()
    assert "Browse the course catalogue" in html
    assert "Why Sigap" in html
    assert "Lihat katalog kursus" not in html

    choose_language(csrf_client, home, "id")
    html = csrf_client.get(home).content.decode()
    assert "Lihat katalog kursus" in html
    assert "Browse the course catalogue" not in html


def test_my_courses_in_english_only_for_the_learner_who_chose_it(
    learner, course, catalog
):
    enrol(user=learner, course=course)
    english, indonesian = Client(), Client()
    for client in (english, indonesian):
        client.force_login(learner)
    choose_language(english, catalog.url, "en")
    url = reverse("courses:my_courses")

    html = english.get(url).content.decode()
    assert "<h1>My courses</h1>" in html
    assert "Enrolled " in html
    assert "Kursus saya" not in html

    html = indonesian.get(url).content.decode()
    assert "<h1>Kursus saya</h1>" in html
    assert "My courses" not in html


def test_lesson_page_in_english(learner, course):
    enrol(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    first, second, _third = course.lessons()
    choose_language(client, first.url, "en")
    html = client.get(second.url).content.decode()
    assert "Mark as complete" in html
    assert "Lesson 2 of 3" in html
    assert "Tandai selesai" not in html


def test_quiz_instructions_follow_the_chosen_language(learner, course):
    enrol(user=learner, course=course)
    quiz = make_quiz(course, [make_question(course, "single")])
    client = Client()
    client.force_login(learner)
    client.post(reverse("quizzes:start", args=[quiz.pk]))
    url = reverse("quizzes:attempt", args=[Attempt.objects.get(user=learner).pk])
    assert "Pilih satu jawaban." in client.get(url).content.decode()

    choose_language(client, url, "en")
    html = client.get(url).content.decode()
    assert "Choose one answer." in html
    assert "Pilih satu jawaban." not in html


# --- the committed catalogue -----------------------------------------------------


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr(s) and flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            finish()
            entry, field = {"flags": {f.strip() for f in line[2:].split(",")}}, None
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            entry[field] += ast.literal_eval(line)
            continue
        keyword, _space, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and (entry is None or "msgid" in entry):
            finish()
            entry = {"flags": set()}
        field = keyword
        entry[field] = ast.literal_eval(value)
    finish()
    return entries


def msgstrs(entry: dict) -> list[str]:
    return [v for k, v in entry.items() if k.startswith("msgstr")]


PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdif%]")


def test_every_message_has_an_english_translation_and_none_is_fuzzy():
    entries = [e for e in read_po(PO_FILE) if e["msgid"]]
    assert len(entries) > 900
    untranslated = [e["msgid"] for e in entries if not all(msgstrs(e))]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_translations_keep_every_placeholder():
    for entry in read_po(PO_FILE):
        if "python-format" not in entry["flags"]:
            continue
        source = entry.get("msgid_plural", entry["msgid"])
        for translation in msgstrs(entry):
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(source)
            ), entry["msgid"]


def test_the_compiled_mo_matches_the_po():
    """Served from django.mo: a .po edited but not compiled would not show."""
    with MO_FILE.open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for entry in read_po(PO_FILE):
        key = entry["msgid"]
        if "msgctxt" in entry:
            key = f"{entry['msgctxt']}\x04{key}"
        if "msgid_plural" in entry:
            for index in (0, 1):
                assert catalog[(key, index)] == entry[f"msgstr[{index}]"], key
        elif entry["msgid"]:
            assert catalog[key] == entry["msgstr"], key


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="gettext tools are not installed"
)
def test_no_source_string_is_missing_from_the_english_catalogue(
    tmp_path, settings, monkeypatch
):
    """What `make messages` would extract today is already translated."""
    source = tmp_path / "src"
    for folder in ("lms", "courses", "certificates", "templates"):
        shutil.copytree(
            Path(settings.BASE_DIR) / folder,
            source / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    copy = source / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(PO_FILE, copy)
    settings.LOCALE_PATHS = [source / "locale"]
    monkeypatch.chdir(source)

    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)

    entries = [e for e in read_po(copy) if e["msgid"]]
    stale = [
        e["msgid"] for e in entries if "fuzzy" in e["flags"] or not all(msgstrs(e))
    ]
    assert stale == [], "run `make messages` and translate these"
