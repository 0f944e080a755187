"""The dashboard's filters: who (unit, jabatan, golongan, type), what and when."""

import datetime
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.accounts.employee_numbers import EmployeeType
from lms.accounts.models import Golongan, Jabatan, OrgUnit
from lms.accounts.scope import hr_scope_units
from lms.forms import ModelChoiceField

FIRST_YEAR = 2020
ALL_YEARS = 0


def year_bounds(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """Start of ``year`` and of the next, in the site's time zone (Asia/Jakarta)."""
    tz = timezone.get_default_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=tz),
        datetime.datetime(year + 1, 1, 1, tzinfo=tz),
    )


class UnitChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return "\u2003" * (obj.depth - 1) + obj.name


@dataclass(frozen=True)
class HrFilters:
    """Validated filter values; ``None`` or ``""`` means "all"."""

    year: int
    unit: OrgUnit | None = None
    jabatan_category: str = ""
    golongan: str = ""
    employee_type: str = ""
    course: CoursePage | None = None

    @property
    def jp_year(self) -> int:
        """The year JP is counted for ("all years" counts the current year)."""
        return self.year or timezone.localdate().year

    @property
    def year_label(self) -> str:
        return str(self.year) if self.year else str(_("semua tahun"))

    def person_q(self, prefix: str = "") -> Q:
        """Conditions on the person's ASN profile; ``prefix`` leads to the profile."""
        q = Q()
        if self.unit is not None:
            q &= Q(**{f"{prefix}unit__path__startswith": self.unit.path})
        if self.jabatan_category:
            q &= Q(**{f"{prefix}jabatan__category": self.jabatan_category})
        if self.golongan:
            q &= Q(**{f"{prefix}golongan": self.golongan})
        if self.employee_type:
            q &= Q(**{f"{prefix}employee_type": self.employee_type})
        return q

    def as_query(self) -> dict[str, str]:
        """The filters as GET parameters (for drill-down and export links)."""
        params = {"year": str(self.year)}
        if self.unit is not None:
            params["unit"] = str(self.unit.pk)
        for name in ("jabatan_category", "golongan", "employee_type"):
            if getattr(self, name):
                params[name] = getattr(self, name)
        if self.course is not None:
            params["course"] = str(self.course.pk)
        return params


class HrFilterForm(forms.Form):
    """GET form on the dashboard, the learner list and the export page."""

    unit = UnitChoiceField(
        label=_("Unit kerja"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Semua unit dalam lingkup"),
    )
    jabatan_category = forms.ChoiceField(
        label=_("Kategori jabatan"),
        choices=[("", _("Semua kategori"))] + list(Jabatan.Category.choices),
        required=False,
    )
    golongan = forms.ChoiceField(
        label=_("Golongan"),
        choices=[("", _("Semua golongan"))] + list(Golongan.choices),
        required=False,
    )
    employee_type = forms.ChoiceField(
        label=_("Jenis pegawai"),
        choices=[("", _("PNS dan PPPK"))] + list(EmployeeType.CHOICES),
        required=False,
    )
    course = ModelChoiceField(
        label=_("Kursus"),
        queryset=CoursePage.objects.none(),
        required=False,
        empty_label=_("Semua kursus"),
    )
    year = forms.TypedChoiceField(
        label=_("Tahun"), coerce=int, choices=[], required=False
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["unit"].queryset = hr_scope_units(user).order_by("path")
        self.fields["course"].queryset = CoursePage.objects.order_by("title").only(
            "id", "title"
        )
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ] + [(ALL_YEARS, _("Semua tahun"))]
        self.this_year = this_year

    def filters(self) -> HrFilters:
        """The valid part of the filters (invalid fields count as "all")."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not self.is_valid():
            data = {
                name: value
                for name, value in getattr(self, "cleaned_data", {}).items()
                if name not in self.errors
            }
        return HrFilters(
            year=self.this_year if data.get("year") in (None, "") else data["year"],
            unit=data.get("unit"),
            jabatan_category=data.get("jabatan_category") or "",
            golongan=data.get("golongan") or "",
            employee_type=data.get("employee_type") or "",
            course=data.get("course"),
        )


def filters_from_request(request) -> tuple[HrFilterForm, HrFilters]:
    form = HrFilterForm(request.GET or None, user=request.user)
    return form, form.filters()
