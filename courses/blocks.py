"""Content blocks for lessons.

``LessonStreamBlock`` is the one stream every lesson uses.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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
