"""HR forms: staff import upload and bulk enrolment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage
from lms.accounts.models import OrgUnit
from lms.accounts.scope import hr_scope_units
from lms.forms import ModelChoiceField
from lms.uploads import unreadable_as

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas daftar pegawai (CSV atau XLSX)"),
        help_text=_(
            "Kolom: nip, nama, email, kode unit, jabatan, golongan; boleh "
            "ditambah id siasn, dan nip atasan atau email atasan (atasan "
            "langsung). Baris pertama adalah judul kolom. Paling besar 10 MB."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = uploaded.name.lower()
        if not name.endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Pilih berkas .csv atau .xlsx."))
        if uploaded.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        if uploaded.size == 0:
            raise forms.ValidationError(_("Berkas kosong."))
        return uploaded


class BulkEnrolForm(forms.Form):
    """Enrol a unit (with its subtree) or a list of NIPs into one course."""

    course = ModelChoiceField(
        label=_("Kursus"), queryset=None, empty_label=_("Pilih kursus")
    )
    unit = ModelChoiceField(
        label=_("Unit kerja (beserta unit di bawahnya)"),
        queryset=None,
        required=False,
        empty_label=_("— tidak memakai unit —"),
    )
    nips = forms.CharField(
        label=_("Atau daftar NIP"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Satu NIP per baris, atau dipisah koma."),
    )
    nip_file = forms.FileField(
        label=_("Atau unggah berkas NIP (CSV/TXT, satu NIP per baris)"),
        required=False,
    )
    deadline = forms.DateField(
        label=_("Batas waktu (opsional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["unit"].queryset = hr_scope_units(user).order_by("path")
        self.fields["unit"].label_from_instance = lambda obj: (
            "\u2003" * (obj.depth - 1) + obj.name
        )

    def clean_nip_file(self):
        uploaded = self.cleaned_data.get("nip_file")
        if uploaded and uploaded.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        return uploaded

    def clean(self):
        data = super().clean()
        nips = [
            part.strip()
            for part in (data.get("nips") or "").replace(",", "\n").splitlines()
            if part.strip()
        ]
        uploaded = data.get("nip_file")
        if uploaded:
            with unreadable_as(_("Berkas NIP tidak dapat dibaca.")):
                text = uploaded.read().decode("utf-8-sig", errors="replace")
            if "\x00" in text:
                raise forms.ValidationError(
                    {
                        "nip_file": _(
                            "Berkas NIP bukan teks (berisi data biner). Unggah CSV "
                            "atau TXT dengan satu NIP per baris."
                        )
                    }
                )
            for line in text.splitlines():
                value = line.split(",")[0].split(";")[0].strip().strip('"')
                if value and value.lower() != "nip":
                    nips.append(value)
        data["nip_list"] = nips
        if not data.get("unit") and not nips:
            raise forms.ValidationError(
                _("Pilih unit kerja atau isi daftar NIP yang akan didaftarkan.")
            )
        return data


class SupervisorForm(forms.Form):
    """HR sets a person's direct supervisor (atasan langsung) by e-mail or NIP."""

    supervisor = forms.CharField(
        label=_("Atasan langsung (e-mail atau NIP)"),
        max_length=254,
        required=False,
        help_text=_(
            "Harus pegawai dalam lingkup Anda. Kosongkan untuk menghapus atasan."
        ),
    )


class OrgUnitForm(forms.ModelForm):
    """Name, code, kind and time zone of a unit (the tree itself is not edited here)."""

    class Meta:
        model = OrgUnit
        fields = ["name", "code", "kind", "time_zone"]
        help_texts = {
            "code": _(
                "Kode yang dipakai berkas impor pegawai (kolom “kode unit”), "
                "unik di seluruh Sigap."
            ),
        }

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        taken = OrgUnit.objects.filter(code__iexact=code)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Kode “%(code)s” sudah dipakai unit lain."), params={"code": code}
            )
        return code

    def clean_name(self):
        return self.cleaned_data["name"].strip()
