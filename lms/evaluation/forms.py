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


# The behaviour scale of the supervisor's survey (level 3): how the learner applies
# the competency at work since the course; 4 and up counts as applied
# (``lms.competencies.services.APPLIED_AT_WORK``).
BEHAVIOUR_SCALE = [
    ("1", _("Belum menerapkan")),
    ("2", _("Menerapkan dengan bimbingan")),
    ("3", _("Menerapkan sebagian")),
    ("4", _("Menerapkan secara konsisten")),
    ("5", _("Menerapkan dan menjadi contoh rekan")),
]


class SupervisorSurveyForm(forms.Form):
    """The supervisor's survey: one required behaviour rating per competency the
    course develops (field ``c<competency id>``) and an optional comment."""

    def __init__(self, *args, competencies: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.competencies = competencies
        for competency in competencies:
            self.fields[f"c{competency.pk}"] = forms.ChoiceField(
                label=f"{competency.code} {competency.name}",
                help_text=competency.definition,
                choices=BEHAVIOUR_SCALE,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu nilai 1–5.")},
            )
        self.fields["comment"] = forms.CharField(
            label=_("Komentar (tidak wajib)"),
            required=False,
            max_length=COMMENT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def rows(self) -> list:
        """(competency, bound field) in the course's order."""
        return [
            (competency, self[f"c{competency.pk}"]) for competency in self.competencies
        ]

    def ratings(self) -> dict[int, str]:
        """Competency id → the chosen rating (after ``is_valid``)."""
        return {
            competency.pk: self.cleaned_data[f"c{competency.pk}"]
            for competency in self.competencies
        }
