"""The Wagtail admin speaks Bahasa Indonesia to the trainers, reviewers, HR officers
and admins who work in it, and English to whoever chooses English.

Wagtail's own Indonesian catalogue (``id_ID``) covers about a third of its admin;
``locale/id`` adds Indonesian for the Wagtail strings these pages show. Sigap's own
strings are Indonesian at the source, their English in ``locale/en``.
"""

import glob
import html
import json
import re
from pathlib import Path

import pytest
import wagtail
from django.conf import settings
from django.utils import translation
from wagtail.models import Page

from courses.review import submit_course_for_review
from tests.factories import UserFactory, client_as, make_question
from tests.security.world import ADMIN, PENGAJAR, PENINJAU, build_world
from tests.test_language import PLACEHOLDER, msgstrs, read_po

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
SIGAP_EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
WAGTAIL_ID_PO = LOCALE_DIR / "id" / "LC_MESSAGES" / "django.po"
WAGTAIL_DIR = Path(wagtail.__file__).parent


def wagtail_msgids() -> dict[str, dict]:
    """Every msgid of Wagtail's (English) catalogues, without a context."""
    entries = {}
    for po in sorted(
        glob.glob(f"{WAGTAIL_DIR}/**/locale/en/LC_MESSAGES/django.po", recursive=True)
    ):
        for entry in read_po(Path(po)):
            if entry["msgid"] and "msgctxt" not in entry:
                entries.setdefault(entry["msgid"], entry)
    return entries


def _strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)


ATTRIBUTES = re.compile(
    r'\s(?:title|aria-label|placeholder|alt|data-w-tooltip-content-value)="([^"]+)"'
)


def visible_texts(page: str) -> set[str]:
    """What a person reads or hears: text, labels, tooltips, and the JSON the
    admin's scripts render (sidebar menu, button labels)."""
    texts = []
    for body in re.findall(
        r'(?s)<script[^>]*type="application/json"[^>]*>(.*?)</script>', page
    ):
        try:
            strings = _strings_in(json.loads(body))
        except ValueError:
            continue
        # Words, not the identifiers ("user", "time") beside them.
        texts += [s for s in strings if " " in s.strip() or s[:1].isupper()]
    page = re.sub(r"(?s)<script.*?</script>|<style.*?</style>", " ", page)
    texts += re.findall(r">([^<]+)<", page) + ATTRIBUTES.findall(page)
    return {" ".join(html.unescape(text).split()) for text in texts} - {""}


def as_pattern(message: str) -> re.Pattern:
    """A message as it shows on a page, its placeholders filled with anything."""
    escaped = re.escape(" ".join(message.split()))
    escaped = re.sub(r"%\\\(\w+\\\)[sd]|%[sd]", ".+?", escaped)
    return re.compile(rf"^{escaped}$")


def english_left_on(texts: set[str], messages: list[str]) -> list[str]:
    plain = {m for m in messages if "%" not in m}
    found = sorted(texts & plain)
    # A message with its placeholders is recognised by its words ("%(a)s %(b)s"
    # would match anything).
    patterns = [
        as_pattern(m)
        for m in messages
        if "%" in m and len(re.findall(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", m))) > 1
    ]
    found += sorted(t for t in texts for p in patterns if p.match(t))
    return found


@pytest.fixture
def world(db):
    return build_world()


def trainer_and_reviewer_pages(world) -> dict[str, list[str]]:
    """The admin pages a trainer works in, and those a reviewer uses to approve."""
    course, lesson = world.course_a, world.lesson(True)
    question = make_question(course, "single")
    # Lessons are reviewed with their course ("Ajukan seluruh kursus").
    lesson.save_revision(user=world.users[PENGAJAR])
    submit_course_for_review(course=course, user=world.users[PENGAJAR])
    return {
        PENGAJAR: [
            "/cms/",
            f"/cms/pages/{course.get_parent().pk}/",
            f"/cms/pages/{course.pk}/",
            f"/cms/pages/{course.pk}/edit/",
            f"/cms/pages/{lesson.pk}/edit/",
            f"/cms/pages/add/courses/lessonpage/{course.pk}/",
            "/cms/snippets/quizzes/question/",
            "/cms/snippets/quizzes/question/add/",
            f"/cms/snippets/quizzes/question/edit/{question.pk}/",
            "/cms/reports/workflow/",
            "/cms/reports/workflow_tasks/",
            "/cms/reports/site-history/",
            f"/cms/pages/{lesson.pk}/history/",
            f"/cms/pages/{lesson.pk}/workflow_history/",
            "/cms/account/",
        ],
        PENINJAU: [
            "/cms/",
            f"/cms/pages/{course.pk}/edit/",
            f"/cms/pages/{lesson.pk}/edit/",
            f"/cms/kursus/{course.pk}/tinjauan/",
            "/cms/reports/workflow/",
            "/cms/reports/workflow_tasks/",
            "/cms/account/",
        ],
        ADMIN: ["/cms/", "/cms/users/", "/cms/reports/aging-pages/"],
    }


def render_all(world) -> dict[str, set[str]]:
    texts = {}
    for role, urls in trainer_and_reviewer_pages(world).items():
        client = client_as(world.users[role])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (role, url)
            assert response["Content-Language"] == "id", (role, url)
            texts[f"{role} {url}"] = visible_texts(response.content.decode())
    return texts


def test_the_admin_pages_of_trainers_and_reviewers_read_in_indonesian(world):
    sigap_english = [
        english
        for entry in read_po(SIGAP_EN_PO)
        if entry["msgid"]
        for english in msgstrs(entry)
        # "Admin", "URL", "Status": the same word in both languages
        if english and english not in (entry["msgid"], entry.get("msgid_plural"))
    ]
    with translation.override("id"):
        wagtail_untranslated = [
            msgid
            for msgid in wagtail_msgids()
            if translation.gettext(msgid) == msgid and len(msgid) > 2
        ]
    # Words that read the same in Indonesian, or are names.
    same_in_both = {"Admin", "Administrator", "Status", "status", "slug", "URL", "Tag"}
    same_in_both |= {"Minimum"}

    english = {}
    for page, texts in render_all(world).items():
        texts -= same_in_both
        if left := english_left_on(texts, sigap_english + wagtail_untranslated):
            english[page] = left
    assert english == {}


def test_the_sidebar_and_the_reviewers_buttons_are_indonesian(world):
    pages = render_all(world)
    trainer_dashboard = pages[f"{PENGAJAR} /cms/"]
    assert {"Laporan", "Bank soal", "Halaman"} <= trainer_dashboard
    assert any(text.startswith("Dasbor") for text in trainer_dashboard)
    assert not {"Reports", "Question bank", "Pages"} & trainer_dashboard
    review = pages[f"{PENINJAU} /cms/pages/{world.course_a.pk}/edit/"]
    assert any(text.startswith("Setujui dengan komentar") for text in review)
    assert not any("Approve" in text for text in review)


def test_an_empty_question_bank_says_so_in_indonesian(world):
    page = client_as(world.users[PENGAJAR]).get("/cms/snippets/quizzes/question/")
    texts = visible_texts(page.content.decode())
    assert any(t.startswith("Belum ada bank soal untuk ditampilkan.") for t in texts)
    assert not any("There are no" in t for t in texts)


def test_the_admin_is_english_for_a_trainer_who_chooses_english(world):
    trainer = world.users[PENGAJAR]
    client = client_as(trainer)
    response = client.post(
        "/cms/account/",
        {
            "locale-preferred_language": "en",
            "locale-current_time_zone": "",
            # Wagtail's name panel asks for first and last names that Sigap's
            # user has not (the name lives in the ASN profile).
            "name_email-first_name": "Pengajar",
            "name_email-last_name": "Satu",
            "name_email-email": trainer.email,
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
            "theme-keyboard_shortcuts": "on",
            "notifications-approved_notifications": "on",
            "notifications-rejected_notifications": "on",
            "notifications-updated_comments_notifications": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    texts = visible_texts(client.get("/cms/").content.decode())
    assert {"Reports", "Question bank", "Pages"} <= texts
    assert not {"Laporan", "Bank soal"} & texts
    # Another trainer's admin stays Indonesian.
    other = client_as(world.trainer_b)
    assert "Laporan" in visible_texts(other.get("/cms/").content.decode())


# --- the catalogues ---------------------------------------------------------------


def test_wagtails_indonesian_catalogue_is_active():
    with translation.override("id"):
        assert translation.gettext("Dashboard") == "Dasbor"  # Wagtail's id_ID
        assert translation.gettext("Reports") == "Laporan"  # locale/id
        assert translation.gettext("Bank soal") == "Bank soal"  # Sigap's source
    with translation.override("en"):
        assert translation.gettext("Dashboard") == "Dashboard"
        assert translation.gettext("Bank soal") == "Question bank"


@pytest.mark.django_db
def test_the_sign_in_page_says_kata_sandi_as_the_rest_of_sigap(client):
    """Wagtail's catalogue calls a password "Kata Kunci" (keyword) and wins over
    allauth's "Kata sandi" on the sign-in and re-authentication forms."""
    page = client.get("/accounts/login/").content.decode()

    assert "Kata sandi" in page
    assert "Kata Kunci" not in page


def test_the_indonesian_catalogue_only_translates_wagtail_strings():
    """Sigap's msgids are Indonesian; an entry for one here would hide a bug."""
    wagtail = wagtail_msgids()
    sigap = {e["msgid"] for e in read_po(SIGAP_EN_PO)}
    entries = [e for e in read_po(WAGTAIL_ID_PO) if e["msgid"]]
    assert len(entries) > 300
    assert [e["msgid"] for e in entries if e["msgid"] not in wagtail] == []
    assert [e["msgid"] for e in entries if e["msgid"] in sigap] == []
    assert [e["msgid"] for e in entries if not all(msgstrs(e))] == []
    for entry in entries:
        source = entry.get("msgid_plural", entry["msgid"])
        for text in msgstrs(entry):
            assert sorted(set(PLACEHOLDER.findall(text))) == sorted(
                set(PLACEHOLDER.findall(source))
            ), entry["msgid"]


def test_the_compiled_indonesian_catalogue_matches_its_po():
    import gettext

    with WAGTAIL_ID_PO.with_suffix(".mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for entry in read_po(WAGTAIL_ID_PO):
        if "msgid_plural" in entry:
            assert catalog[(entry["msgid"], 0)] == entry["msgstr[0]"]
        elif entry["msgid"]:
            assert catalog[entry["msgid"]] == entry["msgstr"], entry["msgid"]


def test_every_sigap_page_type_and_snippet_has_an_indonesian_name_in_english_too():
    """Page types and snippets are named by Sigap: both languages, never the
    model's class name."""
    from wagtail.snippets.models import get_snippet_models

    models = [
        m
        for m in [*Page.__subclasses__(), *get_snippet_models()]
        if m.__module__.startswith(("lms", "courses", "certificates"))
    ]
    models += [s for m in models for s in m.__subclasses__()]
    assert models
    for model in models:
        for name in (model._meta.verbose_name, model._meta.verbose_name_plural):
            with translation.override("en"):
                english = str(name)
            with translation.override("id"):
                indonesian = str(name)
            assert english != indonesian, (model, indonesian)


def test_the_admin_dashboard_asks_no_other_site_for_wagtail_upgrades(db):
    """Wagtail's upgrade check fetches releases.wagtail.org from the browser, which
    Sigap's CSP refuses (an error on every administrator's dashboard)."""
    superuser = UserFactory(is_superuser=True, is_staff=True)  # whom it is shown
    page = client_as(superuser).get("/cms/").content.decode()

    assert "Dasbor" in page
    assert "w-upgrade" not in page


def test_the_account_page_offers_indonesias_time_zones_only(world):
    page = client_as(world.users[PENGAJAR]).get("/cms/account/").content.decode()

    assert 'value="Asia/Makassar"' in page
    assert 'value="localtime"' not in page
    assert 'value="Europe/Paris"' not in page
