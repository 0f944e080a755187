"""Content blocks for lessons.

``LessonStreamBlock`` is the one stream every lesson uses.
"""

from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a lesson (h2 or h3)."""

    text = blocks.CharBlock(label=_("Judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Tingkat"), choices=[("h2", "H2"), ("h3", "H3")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Subjudul")


class ImageBlock(blocks.StructBlock):
    """An image with a caption and the alternative text screen readers need."""

    image = ImageChooserBlock(label=_("Gambar"))
    alt_text = blocks.CharBlock(label=_("Teks alternatif"), max_length=250)
    caption = blocks.CharBlock(label=_("Keterangan"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Gambar")


class VideoBlock(blocks.StructBlock):
    """A video embed with its transcript, so weak connections can read instead."""

    video = EmbedBlock(label=_("Tautan video"))
    title = blocks.CharBlock(label=_("Judul video"), max_length=200)
    duration_minutes = blocks.IntegerBlock(
        label=_("Durasi (menit)"),
        required=False,
        min_value=1,
        max_value=600,
        help_text=_(
            "Lama video atau audio ini. Dihitung dalam perkiraan waktu pelajaran; "
            "jika kosong, transkripnya yang dihitung sebagai bacaan."
        ),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transkrip"), features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video dan transkrip")


class DocumentBlock(blocks.StructBlock):
    """A downloadable document (materi unduhan)."""

    document = DocumentChooserBlock(label=_("Dokumen"))
    description = blocks.CharBlock(
        label=_("Keterangan"), required=False, max_length=250
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        label = _("Dokumen unduhan")


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: a key point, a tip or a warning."""

    kind = blocks.ChoiceBlock(
        label=_("Jenis"),
        choices=[
            ("info", _("Poin penting")),
            ("tip", _("Tips")),
            ("warning", _("Perhatian")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Judul"), required=False, max_length=120)
    text = blocks.RichTextBlock(
        label=_("Isi"), features=["bold", "italic", "ul", "ol", "link"]
    )

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Kotak sorotan")


class CaseStudyBlock(blocks.StructBlock):
    """A scenario from public service in a crisis, with questions to think through."""

    title = blocks.CharBlock(label=_("Judul kasus"), max_length=200)
    scenario = blocks.RichTextBlock(label=_("Skenario"))
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=300), label=_("Pertanyaan diskusi")
    )
    debrief = blocks.RichTextBlock(label=_("Pembahasan"), required=False)

    class Meta:
        icon = "group"
        template = "blocks/case_study_block.html"
        label = _("Studi kasus")


class ReflectionBlock(blocks.StructBlock):
    """A prompt that asks the learner to relate the lesson to their own work."""

    prompt = blocks.TextBlock(label=_("Pertanyaan refleksi"))
    hint = blocks.CharBlock(label=_("Petunjuk"), required=False, max_length=250)

    class Meta:
        icon = "help"
        template = "blocks/reflection_block.html"
        label = _("Refleksi")


FILE_TYPE_CHOICES = [
    ("pdf", "PDF"),
    ("docx", "Word (.docx)"),
    ("xlsx", "Excel (.xlsx)"),
    ("pptx", "PowerPoint (.pptx)"),
    ("jpg", "JPEG"),
    ("png", "PNG"),
]


class RubricLevelBlock(blocks.StructBlock):
    """One level of a rubric criterion (e.g. "Baik") and the points it earns."""

    label = blocks.CharBlock(label=_("Tingkat"), max_length=80)
    description = blocks.CharBlock(label=_("Uraian"), required=False, max_length=300)
    points = blocks.IntegerBlock(label=_("Poin"), min_value=0, max_value=1000)


class RubricCriterionBlock(blocks.StructBlock):
    """One criterion of a rubric, with its levels from lowest to highest."""

    name = blocks.CharBlock(label=_("Kriteria"), max_length=150)
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("Tingkat"), min_num=1)


class AssignmentBlock(blocks.StructBlock):
    """A task (tugas) or reflection the learner answers in writing and/or with a
    file, graded by the course's trainer by rubric or as pass/revise. The answers
    live in ``courses.assignments``; this block holds only what editors write."""

    title = blocks.CharBlock(label=_("Judul tugas"), max_length=200)
    kind = blocks.ChoiceBlock(
        label=_("Jenis"),
        choices=[("assignment", _("Tugas")), ("reflection", _("Refleksi"))],
        default="assignment",
    )
    instructions = blocks.RichTextBlock(
        label=_("Petunjuk"), features=["bold", "italic", "ol", "ul", "link"]
    )
    accepts_text = blocks.BooleanBlock(
        label=_("Jawaban teks"), required=False, default=True
    )
    accepts_file = blocks.BooleanBlock(
        label=_("Unggah berkas"), required=False, default=False
    )
    file_types = blocks.MultipleChoiceBlock(
        label=_("Jenis berkas yang diterima"),
        choices=FILE_TYPE_CHOICES,
        default=["pdf", "docx"],
        required=False,
    )
    max_file_mb = blocks.IntegerBlock(
        label=_("Ukuran berkas maksimal (MB)"), default=5, min_value=1, max_value=20
    )
    due_date = blocks.DateBlock(label=_("Batas waktu"), required=False)
    grading = blocks.ChoiceBlock(
        label=_("Penilaian"),
        choices=[("pass_revise", _("Lulus / revisi")), ("rubric", _("Rubrik"))],
        default="pass_revise",
    )
    rubric = blocks.ListBlock(
        RubricCriterionBlock(), label=_("Rubrik"), required=False, default=[]
    )
    pass_points = blocks.IntegerBlock(
        label=_("Poin minimal lulus"),
        required=False,
        min_value=0,
        help_text=_("Untuk rubrik: nilai di bawah ini meminta revisi."),
    )
    required = blocks.BooleanBlock(
        label=_("Wajib untuk menyelesaikan kursus"),
        required=False,
        default=False,
        help_text=_("Sertifikat ditahan sampai tugas ini dinilai lulus."),
    )

    class Meta:
        icon = "form"
        template = "blocks/assignment_block.html"
        label = _("Tugas")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("accepts_text") and not value.get("accepts_file"):
            errors["accepts_text"] = ErrorList(
                [_("Pilih jawaban teks, unggah berkas, atau keduanya.")]
            )
        if value.get("accepts_file") and not value.get("file_types"):
            errors["file_types"] = ErrorList([_("Pilih minimal satu jenis berkas.")])
        if value.get("grading") == "rubric" and not value.get("rubric"):
            errors["rubric"] = ErrorList([_("Rubrik perlu minimal satu kriteria.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson can hold."""

    paragraph = blocks.RichTextBlock(
        label=_("Teks"),
        features=["h3", "bold", "italic", "ol", "ul", "link", "blockquote"],
        template="blocks/paragraph_block.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    reflection = ReflectionBlock()
    assignment = AssignmentBlock()
