"""A trainer previews lessons and quizzes inside the admin at a phone's width
(360 px, where most learners read), with tablet and desktop a click away."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import LessonPage
from courses.quizzes.models import QuizPage
from lms.accounts.permissions import ROLE_TRAINER
from tests.factories import UserFactory, client_as, make_course, make_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    return UserFactory(roles=[ROLE_TRAINER])


@pytest.fixture
def course(catalog, trainer):
    return make_course(catalog, trainer=trainer, lessons=1)


@pytest.mark.parametrize("model", [LessonPage, QuizPage])
def test_lessons_and_quizzes_preview_at_360px_first(model):
    page = model()
    widths = {size["name"]: size["device_width"] for size in page.preview_sizes}

    assert widths == {"mobile": 360, "tablet": 768, "desktop": 1280}
    assert page.default_preview_size == "mobile"


def _checked_preview_width(html: str) -> str:
    """The device width of the size the preview panel opens with."""
    for tag in re.findall(r"<input[^>]*name=\"preview-size\"[^>]*>", html, re.S):
        if re.search(r"\schecked\b", tag):
            return re.search(r'data-device-width="(\d+)"', tag).group(1)
    raise AssertionError("the edit page has no preview size selected")


def test_the_lesson_editor_opens_its_preview_at_360px(course, trainer):
    lesson = LessonPage.objects.child_of(course).get()
    client = client_as(trainer)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)))

    assert edit.status_code == 200
    html = edit.content.decode()
    assert _checked_preview_width(html) == "360"
    assert 'aria-label="Pratinjau ukuran ponsel"' in html  # labelled in Indonesian


def test_the_admin_preview_renders_the_trainers_lesson_as_edited(course, trainer):
    lesson = LessonPage.objects.child_of(course).get()
    client = client_as(trainer)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(lesson.pk,))
    text = "Titik kumpul evakuasi ada di lapangan kantor camat."
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "intro": "Pengantar yang baru.",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "comments": inline_formset([]),
        }
    )

    posted = client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    preview = client.get(url)

    assert preview.status_code == 200
    body = preview.content.decode()
    assert text in body and "Pengantar yang baru." in body
    lesson.refresh_from_db()
    assert text not in str(lesson.body)  # a preview saves nothing


def test_the_quiz_editor_previews_at_360px_and_renders_the_quiz(course, trainer):
    quiz = make_quiz(course, intro="Jawab lima soal tentang banjir.")
    client = client_as(trainer)

    edit = client.get(reverse("wagtailadmin_pages:edit", args=(quiz.pk,)))
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=(quiz.pk,)))

    assert _checked_preview_width(edit.content.decode()) == "360"
    assert draft.status_code == 200
    assert "Jawab lima soal tentang banjir." in draft.content.decode()


def test_another_trainer_cannot_preview_the_lesson(course):
    lesson = LessonPage.objects.child_of(course).get()
    stranger = client_as(UserFactory(roles=[ROLE_TRAINER]))

    response = stranger.get(reverse("wagtailadmin_pages:view_draft", args=(lesson.pk,)))

    assert response.status_code in (302, 403, 404)
