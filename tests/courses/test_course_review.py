"""A course is submitted, reviewed and published whole ("Ajukan seluruh kursus"):
one task, one decision, one e-mail per step, never a live course with pages the
reviewer has not approved."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from courses.models import CoursePage, CourseReviewItem, LessonPage
from courses.review import (
    course_review,
    decide_course_review,
    submit_course_for_review,
)
from lms.accounts.permissions import ROLE_ADMIN, ROLE_REVIEWER, ROLE_TRAINER
from tests.factories import (
    UserFactory,
    add_lesson,
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
def reviewers(db):
    return [UserFactory(roles=[ROLE_REVIEWER]), UserFactory(roles=[ROLE_ADMIN])]


@pytest.fixture
def reviewer(reviewers):
    return reviewers[0]


def draft_course(catalog, trainer) -> CoursePage:
    """A course as a trainer leaves it before review: two lessons and a
    post-test, none of it ever published, each page with a draft revision."""
    course = make_course(catalog, trainer=trainer, lessons=2)
    make_quiz(course, [make_question(course)], kind="posttest")
    pages = Page.objects.descendant_of(course, inclusive=True)
    pages.update(live=False, has_unpublished_changes=True)
    for page in pages.specific():
        page.save_revision(user=trainer)
    course.refresh_from_db()
    return course


@pytest.fixture
def course(catalog, trainer):
    return draft_course(catalog, trainer)


def _pages(course):
    return Page.objects.descendant_of(course, inclusive=True)


def test_submitting_a_course_makes_one_task_that_carries_every_page(course, trainer):
    submit_course_for_review(course=course, user=trainer)

    assert TaskState.objects.count() == 1
    assert WorkflowState.objects.count() == 1
    task_state = TaskState.objects.get()
    assert task_state.workflow_state.object_id == str(course.pk)
    carried = set(
        CourseReviewItem.objects.filter(task_state=task_state).values_list(
            "page_id", flat=True
        )
    )
    below = set(course.get_descendants().values_list("pk", flat=True))
    assert len(below) == 3 and carried == below


def test_trainer_submits_from_the_admin_and_the_lessons_are_then_locked(
    course, trainer, reviewer
):
    client = client_as(trainer)
    url = reverse("sigap_course_review", args=(course.pk,))
    assert "Ajukan seluruh kursus" in client.get(url).content.decode()

    response = client.post(url, {"submit": "1"})

    assert response.status_code == 302
    assert TaskState.objects.count() == 1
    lesson = LessonPage.objects.child_of(course).first()
    lock = lesson.get_lock()
    assert lock is not None and lock.for_user(trainer)
    assert not lock.for_user(reviewer)


def test_course_edit_view_offers_the_whole_course_submission_and_lessons_none(
    course, trainer
):
    client = client_as(trainer)
    course_edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,)))
    assert "Ajukan seluruh kursus" in course_edit.content.decode()

    lesson = LessonPage.objects.child_of(course).first()
    lesson_edit = client.get(reverse("wagtailadmin_pages:edit", args=(lesson.pk,)))
    assert lesson_edit.status_code == 200
    assert 'name="action-submit"' not in lesson_edit.content.decode()
    assert not lesson.has_workflow


def test_reviewer_sees_every_page_with_a_link_to_what_changed(
    catalog, trainer, reviewer
):
    course = make_course(catalog, trainer=trainer, lessons=1)  # live
    lesson = LessonPage.objects.child_of(course).get()
    lesson.intro = "Pengantar baru."
    lesson.save_revision(user=trainer)
    new_lesson = add_lesson(course, 2)
    new_lesson.live = False
    new_lesson.save()
    new_lesson.save_revision(user=trainer)
    submit_course_for_review(course=course, user=trainer)

    page = client_as(reviewer).get(reverse("sigap_course_review", args=(course.pk,)))

    html = page.content.decode()
    revision = lesson.get_latest_revision()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=(lesson.pk, "live", revision.pk)
    )
    assert compare in html
    assert (
        reverse(
            "wagtailadmin_pages:revisions_view",
            args=(new_lesson.pk, new_lesson.get_latest_revision().pk),
        )
        in html
    )
    assert "Setujui dan terbitkan seluruh kursus" in html
    assert client_as(reviewer).get(compare).status_code == 200


def test_one_approval_publishes_the_course_and_every_page(course, trainer, reviewer):
    submit_course_for_review(course=course, user=trainer)

    decide_course_review(course=course, user=reviewer, approve=True, comment="Baik.")

    assert all(page.live for page in _pages(course))
    assert not any(page.has_unpublished_changes for page in _pages(course))
    assert CoursePage.objects.live().filter(pk=course.pk).exists()
    assert LessonPage.objects.live().child_of(course).count() == 2


def test_approval_through_wagtails_own_review_action_publishes_every_page(
    course, trainer, reviewer
):
    state = submit_course_for_review(course=course, user=trainer)
    task_state = state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(course.pk, "approve", task_state.pk),
    )

    client = client_as(reviewer)
    modal = client.get(url).json()["html"]
    assert "Pelajaran 2" in modal and "Lihat perubahan setiap halaman" in modal

    client.post(url, {"comment": ""})

    assert all(page.live for page in _pages(course))


def test_rejection_publishes_nothing_and_sends_the_course_back(
    course, trainer, reviewer
):
    submit_course_for_review(course=course, user=trainer)

    client_as(reviewer).post(
        reverse("sigap_course_review", args=(course.pk,)),
        {"decision": "reject", "comment": "Pelajaran 2 belum lengkap."},
    )

    assert not any(page.live for page in _pages(course))
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Pelajaran 2 belum lengkap."
    assert not CoursePage.objects.live().filter(pk=course.pk).exists()
    # Sent back, the lessons are the trainer's to fix again.
    lesson = LessonPage.objects.child_of(course).first()
    assert lesson.get_lock() is None


def test_resubmitting_after_changes_carries_the_pages_again(course, trainer, reviewer):
    submit_course_for_review(course=course, user=trainer)
    decide_course_review(course=course, user=reviewer, approve=False, comment="Ubah.")
    lesson = LessonPage.objects.child_of(course).first()
    lesson.intro = "Diperbaiki."
    revision = lesson.save_revision(user=trainer)

    submit_course_for_review(course=course, user=trainer)
    decide_course_review(course=course, user=reviewer, approve=True)

    lesson.refresh_from_db()
    assert lesson.live and lesson.live_revision_id == revision.pk
    assert lesson.intro == "Diperbaiki."


def test_one_email_per_step_not_one_per_page(course, trainer, reviewers):
    mail.outbox.clear()
    submit_course_for_review(course=course, user=trainer)
    submitted = list(mail.outbox)
    assert sorted(m.to[0] for m in submitted) == sorted(r.email for r in reviewers)

    mail.outbox.clear()
    decide_course_review(course=course, user=reviewers[0], approve=True)
    assert [m.to for m in mail.outbox] == [[trainer.email]]


def test_rejection_sends_the_trainer_one_email(course, trainer, reviewer):
    submit_course_for_review(course=course, user=trainer)
    mail.outbox.clear()

    decide_course_review(course=course, user=reviewer, approve=False, comment="Ubah.")

    assert [m.to for m in mail.outbox] == [[trainer.email]]


def test_trainer_cannot_submit_another_trainers_course(catalog, course):
    other = UserFactory(roles=[ROLE_TRAINER])

    with pytest.raises(PermissionDenied):
        submit_course_for_review(course=course, user=other)
    response = client_as(other).post(
        reverse("sigap_course_review", args=(course.pk,)), {"submit": "1"}
    )

    assert response.status_code in (302, 403)
    assert not WorkflowState.objects.exists()


@pytest.mark.parametrize("whose", ["own", "other"])
def test_a_trainer_cannot_approve_a_course(course, trainer, whose):
    submit_course_for_review(course=course, user=trainer)
    deciding = trainer if whose == "own" else UserFactory(roles=[ROLE_TRAINER])
    task_state = TaskState.objects.get()

    with pytest.raises(PermissionDenied):
        decide_course_review(course=course, user=deciding, approve=True)
    client_as(deciding).post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(course.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )
    client_as(deciding).post(
        reverse("sigap_course_review", args=(course.pk,)), {"decision": "approve"}
    )

    assert not any(page.live for page in _pages(course))
    assert TaskState.objects.get().status == TaskState.STATUS_IN_PROGRESS


def test_a_new_lesson_of_a_live_course_stays_hidden_until_approved(
    catalog, trainer, reviewer
):
    course = make_course(catalog, trainer=trainer, lessons=1)
    new_lesson = add_lesson(course, 2)
    new_lesson.live = False
    new_lesson.save()
    new_lesson.save_revision(user=trainer)

    submit_course_for_review(course=course, user=trainer)
    assert [p.pk for p in course.lessons()] != [] and new_lesson not in course.lessons()

    decide_course_review(course=course, user=reviewer, approve=True)
    assert new_lesson.pk in [p.pk for p in course.lessons()]


def test_nothing_to_submit_is_refused_with_a_reason(catalog, trainer):
    course = make_course(catalog, trainer=trainer, lessons=1)
    for page in _pages(course).specific():
        page.save_revision(user=trainer).publish()

    client = client_as(trainer)
    response = client.post(
        reverse("sigap_course_review", args=(course.pk,)), {"submit": "1"}, follow=True
    )

    assert "belum diterbitkan" in response.content.decode()
    assert not WorkflowState.objects.exists()


def test_the_review_lists_the_course_first(course, trainer):
    review = course_review(course=course, user=trainer)
    assert review.pages[0].page.pk == course.pk
    assert review.task_state is None and len(review.pages) == 4
