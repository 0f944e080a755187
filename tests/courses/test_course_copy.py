"""A course copied as a new run (the next cohort): a draft that belongs to the
trainer who copied it, with its own copy of the question bank; the original and
its learners' records untouched."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Page, Revision

from courses.copying import copy_course
from courses.models import CoursePage, Enrolment, LessonPage
from courses.quizzes.models import Question, QuizPage
from courses.services import enrol
from lms.accounts.permissions import ROLE_TRAINER
from tests.factories import (
    UserFactory,
    client_as,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    return UserFactory(roles=[ROLE_TRAINER])


@pytest.fixture
def course(catalog, trainer):
    course = make_course(catalog, trainer=trainer, lessons=2, title="Pelayanan Prima")
    own = [make_question(course, "single"), make_question(course, "matching")]
    make_quiz(course, own, kind="pretest", title="Pre-test")
    make_quiz(course, [own[0], make_question(None, "true_false")], title="Kuis 1")
    return course


def _state_of(course):
    """Everything of the original a copy must not change."""
    pages = Page.objects.descendant_of(course, inclusive=True)
    return {
        "pages": sorted(pages.values_list("pk", "title", "live", "owner_id")),
        "revisions": sorted(
            Revision.page_revisions.filter(
                object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
            ).values_list("pk", "object_id")
        ),
        "questions": sorted(
            (q.pk, q.text, q.course_id, tuple(q.choices.values_list("text", "pk")))
            for q in Question.objects.filter(course=course)
        ),
        "quiz_items": sorted(
            (
                quiz.pk,
                tuple(b.value.pk for b in quiz.items if b.block_type == "question"),
            )
            for quiz in QuizPage.objects.child_of(course)
        ),
        "trainer": CoursePage.objects.get(pk=course.pk).trainer_id,
    }


def test_copy_leaves_the_original_untouched(course, trainer, learner):
    enrol(user=learner, course=course)
    before = _state_of(course)

    copy_course(course=course, user=trainer)

    assert _state_of(course) == before
    assert Enrolment.objects.filter(course=course).count() == 1


def test_copy_is_a_draft_run_that_belongs_to_the_copying_trainer(
    course, catalog, learner
):
    next_trainer = UserFactory(roles=[ROLE_TRAINER])
    course.owner = next_trainer  # they created it with the first trainer
    course.save()
    enrol(user=learner, course=course)

    copy = copy_course(course=course, user=next_trainer)

    assert copy.title == "Pelayanan Prima (angkatan 2)"
    assert copy.trainer == next_trainer and copy.owner == next_trainer
    assert copy.slug != course.slug and copy.code != course.code
    assert copy.get_parent().pk == catalog.pk
    pages = Page.objects.descendant_of(copy, inclusive=True)
    assert pages.count() == 5 and not pages.filter(live=True).exists()
    assert not CoursePage.objects.live().filter(pk=copy.pk).exists()
    assert LessonPage.objects.child_of(copy).count() == 2
    assert not Enrolment.objects.filter(course=copy).exists()


def test_copied_quizzes_use_the_copied_questions(course, trainer):
    shared = Question.objects.get(course__isnull=True)

    copy = copy_course(course=course, user=trainer)

    copied_bank = set(Question.objects.filter(course=copy).values_list("pk", flat=True))
    assert len(copied_bank) == 2
    assert copied_bank.isdisjoint(
        Question.objects.filter(course=course).values_list("pk", flat=True)
    )
    for quiz in QuizPage.objects.child_of(copy).specific():
        for version in (quiz, quiz.get_latest_revision_as_object()):
            used = {b.value.pk for b in version.items if b.block_type == "question"}
            assert used - {shared.pk} <= copied_bank
    pretest = QuizPage.objects.child_of(copy).get(title="Pre-test")
    assert {b.value.pk for b in pretest.items} == copied_bank
    matching = Question.objects.get(course=copy, type="matching")
    assert list(matching.choices.values_list("text", "match_text")) == list(
        Question.objects.get(course=course, type="matching").choices.values_list(
            "text", "match_text"
        )
    )


def test_editing_a_copied_question_leaves_the_original_question_alone(course, trainer):
    copy = copy_course(course=course, user=trainer)
    copied = Question.objects.filter(course=copy, type="single").get()
    copied.text = "Soal angkatan 2?"
    copied.save()

    assert Question.objects.get(course=course, type="single").text == "Soal single?"


def test_the_next_copy_is_the_next_run(course, trainer):
    second = copy_course(course=course, user=trainer)
    third = copy_course(course=second, user=trainer)

    assert third.title == "Pelayanan Prima (angkatan 3)"
    assert len({course.code, second.code, third.code}) == 3


def test_a_trainer_cannot_copy_another_trainers_course(course):
    other = UserFactory(roles=[ROLE_TRAINER])

    with pytest.raises(PermissionDenied):
        copy_course(course=course, user=other)
    response = client_as(other).post(
        reverse("sigap_course_copy", args=(course.pk,)), {"title": "Curian"}
    )

    assert response.status_code in (302, 403)
    assert not CoursePage.objects.filter(title="Curian").exists()


def test_trainer_copies_from_the_admin_and_lands_in_the_copy(course, trainer):
    client = client_as(trainer)
    # Wagtail's own copy of a course leads to the course copy.
    wagtail_copy = client.get(reverse("wagtailadmin_pages:copy", args=(course.pk,)))
    form_url = reverse("sigap_course_copy", args=(course.pk,))
    assert wagtail_copy.url == form_url
    assert "Pelayanan Prima (angkatan 2)" in client.get(form_url).content.decode()

    response = client.post(form_url, {"title": "Pelayanan Prima 2027"})

    copy = CoursePage.objects.get(title="Pelayanan Prima 2027")
    assert response.url == reverse("wagtailadmin_pages:edit", args=(copy.pk,))
    assert client.get(response.url).status_code == 200
