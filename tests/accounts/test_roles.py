"""docs/roles.md is the truth about roles: the code and the database must match it."""

import re
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)

from lms.accounts.permissions import ROLES
from lms.accounts.roles import PREDICATE_RIGHTS, RIGHTS, WORKFLOW_NAME
from tests.factories import AsnProfileFactory

ROLES_MD = Path(settings.BASE_DIR) / "docs" / "roles.md"


def documented_rights() -> dict[str, set[str]]:
    """Parse the table: `code` in the second column, ✓ per role column."""
    lines = [line for line in ROLES_MD.read_text().splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    role_columns = header[2:]
    assert role_columns == ROLES
    table = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        code = re.fullmatch(r"`([^`]+)`", cells[1]).group(1)
        assert code not in table, f"{code} has two rows in docs/roles.md"
        table[code] = {
            role
            for role, cell in zip(role_columns, cells[2:], strict=True)
            if cell == "✓"
        }
    return table


def test_docs_table_matches_the_rights_in_code():
    codes = [right.code for right in RIGHTS]
    assert len(codes) == len(set(codes)), "a right is listed twice in RIGHTS"
    in_code = {right.code: set(right.roles) for right in RIGHTS}
    documented = documented_rights()
    predicates = {code for code in documented if code.startswith("sigap:")}
    assert predicates == set(PREDICATE_RIGHTS)
    assert {c: r for c, r in documented.items() if c not in predicates} == in_code


def _rights_in_database(group: Group) -> set[str]:
    rights = {
        f"model:{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    root = Page.get_first_root_node()
    for gpp in GroupPagePermission.objects.filter(group=group):
        assert gpp.page_id == root.pk
        rights.add(f"page:{gpp.permission.codename.removesuffix('_page')}")
    root_collection = Collection.get_first_root_node()
    for gcp in GroupCollectionPermission.objects.filter(group=group):
        assert gcp.collection_id == root_collection.pk
        perm = gcp.permission
        rights.add(f"collection:{perm.content_type.app_label}.{perm.codename}")
    return rights


def _installed(code: str) -> bool:
    """Rows for an app that is not installed (yet) cannot be in the database."""
    from django.apps import apps

    kind, what = code.split(":", 1)
    labels = {config.label for config in apps.get_app_configs()}
    return kind == "page" or what.split(".")[0] in labels


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_group_holds_exactly_the_documented_rights(role):
    documented = {
        code
        for code, roles in documented_rights().items()
        if role in roles and not code.startswith("sigap:") and _installed(code)
    }
    assert _rights_in_database(Group.objects.get(name=role)) == documented


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_passes_exactly_the_documented_predicates(role, unit):
    user = AsnProfileFactory(unit=unit, user__roles=[role]).user
    for code, roles in documented_rights().items():
        if not code.startswith("sigap:"):
            continue
        module, name = PREDICATE_RIGHTS[code].rsplit(".", 1)
        predicate = getattr(import_module(module), name)
        assert predicate(user) == (role in roles), f"{role} {code}"


@pytest.mark.django_db
def test_wagtails_starter_groups_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.django_db
def test_review_workflow_covers_the_page_tree_and_only_reviewers_approve():
    attached = WorkflowPage.objects.get(page=Page.get_first_root_node())
    assert attached.workflow.name == WORKFLOW_NAME and attached.workflow.active
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=attached.workflow)
    assert set(task.groups.values_list("name", flat=True)) == {"Peninjau", "Admin"}
