"""HR's organisation screen (/hr/unit/): the units in scope, added and corrected."""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import units
from .forms import OrgUnitForm
from .views import hr_required


@hr_required
def unit_list(request):
    return render(
        request,
        "hr/units.html",
        {
            "rows": units.unit_rows(request.user),
            "may_add_root": units.may_add_root(request.user),
        },
    )


def _unit_in_scope(request, unit_id: int):
    unit = units.editable_unit(request.user, unit_id)
    if unit is None:
        raise Http404
    return unit


@hr_required
def unit_add(request, parent_id: int | None = None):
    """Add a unit below ``parent_id`` (in scope), or an instansi (administrators)."""
    parent = _unit_in_scope(request, parent_id) if parent_id else None
    if parent is None and not units.may_add_root(request.user):
        raise PermissionDenied(_("Hanya administrator yang menambah instansi."))
    initial = {"time_zone": parent.time_zone} if parent else {}
    form = OrgUnitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        unit = units.add_unit(
            by=request.user, parent=parent, data=form.cleaned_data, request=request
        )
        messages.success(request, _("Unit “%(name)s” ditambahkan.") % {"name": unit})
        return redirect("hr:units")
    return render(
        request, "hr/unit_form.html", {"form": form, "parent": parent, "unit": None}
    )


@hr_required
def unit_change(request, unit_id: int):
    unit = _unit_in_scope(request, unit_id)
    # The form writes what was typed into its instance as it validates; the unit
    # itself stays as stored, so the service can tell what changed.
    form = OrgUnitForm(request.POST or None, instance=copy.copy(unit))
    if request.method == "POST" and form.is_valid():
        changed = units.change_unit(
            by=request.user, unit=unit, data=form.cleaned_data, request=request
        )
        if changed:
            messages.success(request, _("Unit “%(name)s” disimpan.") % {"name": unit})
        else:
            messages.info(request, _("Tidak ada yang berubah."))
        return redirect("hr:units")
    return render(
        request,
        "hr/unit_form.html",
        {"form": form, "parent": unit.get_parent(), "unit": unit},
    )
