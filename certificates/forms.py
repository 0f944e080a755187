"""Forms for certificates: templates in the admin, revocation, and checking a PDF's
fingerprint."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

MAX_PDF_BYTES = 10 * 1024 * 1024


class CertificateTemplateForm(WagtailAdminModelForm):
    """The template editor: only administrators choose the institution-wide
    default, which every course without a template of its own prints with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # in-function: certificates.models imports this form, and the rules read
        # those models.
        from .permissions import can_choose_default_certificate_template

        if self.for_user is not None and not can_choose_default_certificate_template(
            self.for_user
        ):
            self.fields.pop("is_default", None)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan pencabutan"),
        min_length=10,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ditampilkan di halaman verifikasi dan dicatat di jejak audit."),
    )


class ReissueForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penerbitan ulang"),
        min_length=5,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FingerprintForm(forms.Form):
    pdf = forms.FileField(
        label=_("Berkas PDF sertifikat"),
        error_messages={
            "required": _("Pilih berkas PDF sertifikat yang ingin diperiksa.")
        },
        help_text=_(
            "Berkas tidak disimpan; hanya sidik jarinya (SHA-256) yang dihitung."
        ),
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_PDF_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimal 10 MB)."))
        return upload


class CredentialCheckForm(forms.Form):
    """A pasted signed credential (JWT) to check."""

    token = forms.CharField(
        label=_("Kredensial digital (JWT)"),
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        max_length=20_000,
        help_text=_("Tempelkan isi berkas .jwt yang diunduh dari Sigap."),
    )
