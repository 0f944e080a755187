"""Forms: a claim for learning done elsewhere, and HR's decision on it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.jenis_diklat import JenisDiklat
from lms.uploads import unreadable_as

from .models import ExternalLearningClaim

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
MAX_CLAIM_JP = 500


def validate_pdf_evidence(upload) -> None:
    """Accept only a non-empty PDF of at most 5 MB, judged by its content: it
    must start with ``%PDF-`` and pypdf must be able to read its pages."""
    if upload.size == 0:
        raise ValidationError(_("Berkas bukti kosong. Unggah PDF yang berisi."))
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("Berkas bukti terlalu besar (%(size)s MB). Batasnya 5 MB."),
            params={"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")},
        )
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise ValidationError(
            _("Berkas bukti bukan PDF. Unggah sertifikat atau surat dalam format PDF.")
        )
    upload.seek(0)
    # in-function: pypdf takes ~0.1 s to import; only evidence uploads need it.
    from pypdf import PdfReader

    unreadable = _(
        "PDF tidak dapat dibaca (rusak atau tidak lengkap). Unggah ulang PDF-nya."
    )
    try:
        # pypdf raises OverflowError for a huge cross-reference offset, and other
        # errors for other damage: all of them mean the same to the learner.
        with unreadable_as(unreadable):
            pages = len(PdfReader(upload).pages)
    finally:
        upload.seek(0)
    if pages < 1:
        raise ValidationError(unreadable)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ClaimForm(forms.ModelForm):
    """What a learner tells about learning done elsewhere, with its PDF evidence."""

    class Meta:
        model = ExternalLearningClaim
        fields = [
            "title",
            "organiser",
            "jenis_diklat",
            "start_date",
            "end_date",
            "jp",
            "evidence",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "evidence": forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis_diklat"].choices = [
            ("", _("— pilih jenis kegiatan —")),
            *[(code, f"{code} · {label}") for code, label in JenisDiklat.choices],
        ]
        self.fields["jp"].widget.attrs.update(min=1, max=MAX_CLAIM_JP)
        self.fields["jp"].help_text = _(
            "Bilangan bulat sesuai sertifikat atau surat keterangan."
        )
        self.fields["evidence"].help_text = _(
            "Sertifikat, surat tugas, atau surat keterangan; PDF, paling besar 5 MB."
        )

    def clean_evidence(self):
        upload = self.cleaned_data["evidence"]
        validate_pdf_evidence(upload)
        return upload

    def clean_jp(self):
        jp = self.cleaned_data["jp"]
        if not 1 <= jp <= MAX_CLAIM_JP:
            raise ValidationError(
                _("JP harus antara 1 dan %(max)s."), params={"max": MAX_CLAIM_JP}
            )
        return jp

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date", _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
            )
        if end and end > timezone.localdate():
            self.add_error(
                "end_date",
                _("Kegiatan yang belum selesai belum dapat diklaim."),
            )
        return cleaned

    def claim_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name != "evidence"
        }


class ClaimDecisionForm(forms.Form):
    """HR's decision: approve or reject, always with a reason."""

    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("approve", _("Setujui")), ("reject", _("Tolak"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Alasan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Dikirim kepada peserta bersama keputusan."),
    )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"
