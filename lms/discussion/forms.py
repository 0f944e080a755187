"""Discussion forms: plain text in, kept as typed when a check fails."""

from django import forms
from django.utils.translation import gettext_lazy as _

BODY_MAX = 5000


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Pesan"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Teks biasa; alamat http(s) menjadi tautan. Sebut @pengajar agar "
            "pengajar diberi tahu."
        ),
    )


class ThreadForm(PostForm):
    title = forms.CharField(label=_("Judul"), max_length=150)
    field_order = ["title", "body"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
