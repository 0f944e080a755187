"""One review for a whole course: the course page and every page below it.

The review workflow on the page tree has one task, a ``CourseReviewTask``. On any
page outside a course it is Wagtail's group approval. On a course page, starting it
notes every page below the course that has changes not yet published, with the
revision submitted (``CourseReviewItem``); approving it publishes the course and
exactly those revisions in one transaction; rejecting it publishes nothing. Pages
below a course have no workflow of their own (``CourseOwnedPermissions``): they
are reviewed, and go live, only with their course.
"""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState, WorkflowState


class CourseReviewTask(GroupApprovalTask):
    """Members of the chosen groups approve a course together with its lessons,
    quizzes and sessions, or send it back, in one step."""

    def start(self, workflow_state, user=None):
        # in-function: pages.py imports this module's neighbours (CoursePage).
        from .pages import CoursePage

        with transaction.atomic():
            task_state = super().start(workflow_state, user=user)
            course = workflow_state.content_object.specific
            if isinstance(course, CoursePage):
                CourseReviewItem.objects.bulk_create(
                    CourseReviewItem(
                        task_state=task_state, page=page, revision=revision
                    )
                    for page, revision in pending_pages(course, user=user)
                )
        return task_state

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        super().on_action(task_state, user, action_name, **kwargs)
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db(fields=["status"])
        if (
            action_name == "approve"
            and workflow_state.status == WorkflowState.STATUS_APPROVED
        ):
            # Wagtail has just published the course itself (the workflow's end);
            # its pages go live in the same transaction.
            for item in task_state.course_review_items.select_related("revision"):
                item.revision.publish(user=user)

    def get_template_for_action(self, action):
        return "courses/admin/course_review_action_modal.html"

    @classmethod
    def get_description(cls):
        return _(
            "Anggota grup yang dipilih menyetujui sebuah kursus beserta seluruh "
            "pelajaran, kuis, dan sesinya sekaligus."
        )

    class Meta:
        verbose_name = _("tinjauan seluruh kursus")
        verbose_name_plural = _("tinjauan seluruh kursus")


class CourseReviewItem(models.Model):
    """A page below a course submitted with it: the revision the reviewer sees and
    the approval publishes."""

    task_state = models.ForeignKey(
        TaskState, on_delete=models.CASCADE, related_name="course_review_items"
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("halaman dalam tinjauan kursus")
        verbose_name_plural = _("halaman dalam tinjauan kursus")
        ordering = ["page__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "page"], name="one_review_item_per_page"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page} ({self.task_state})"


def pending_pages(course, *, user=None) -> list[tuple[Page, Revision]]:
    """Every page below ``course`` with changes not yet published (new pages too),
    in tree order, with its newest revision (one is saved for a page that has
    none, e.g. created in code)."""
    found = []
    for page in (
        course.get_descendants().filter(has_unpublished_changes=True).specific()
    ):
        revision = page.get_latest_revision() or page.save_revision(user=user)
        found.append((page, revision))
    return found
