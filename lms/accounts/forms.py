"""Forms for the ASN profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.forms import ModelChoiceField

from .employee_numbers import validate_employee_number
from .models import AsnProfile, Jabatan, OrgUnit


class OrgUnitChoiceField(ModelChoiceField):
    """Units shown with their depth, so the tree reads as a tree in a plain select."""

    def label_from_instance(self, obj: OrgUnit) -> str:
        return "— " * (obj.depth - 1) + obj.name


class AsnProfileForm(forms.ModelForm):
    """The learner's own profile. The NIP is checked by the one rule set."""

    unit = OrgUnitChoiceField(
        label=_("Instansi / unit kerja"),
        queryset=OrgUnit.objects.order_by("path"),
        help_text=_("Pilih unit tempat Anda bekerja; instansi mengikuti unit."),
    )
    jabatan = ModelChoiceField(
        label=_("Jabatan"), queryset=Jabatan.objects.order_by("name"), required=False
    )
    nip = forms.CharField(
        label=_("NIP / NI PPPK"),
        max_length=30,
        help_text=_("18 digit. Spasi dan titik boleh diketik; akan dihapus otomatis."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_date = forms.DateField(
        label=_("Tanggal lahir"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = AsnProfile
        fields = [
            "title_prefix",
            "full_name",
            "title_suffix",
            "nip",
            "birth_place",
            "birth_date",
            "unit",
            "jabatan",
            "golongan",
            "reminders_opt_out",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["birth_place"].required = True
        self.employee_number = None

    def clean_nip(self) -> str:
        self.employee_number = validate_employee_number(self.cleaned_data["nip"])
        number = self.employee_number.number
        duplicate = AsnProfile.objects.filter(nip=number).exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise ValidationError(
                _(
                    "Nomor pegawai ini sudah terdaftar pada akun "
                    "lain. Hubungi admin bila keliru."
                ),
                code="duplicate",
            )
        return number

    def clean(self):
        cleaned = super().clean()
        birth_date = cleaned.get("birth_date")
        if (
            self.employee_number
            and birth_date
            and birth_date != self.employee_number.birth_date
        ):
            self.add_error(
                "birth_date",
                _(
                    "Tanggal lahir tidak cocok dengan 8 digit "
                    "pertama nomor pegawai (%(date)s)."
                )
                % {"date": self.employee_number.birth_date.strftime("%d-%m-%Y")},
            )
        return cleaned


class DataRequestForm(forms.Form):
    """A restriction or erasure request: the reason is optional, and short."""

    reason = forms.CharField(
        label=_("Alasan (tidak wajib)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
