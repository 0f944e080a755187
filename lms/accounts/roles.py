"""What each role may do in the Wagtail admin: the one source for the role groups.

``RIGHTS`` is written down in ``docs/roles.md`` (a test compares the two) and applied
to the five groups by ``sync_role_permissions``: from the data migration and after
every ``migrate``, so that models added by later migrations get their rights too.
The five groups' rights are code: editing them in the admin is undone at the next
deploy. Rights that are not Django permissions (MFA, /hr/, erasure) are
named predicates; ``PREDICATE_RIGHTS`` lists them for the same table. The
audit trail's screens ask ``audit.view_auditevent`` (lms.audit sits below roles).
"""

from dataclasses import dataclass

from django.apps import apps as global_apps

from .permissions import (
    ROLE_ADMIN,
    ROLE_HR,
    ROLE_LEARNER,
    ROLE_REVIEWER,
    ROLE_TRAINER,
    ROLES,
)

T, R, H, A = ROLE_TRAINER, ROLE_REVIEWER, ROLE_HR, ROLE_ADMIN
AUTHORS = frozenset({T, R, A})
REVIEWERS = frozenset({R, A})
TRAINERS_AND_ADMINS = frozenset({T, A})
ADMINS = frozenset({A})


@dataclass(frozen=True)
class Right:
    """One right: ``model:app.codename`` (for trainers narrowed to their own
    question banks and certificate templates by ``lms.accounts.middleware``),
    ``page:action`` (on the whole page tree, narrowed to own courses for trainers
    by ``courses.page_permissions``) or ``collection:app.codename`` (on the root
    collection)."""

    code: str
    roles: frozenset[str]


RIGHTS: list[Right] = [
    Right("model:wagtailadmin.access_admin", AUTHORS),
    Right("page:add", AUTHORS),
    Right("page:change", REVIEWERS),
    Right("page:publish", REVIEWERS),
    Right("page:lock", REVIEWERS),
    Right("page:unlock", REVIEWERS),
    Right("page:bulk_delete", ADMINS),
    Right("collection:wagtailimages.add_image", AUTHORS),
    Right("collection:wagtailimages.choose_image", AUTHORS),
    Right("collection:wagtailimages.change_image", REVIEWERS),
    Right("collection:wagtailimages.delete_image", ADMINS),
    Right("collection:wagtaildocs.add_document", AUTHORS),
    Right("collection:wagtaildocs.choose_document", AUTHORS),
    Right("collection:wagtaildocs.change_document", REVIEWERS),
    Right("collection:wagtaildocs.delete_document", ADMINS),
    Right("model:courses.add_topic", REVIEWERS),
    Right("model:courses.change_topic", REVIEWERS),
    Right("model:courses.delete_topic", ADMINS),
    Right("model:quizzes.add_question", AUTHORS),
    Right("model:quizzes.change_question", AUTHORS),
    Right("model:quizzes.delete_question", AUTHORS),
    Right("model:wagtailredirects.add_redirect", ADMINS),
    Right("model:wagtailredirects.change_redirect", ADMINS),
    Right("model:wagtailredirects.delete_redirect", ADMINS),
    Right("model:certificates.add_certificatetemplate", TRAINERS_AND_ADMINS),
    Right("model:certificates.change_certificatetemplate", TRAINERS_AND_ADMINS),
    Right("model:certificates.delete_certificatetemplate", ADMINS),
    Right("model:accounts.add_user", ADMINS),
    Right("model:accounts.change_user", ADMINS),
    Right("model:accounts.view_user", ADMINS),
    Right("model:audit.view_auditevent", ADMINS),
    Right("model:competencies.add_competency", ADMINS),
    Right("model:competencies.change_competency", ADMINS),
    Right("model:competencies.delete_competency", ADMINS),
    Right("model:competencies.add_positionstandard", ADMINS),
    Right("model:competencies.change_positionstandard", ADMINS),
    Right("model:competencies.delete_positionstandard", ADMINS),
    Right("model:evaluation.add_standardquestion", ADMINS),
    Right("model:evaluation.change_standardquestion", ADMINS),
    Right("model:evaluation.delete_standardquestion", ADMINS),
    Right("model:lti.add_ltiplatform", ADMINS),
    Right("model:lti.change_ltiplatform", ADMINS),
    Right("model:lti.delete_ltiplatform", ADMINS),
]

# Rights decided by named predicates in code (code -> dotted path of the predicate).
PREDICATE_RIGHTS: dict[str, str] = {
    "sigap:learn": "lms.accounts.permissions.is_signed_in",
    "sigap:mfa_required": "lms.accounts.permissions.is_staff_role",
    "sigap:hr_workspace": "lms.accounts.permissions.can_use_hr_workspace",
    "sigap:carry_out_erasure": "lms.accounts.permissions.can_carry_out_erasure",
}

# Wagtail's own starter groups; Sigap's roles replace them.
OBSOLETE_GROUPS = ["Editors", "Moderators"]
WORKFLOW_NAME = "Tinjauan konten"
WORKFLOW_TASK_NAME = "Persetujuan Peninjau"


def rights_of(role: str) -> set[str]:
    return {right.code for right in RIGHTS if role in right.roles}


def sync_role_permissions(apps=None) -> None:
    """Give the five groups exactly the rights in ``RIGHTS``; set up the review
    workflow on the page tree. Idempotent. ``apps`` is a migration's registry."""
    if apps is None:
        apps = global_apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )

    def permission(dotted: str):
        app_label, codename = dotted.split(".")
        return Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    page_model_perms = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        )
    }
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        model_perms, page_perms, collection_perms = [], [], []
        for code in sorted(rights_of(role)):
            kind, what = code.split(":", 1)
            if kind == "model" and (perm := permission(what)):
                model_perms.append(perm)
            elif kind == "page" and (perm := page_model_perms.get(f"{what}_page")):
                page_perms.append(perm)
            elif kind == "collection" and (perm := permission(what)):
                collection_perms.append(perm)
        group.permissions.set(model_perms)
        if root_page is not None:
            GroupPagePermission.objects.filter(group=group).exclude(
                page=root_page, permission__in=page_perms
            ).delete()
            for perm in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=perm
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).exclude(
                collection=root_collection, permission__in=collection_perms
            ).delete()
            for perm in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm
                )
    Group.objects.filter(name__in=OBSOLETE_GROUPS, user__isnull=True).delete()
    _sync_review_workflow(apps, root_page)


def _sync_review_workflow(apps, root_page) -> None:
    """Trainers cannot publish: their changes go to a reviewer or an admin."""
    if root_page is None:
        return
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    # A higher layer may put its own approval task in place (courses puts the
    # whole-course review there); the starter task is only for a workflow with none.
    tasks = list(GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow))
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(name=WORKFLOW_TASK_NAME).first()
        if task is None:
            task_ct, _ = ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )
            task = GroupApprovalTask.objects.create(
                name=WORKFLOW_TASK_NAME, active=True, content_type=task_ct
            )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        tasks = [task]
    approvers = Group.objects.filter(name__in=[ROLE_REVIEWER, ROLE_ADMIN])
    for task in tasks:
        task.groups.set(approvers)
    WorkflowPage.objects.update_or_create(
        page=root_page, defaults={"workflow": workflow}
    )
    Workflow.objects.filter(name="Moderators approval").update(active=False)


__all__ = ["RIGHTS", "ROLE_LEARNER", "Right", "sync_role_permissions"]
