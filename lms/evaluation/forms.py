"""The learner's evaluation form, built from the course's questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Section
from .selectors import FormItem

SCALE_CHOICES = [
    ("1", _("Sangat kurang")),
    ("2", _("Kurang")),
    ("3", _("Cukup")),
    ("4", _("Baik")),
    ("5", _("Sangat baik")),
]
COMMENT_MAX_LENGTH = 2000


class EvaluationForm(forms.Form):
    """One field per question (``FormItem.name``): a required choice 1–5, or an
    optional comment. A refused form keeps everything the learner chose."""

    def __init__(self, *args, items: list[FormItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            if item.is_scale:
                self.fields[item.name] = forms.ChoiceField(
                    label=item.text,
                    choices=SCALE_CHOICES,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Pilih salah satu nilai 1–5.")},
                )
            else:
                self.fields[item.name] = forms.CharField(
                    label=item.text,
                    required=False,
                    max_length=COMMENT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )

    def sections(self) -> list[tuple[str, str, list]]:
        """(section label, trainer name, [(item, bound field)]) in the form's
        order: one group per section, one per trainer in the ``pengajar``
        section."""
        groups: list[tuple[str, str, list]] = []
        keys: list[tuple[str, str]] = []
        for item in self.items:
            if not keys or keys[-1] != (item.section, item.trainer_name):
                keys.append((item.section, item.trainer_name))
                groups.append((str(Section(item.section).label), item.trainer_name, []))
            groups[-1][2].append((item, self[item.name]))
        return groups
