"""Submit, review and decide a whole course at once ("Ajukan seluruh kursus").

The review workflow's task is a ``CourseReviewTask`` (``courses.models.review``):
submitting a course starts it and notes every page below the course with changes
not yet published; the reviewer sees them page by page and approves or rejects
the whole, with one comment. Wagtail's own notifications send one e-mail per step
(to the reviewers when submitted, to the submitter when decided), because there
is one workflow, on the course page, instead of one per page.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
    WorkflowTask,
)

from lms.accounts.permissions import ROLE_ADMIN, ROLE_REVIEWER
from lms.accounts.roles import WORKFLOW_NAME

from .models import CoursePage, CourseReviewItem, CourseReviewTask
from .models.review import pending_pages
from .permissions import may_submit_course

COURSE_REVIEW_TASK_NAME = "Persetujuan seluruh kursus"


@dataclass(frozen=True)
class ReviewedPage:
    """One page of a course review: what it is and which revision is submitted."""

    page: Page
    revision: Revision | None
    is_new: bool  # never published: the whole revision is new


@dataclass(frozen=True)
class CourseReview:
    """A course's review as the review screen shows it: the task in progress (or
    ``None`` when none is) and its pages, the course first."""

    course: CoursePage
    task_state: TaskState | None
    pages: list[ReviewedPage]
    can_decide: bool


def course_review(*, course: CoursePage, user) -> CourseReview:
    """What is under review in ``course`` now, or what a submission would carry."""
    task_state = course.current_workflow_task_state
    if task_state is not None and isinstance(
        task_state.task.specific, CourseReviewTask
    ):
        course_revision = task_state.revision
        items = [
            ReviewedPage(item.page.specific, item.revision, not item.page.live)
            for item in CourseReviewItem.objects.filter(
                task_state=task_state
            ).select_related("page", "revision")
        ]
        actions = {
            name
            for name, _label, _modal in task_state.task.specific.get_actions(
                course, user
            )
        }
        can_decide = {"approve", "reject"} <= actions
    else:
        task_state = None
        course_revision = course.get_latest_revision()
        items = [
            ReviewedPage(page, revision, not page.live)
            for page, revision in _pending_without_saving(course)
        ]
        can_decide = False
    course_item = ReviewedPage(course, course_revision, not course.live)
    return CourseReview(
        course=course,
        task_state=task_state,
        pages=[course_item, *items],
        can_decide=can_decide,
    )


def _pending_without_saving(course: CoursePage):
    pages = course.get_descendants().filter(has_unpublished_changes=True).specific()
    return [(page, page.get_latest_revision()) for page in pages]


@transaction.atomic
def submit_course_for_review(*, course: CoursePage, user) -> WorkflowState:
    """Submit ``course`` with every page below it that has changes not yet
    published, as one review task. A course sent back for changes is resubmitted."""
    if not may_submit_course(user, course):
        raise PermissionDenied
    course = CoursePage.objects.select_for_update().get(pk=course.pk)
    state = course.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise ValidationError(_("Kursus ini sudah diajukan dan sedang ditinjau."))
    if not course.has_unpublished_changes and not pending_pages(course, user=user):
        raise ValidationError(
            _("Tidak ada perubahan pada kursus ini yang belum diterbitkan.")
        )
    if course.get_latest_revision() is None:
        course.save_revision(user=user)
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    workflow = course.get_workflow()
    if workflow is None:
        raise ValidationError(_("Alur tinjauan kursus belum disiapkan."))
    return workflow.start(course, user)


@transaction.atomic
def decide_course_review(
    *, course: CoursePage, user, approve: bool, comment: str = ""
) -> TaskState:
    """Approve (publish the course and every page submitted with it) or reject
    (publish nothing) the course's review task, with one comment."""
    task_state = course.current_workflow_task_state
    if task_state is None:
        raise ValidationError(_("Kursus ini tidak sedang ditinjau."))
    task = task_state.task.specific
    action = "approve" if approve else "reject"
    if action not in {name for name, _label, _modal in task.get_actions(course, user)}:
        raise PermissionDenied
    task.on_action(task_state, user, action, comment=comment)
    return task_state


def use_course_review_task(**kwargs) -> None:
    """Make the ``CourseReviewTask`` the one task of the review workflow
    (``lms.accounts.roles`` sets the workflow up). Idempotent; run after migrate."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        return
    task = CourseReviewTask.objects.filter(name=COURSE_REVIEW_TASK_NAME).first()
    if task is None:
        task = CourseReviewTask.objects.create(name=COURSE_REVIEW_TASK_NAME)
    task.groups.set(Group.objects.filter(name__in=[ROLE_REVIEWER, ROLE_ADMIN]))
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
