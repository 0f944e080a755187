"""Forms of the question-bank screens: import a file, move or copy a bank.

Apart from ``forms.py`` because the quiz models import that module (for their
page form) and these forms read the models."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.forms import ModelChoiceField

from .models import QuestionFormat
from .permissions import bank_courses
from .question_formats import MAX_FILE_BYTES, too_big_message


class QuestionFileForm(forms.Form):
    """A question file to import into one course's bank."""

    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Kenali dari berkas")), *QuestionFormat.choices],
    )
    file = forms.FileField(
        label=_("Berkas soal"),
        help_text=_(
            "Aiken atau GIFT (.txt, teks UTF-8) atau templat XLSX Sigap. Paling "
            "besar 5 MB, paling banyak 2000 soal."
        ),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = (uploaded.name or "").lower()
        if not name.endswith((".txt", ".gift", ".xlsx")):
            raise ValidationError(_("Pilih berkas .txt, .gift, atau .xlsx."))
        if uploaded.size == 0:
            raise ValidationError(_("Berkas kosong."))
        if uploaded.size > MAX_FILE_BYTES:
            raise ValidationError(too_big_message())
        return uploaded


class BankTransferForm(forms.Form):
    """Where a course's bank goes, and whether it moves or is copied."""

    target = ModelChoiceField(label=_("Ke kursus"), queryset=None)
    mode = forms.ChoiceField(
        label=_("Cara"),
        choices=[
            ("move", _("Pindahkan (soal yang masih dipakai di kursus asal disalin)")),
            ("copy", _("Salin (bank kursus asal tetap utuh)")),
        ],
        widget=forms.RadioSelect,
        initial="move",
    )

    def __init__(self, *args, user, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = bank_courses(user).exclude(pk=source.pk)
