"""Forms of the programme screens (HR): the programme, its courses, a rule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.accounts.scope import hr_scope_units
from lms.forms import ModelChoiceField

from .models import AssignmentRule, Programme


def _indent(unit) -> str:
    return "\u2003" * (unit.depth - 1) + unit.name


class ProgrammeForm(forms.ModelForm):
    """A programme with its required and elective courses."""

    required_courses = forms.ModelMultipleChoiceField(
        label=_("Kursus wajib (urutan sesuai pilihan)"),
        queryset=CoursePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    elective_courses = forms.ModelMultipleChoiceField(
        label=_("Kursus pilihan"),
        queryset=CoursePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Programme
        fields = [
            "title",
            "code",
            "description",
            "owner_unit",
            "ordered",
            "electives_required",
            "due_days",
            "validity_months",
            "renewal_lead_days",
            "recertification_path",
        ]
        field_classes = {
            "owner_unit": ModelChoiceField,
            "recertification_path": ModelChoiceField,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.live().order_by("title")
        self.fields["required_courses"].queryset = courses
        self.fields["elective_courses"].queryset = courses
        self.fields["owner_unit"].queryset = hr_scope_units(user).order_by("path")
        self.fields["owner_unit"].label_from_instance = _indent
        others = Programme.objects.all()
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
            items = list(self.instance.items.all())
            self.initial["required_courses"] = [
                i.course_id for i in items if i.required
            ]
            self.initial["elective_courses"] = [
                i.course_id for i in items if not i.required
            ]
        self.fields["recertification_path"].queryset = others

    def clean(self):
        data = super().clean()
        required = set(data.get("required_courses") or [])
        electives = set(data.get("elective_courses") or [])
        if required & electives:
            raise forms.ValidationError(
                _("Satu kursus tidak bisa sekaligus wajib dan pilihan.")
            )
        if not required and not electives:
            raise forms.ValidationError(_("Pilih sedikitnya satu kursus."))
        if (data.get("electives_required") or 0) > len(electives):
            self.add_error(
                "electives_required",
                _("Lebih banyak dari jumlah kursus pilihan."),
            )
        return data

    def items(self) -> list[tuple[int, bool]]:
        required = [(c.pk, True) for c in self.cleaned_data["required_courses"]]
        electives = [(c.pk, False) for c in self.cleaned_data["elective_courses"]]
        return required + electives


class RuleForm(forms.ModelForm):
    """Who the programme is assigned to: a unit subtree, narrowed by the rest."""

    class Meta:
        model = AssignmentRule
        fields = ["unit", "jabatan", "position_type", "golongan", "employee_type"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = ModelChoiceField(
            label=_("Unit kerja (beserta unit di bawahnya)"),
            queryset=hr_scope_units(user).order_by("path"),
        )
        self.fields["unit"].label_from_instance = _indent
        self.fields["jabatan"].empty_label = _("— semua —")
        for name in ("position_type", "golongan", "employee_type"):
            field = self.fields[name]
            field.choices = [("", _("— semua —")), *list(field.choices)[1:]]


class AssignByHandForm(forms.Form):
    nips = forms.CharField(
        label=_("NIP pegawai"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu NIP per baris, atau dipisah koma."),
    )

    def nip_list(self) -> list[str]:
        return self.cleaned_data["nips"].replace(",", "\n").split()
