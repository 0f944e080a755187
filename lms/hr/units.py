"""The organisation tree as HR keeps it: units in scope, added and corrected.

An HR officer adds units below any unit of their subtree and corrects the name,
code, kind and time zone of each; only an administrator adds an instansi at the
root. Nothing here moves or deletes a unit: people, HR officers and records hang
on it (a unit that closes keeps its history; its people are moved by the import).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from lms.accounts.models import TIME_ZONE_ABBREVIATIONS, OrgUnit
from lms.accounts.scope import hr_scope_units, sees_everyone
from lms.audit.services import record_event


@dataclass(frozen=True)
class UnitRow:
    unit: OrgUnit
    level: int  # 0 for the top of what the officer sees
    members: int  # people whose own unit this is (not the subtree)

    @property
    def zone(self) -> str:
        """The abbreviation (WITA, say); the long name is in the edit form."""
        return TIME_ZONE_ABBREVIATIONS.get(self.unit.time_zone, self.unit.time_zone)


def unit_rows(officer) -> list[UnitRow]:
    """The units the officer sees, in tree order (parents before children)."""
    units = list(
        hr_scope_units(officer).annotate(member_count=Count("members")).order_by("path")
    )
    top = min((unit.depth for unit in units), default=1)
    return [UnitRow(unit, unit.depth - top, unit.member_count) for unit in units]


def may_add_root(officer) -> bool:
    return sees_everyone(officer)


def editable_unit(officer, unit_id: int) -> OrgUnit | None:
    """The unit if it lies in the officer's scope, else None."""
    return hr_scope_units(officer).filter(pk=unit_id).first()


FIELDS = ("name", "code", "kind", "time_zone")


def add_unit(*, by, parent: OrgUnit | None, data: dict, request=None) -> OrgUnit:
    """Add a unit below ``parent`` (in ``by``'s scope), or a root for administrators."""
    values = {field: data[field] for field in FIELDS}
    with transaction.atomic():
        if parent is None:
            if not may_add_root(by):
                raise PermissionError("only administrators add a root unit")
            unit = OrgUnit.add_root(**values)
        else:
            # Re-read inside the transaction: treebeard computes the child's path
            # from the parent's stored state.
            parent = OrgUnit.objects.select_for_update().get(pk=parent.pk)
            unit = parent.add_child(**values)
        record_event(
            actor=by,
            action="hr.unit_added",
            target=unit,
            request=request,
            parent=parent.code if parent else None,
            **values,
        )
    return unit


def change_unit(*, by, unit: OrgUnit, data: dict, request=None) -> list[str]:
    """Correct a unit's fields; returns the names of the fields that changed."""
    changed = [field for field in FIELDS if getattr(unit, field) != data[field]]
    if not changed:
        return []
    before = {field: getattr(unit, field) for field in changed}
    for field in changed:
        setattr(unit, field, data[field])
    unit.save(update_fields=changed)
    record_event(
        actor=by,
        action="hr.unit_changed",
        target=unit,
        request=request,
        before=before,
        after={field: data[field] for field in changed},
    )
    return changed
