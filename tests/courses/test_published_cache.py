"""Lesson pages come from a shared cache of the published content and of the
learner's own standing, yet a learner sees every change an editor publishes and
every step they take at once, and never anything that is not theirs to see.

Every test runs twice: with the database as the cache (the default without Redis)
and with a cache shared in memory, as Redis is in production."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from courses.quizzes.regrade import regrade_quiz
from courses.quizzes.services import save_answers, start_attempt, submit_attempt
from courses.services import enrol
from lms.accounts.models import HrOfficer
from lms.accounts.permissions import ROLE_HR
from lms.hr.services import bulk_enrol
from tests.factories import (
    AsnProfileFactory,
    UserFactory,
    add_lesson,
    client_as,
    make_question,
    make_quiz,
)

# Lessons are marked done at once here; the time rule has its own tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_reading_time")]


@pytest.fixture(autouse=True, params=["database cache", "shared cache"])
def cache_backend(request):
    request.getfixturevalue(
        "shared_memory_cache" if request.param == "shared cache" else "database_cache"
    )
    return request.param


@pytest.fixture
def enrolled(learner, course):
    enrol(user=learner, course=course)
    return course


def _outline(html: str) -> str:
    return re.search(r'<ol class="outline">.*?</ol>', html, re.S).group(0)


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_newly_published_lesson_shows_in_the_outline_at_once(
    learner_client, enrolled
):
    first, second, third = enrolled.lessons()
    assert "Pelajaran 4" not in _outline(_page(learner_client, third.url))

    fourth = add_lesson(enrolled, 4)

    html = _page(learner_client, third.url)
    assert f'href="{fourth.url}">Pelajaran 4</a>' in _outline(html)
    assert f'rel="next" href="{fourth.url}"' in html
    assert "Pelajaran 3 dari 4" in html


def test_a_renamed_lesson_shows_its_new_title_at_once(learner_client, enrolled):
    first, second, _ = enrolled.lessons()
    _page(learner_client, first.url)
    _page(learner_client, second.url)

    second.title = "Mengelola Rantai Pasok"
    second.save_revision().publish()

    assert "Mengelola Rantai Pasok</a>" in _outline(_page(learner_client, first.url))
    assert "<h1>Mengelola Rantai Pasok</h1>" in _page(learner_client, second.url)


def test_a_moved_slug_serves_the_lesson_at_its_new_address(learner_client, enrolled):
    _, second, _ = enrolled.lessons()
    old_url = second.url
    _page(learner_client, old_url)

    second.slug = "pelajaran-baru"
    second.save_revision().publish()
    second.refresh_from_db()

    assert learner_client.get(old_url).status_code == 404
    assert "<h1>Pelajaran 2</h1>" in _page(learner_client, second.url)


def test_an_unpublished_lesson_disappears_from_the_outline(learner_client, enrolled):
    first, second, _ = enrolled.lessons()
    assert second.url in _outline(_page(learner_client, first.url))
    _page(learner_client, second.url)

    second.unpublish()

    assert "Pelajaran 2" not in _outline(_page(learner_client, first.url))
    assert learner_client.get(second.url).status_code == 404


def test_a_saved_draft_never_reaches_learners(learner_client, enrolled):
    lesson = enrolled.lessons().first()
    assert "Isi pelajaran 1." in _page(learner_client, lesson.url)

    lesson.body = [{"type": "paragraph", "value": "<p>Belum diperiksa.</p>"}]
    lesson.save_revision()

    html = _page(learner_client, lesson.url)
    assert "Isi pelajaran 1." in html
    assert "Belum diperiksa." not in html


def test_a_published_body_change_shows_at_once(learner_client, enrolled):
    lesson = enrolled.lessons().first()
    _page(learner_client, lesson.url)

    lesson.body = [{"type": "paragraph", "value": "<p>Versi kedua.</p>"}]
    lesson.save_revision().publish()

    html = _page(learner_client, lesson.url)
    assert "Versi kedua." in html
    assert "Isi pelajaran 1." not in html


def test_progress_ticks_appear_right_after_marking_a_lesson_done(
    learner_client, enrolled
):
    first, second, _ = enrolled.lessons()
    html = _page(learner_client, first.url)
    assert "✓" not in _outline(html)
    assert "Tandai selesai" in html

    learner_client.post(reverse("courses:complete_lesson", args=[first.pk]))

    html = _page(learner_client, second.url)
    assert _outline(html).count("✓") == 1
    assert "1 dari 3 pelajaran" in html
    assert "Pelajaran ini sudah ditandai selesai" in _page(learner_client, first.url)


def test_each_learner_gets_their_own_csrf_token_and_progress(
    learner_client, enrolled, unit
):
    first = enrolled.lessons().first()
    learner_client.post(reverse("courses:complete_lesson", args=[first.pk]))
    other = AsnProfileFactory(unit=unit).user
    enrol(user=other, course=enrolled)
    client = client_as(other)

    mine = _page(learner_client, first.url)
    theirs = _page(client, first.url)

    assert "Pelajaran ini sudah ditandai selesai" in mine
    assert "Tandai selesai</button>" in theirs
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert not set(token.findall(mine)) & set(token.findall(theirs))


def test_the_cached_lesson_body_follows_the_learners_language(learner_client, enrolled):
    lesson = enrolled.lessons().first()
    lesson.body = [
        {"type": "reflection", "value": {"prompt": "Apa yang Anda ubah?", "hint": ""}}
    ]
    lesson.save_revision().publish()
    assert '<p class="eyebrow">Refleksi</p>' in _page(learner_client, lesson.url)

    learner_client.post(reverse("set_language"), {"language": "en", "next": "/"})

    html = _page(learner_client, lesson.url)
    assert '<p class="eyebrow">Reflection</p>' in html
    assert '<p class="eyebrow">Refleksi</p>' not in html


def test_a_restriction_added_to_a_course_applies_at_once(learner_client, enrolled):
    lesson = enrolled.lessons().first()
    _page(learner_client, lesson.url)

    restriction = PageViewRestriction.objects.create(
        page=enrolled, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Pejabat")[0])

    response = learner_client.get(lesson.url)
    assert response.status_code == 302
    assert "Isi pelajaran 1." not in response.content.decode()


def test_the_hr_link_follows_a_role_change_at_once(learner, learner_client, enrolled):
    lesson = enrolled.lessons().first()
    hr_link = f'href="{reverse("hr:dashboard")}"'
    assert hr_link not in _page(learner_client, lesson.url)

    hr = Group.objects.get_or_create(name=ROLE_HR)[0]
    learner.groups.add(hr)
    assert hr_link in _page(learner_client, lesson.url)

    hr.name = "HR (lama)"
    hr.save()
    assert hr_link not in _page(learner_client, lesson.url)

    hr.name = ROLE_HR
    hr.save()
    hr.user_set.remove(learner)
    assert hr_link not in _page(learner_client, lesson.url)

    hr.user_set.add(learner)
    assert hr_link in _page(learner_client, lesson.url)


def test_a_preview_of_a_draft_never_reaches_the_learners_page(
    learner_client, enrolled, rf
):
    lesson = enrolled.lessons().first()
    assert "Isi pelajaran 1." in _page(learner_client, lesson.url)
    lesson.body = [{"type": "paragraph", "value": "<p>Draf penulis.</p>"}]
    lesson.save_revision()

    draft = lesson.get_latest_revision_as_object()
    preview = draft.make_preview_request(original_request=rf.get(lesson.url))
    assert "Draf penulis." in preview.render().content.decode()

    html = _page(learner_client, lesson.url)
    assert "Isi pelajaran 1." in html
    assert "Draf penulis." not in html


def test_passing_the_required_pretest_opens_the_first_lesson_at_once(
    learner, learner_client, enrolled
):
    enrolled.requires_pretest = True
    enrolled.save_revision().publish()
    pretest = make_quiz(enrolled, [make_question(enrolled)], kind="pretest")
    lesson = enrolled.lessons().first()
    assert learner_client.get(lesson.url)["Location"] == pretest.url

    submit_attempt(attempt=start_attempt(quiz=pretest, user=learner))

    assert "Isi pelajaran 1." in _page(learner_client, lesson.url)


def test_an_enrolment_made_by_hr_opens_the_lessons_at_once(
    learner, learner_client, course, unit
):
    lesson = course.lessons().first()
    assert learner_client.get(lesson.url).status_code == 302
    officer = UserFactory(roles=[ROLE_HR])
    HrOfficer.objects.create(user=officer, unit=unit)

    bulk_enrol(officer=officer, course=course, unit=unit)

    assert "Tandai selesai" in _page(learner_client, lesson.url)


def test_a_regraded_quiz_shows_its_new_result_on_the_course_page(
    learner, learner_client, enrolled
):
    quiz = make_quiz(enrolled, [make_question(enrolled)], kind="quiz", pass_mark=50)
    attempt = start_attempt(quiz=quiz, user=learner)
    item = attempt.snapshot[0]
    wrong = next(c["k"] for c in item["choices"] if c["k"] not in item["key"])
    save_answers(attempt=attempt, answers={item["pos"]: wrong})
    submit_attempt(attempt=attempt)
    assert "belum lulus · 0" in _page(learner_client, enrolled.url)

    quiz.items[0].value.choices.update(is_correct=True)
    regrade_quiz(quiz=quiz, actor=None, apply=True)

    assert "lulus · 100" in _page(learner_client, enrolled.url)
    assert "belum lulus" not in _page(learner_client, enrolled.url)


def _image(colour: str, name: str):
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PilImage

    png = io.BytesIO()
    PilImage.new("RGB", (40, 30), colour).save(png, "PNG")
    return ImageFile(io.BytesIO(png.getvalue()), name=name)


def test_a_replaced_image_file_shows_at_once_not_a_broken_image(
    learner_client, enrolled
):
    from wagtail.images import get_image_model

    picture = get_image_model().objects.create(
        title="Alur layanan", file=_image("navy", "alur.png")
    )
    lesson = enrolled.lessons().first()
    lesson.body = [
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": "Alur", "caption": ""},
        }
    ]
    lesson.save_revision().publish()
    old_src = re.search(r'<img[^>]* src="([^"]+)"', _page(learner_client, lesson.url))

    # What the image editor does when a trainer uploads a new file for it.
    picture.file = _image("maroon", "alur-baru.png")
    picture.save()
    picture.renditions.all().delete()

    new_src = re.search(r'<img[^>]* src="([^"]+)"', _page(learner_client, lesson.url))
    assert "alur-baru" in new_src.group(1)
    assert new_src.group(1) != old_src.group(1)
