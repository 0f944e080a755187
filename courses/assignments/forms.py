"""The learner's answer form (text and/or a checked file) and the trainer's
grading form (a level per rubric criterion, or pass/revise, and feedback)."""

import io
import zipfile
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from lms.uploads import check_zip_sizes, unreadable_as

from .models import Grading
from .selectors import Assignment

MAX_TEXT_CHARS = 20000

# What the first bytes of each accepted type are; an Office file is a zip that
# holds its own folder. A file whose bytes are not its extension's is refused
# (a renamed .exe or .html is not a PDF).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
}
OFFICE_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
NOT_WHAT_IT_SAYS = _(
    "Isi berkas tidak sesuai dengan jenisnya. Simpan ulang berkas dari "
    "aplikasinya (misalnya sebagai PDF), lalu unggah lagi."
)


def extension_of(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower().lstrip(".")
    return "jpg" if suffix == "jpeg" else suffix


def check_upload(upload, *, assignment: Assignment) -> str:
    """Refuse a file over the size limit, of a type the assignment does not take,
    or whose bytes are not what its extension claims. Returns the extension."""
    limit = min(assignment.max_file_mb, settings.SIGAP_ASSIGNMENT_MAX_FILE_MB)
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(
            _("Berkas terlalu besar (%(size)s). Batasnya %(limit)s MB.")
            % {"size": filesizeformat(upload.size), "limit": limit},
            code="too_big",
        )
    extension = extension_of(upload.name)
    if extension not in assignment.file_types:
        raise ValidationError(
            _("Jenis berkas ini tidak diterima. Unggah berkas %(types)s.")
            % {"types": ", ".join(t.upper() for t in assignment.file_types)},
            code="type",
        )
    upload.seek(0)
    head = upload.read(16)
    if not head.startswith(SIGNATURES[extension]):
        raise ValidationError(NOT_WHAT_IT_SAYS, code="spoofed")
    folder = OFFICE_FOLDERS.get(extension)
    if folder:
        upload.seek(0)
        with unreadable_as(NOT_WHAT_IT_SAYS):
            with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
                check_zip_sizes(archive, max_member=50 * 1024 * 1024)
                names = archive.namelist()
        if not any(name.startswith(folder) for name in names):
            raise ValidationError(NOT_WHAT_IT_SAYS, code="spoofed")
    upload.seek(0)
    return extension


class SubmissionForm(forms.Form):
    """The answer to one assignment, by what it accepts."""

    text = forms.CharField(
        label=_("Jawaban Anda"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    file = forms.FileField(label=_("Berkas"), required=False)

    def __init__(self, *args, assignment: Assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        if not assignment.accepts_text:
            del self.fields["text"]
        if assignment.accepts_file:
            self.fields["file"].help_text = _(
                "%(types)s, paling besar %(limit)s MB."
            ) % {
                "types": ", ".join(t.upper() for t in assignment.file_types),
                "limit": min(
                    assignment.max_file_mb, settings.SIGAP_ASSIGNMENT_MAX_FILE_MB
                ),
            }
            self.fields["file"].widget.attrs["accept"] = ",".join(
                f".{t}" for t in assignment.file_types
            )
        else:
            del self.fields["file"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            check_upload(upload, assignment=self.assignment)
        return upload

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("text") or "").strip()
        cleaned["text"] = text
        if self.errors:
            return cleaned
        if not text and not cleaned.get("file"):
            raise ValidationError(
                _("Tulis jawaban Anda atau unggah berkas sebelum mengirim."),
                code="empty",
            )
        return cleaned


class GradingForm(forms.Form):
    """A trainer's grading: a level for every rubric criterion (when the
    assignment uses a rubric), the decision and the feedback."""

    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=Grading.Decision.choices,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Umpan balik untuk peserta"),
        required=False,
        max_length=MAX_TEXT_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, assignment: Assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment
        if assignment.uses_rubric:
            for index, criterion in enumerate(assignment.rubric):
                self.fields[f"criterion_{index}"] = forms.TypedChoiceField(
                    label=criterion.name,
                    coerce=int,
                    widget=forms.RadioSelect,
                    choices=[
                        (
                            level_index,
                            _("%(label)s (%(points)s poin)")
                            % {"label": level.label, "points": level.points},
                        )
                        for level_index, level in enumerate(criterion.levels)
                    ],
                )

    def rubric_fields(self):
        return [self[name] for name in self.fields if name.startswith("criterion_")]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("decision") == Grading.Decision.REVISION
            and not (cleaned.get("feedback") or "").strip()
        ):
            self.add_error(
                "feedback",
                _("Tuliskan apa yang perlu direvisi agar peserta tahu."),
            )
        return cleaned

    def levels(self) -> list[int]:
        return [
            self.cleaned_data[f"criterion_{index}"]
            for index in range(len(self.assignment.rubric))
            if self.assignment.uses_rubric
        ]
