"""The question bank: questions are Wagtail snippets with revisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from courses.models import CoursePage
from courses.page_permissions import own_course_ids
from lms.accounts.permissions import is_only_trainer

MAX_CHOICES = 20
# Two items have two orders: a guess is right half the time, whatever the shuffle.
MIN_ORDERING_ITEMS = 3


class QuestionType(models.TextChoices):
    SINGLE = "single", _("Pilihan tunggal")
    MULTIPLE = "multiple", _("Pilihan jamak")
    TRUE_FALSE = "true_false", _("Benar/Salah")
    SHORT = "short", _("Jawaban singkat")
    ORDERING = "ordering", _("Mengurutkan")
    MATCHING = "matching", _("Menjodohkan")


class Scoring(models.TextChoices):
    ALL_OR_NOTHING = "all", _("Semua atau tidak sama sekali")
    PARTIAL = "partial", _("Nilai sebagian (pilihan salah mengurangi, minimal 0)")


class Difficulty(models.TextChoices):
    EASY = "mudah", _("Mudah")
    MEDIUM = "sedang", _("Sedang")
    HARD = "sulit", _("Sulit")


def content_problems(
    *, type: str, choices: list[tuple[str, bool, str]], accepted_answers: str
) -> list[str]:
    """Why a question's choices do not make sense for its type (empty when they
    do). ``choices`` are ``(text, is_correct, match_text)`` in order; the admin
    form and the question import judge by this one rule."""
    correct = sum(1 for _text, right, _match in choices if right)
    problems = []
    if len(choices) > MAX_CHOICES:
        problems.append(_("Paling banyak 20 pilihan."))
    if type == QuestionType.SINGLE and (len(choices) < 2 or correct != 1):
        problems.append(
            _("Pilihan tunggal butuh dua pilihan atau lebih, tepat satu benar.")
        )
    if type == QuestionType.MULTIPLE and (len(choices) < 2 or correct < 1):
        problems.append(
            _("Pilihan jamak butuh minimal dua pilihan dan satu atau lebih benar.")
        )
    if type == QuestionType.ORDERING and len(choices) < MIN_ORDERING_ITEMS:
        problems.append(
            _(
                "Soal mengurutkan butuh minimal tiga butir, ditulis dalam urutan "
                "yang benar: dengan dua butir, tebakan benar separuh waktu."
            )
        )
    if type == QuestionType.MATCHING and (
        len(choices) < 2 or any(not match for _text, _right, match in choices)
    ):
        problems.append(
            _("Soal menjodohkan butuh minimal dua pasangan, masing-masing lengkap.")
        )
    if type == QuestionType.SHORT and not (accepted_answers or "").strip():
        problems.append(_("Isi minimal satu jawaban yang diterima."))
    return problems


class QuestionTag(TaggedItemBase):
    """A topic tag on a question; random draws pick questions by tag."""

    content_object = ParentalKey(
        "quizzes.Question", on_delete=models.CASCADE, related_name="tagged_items"
    )


# Which question types use which fields; the form marks each such panel with the
# types it is for (``data-question-types``) and ``static/js/question_form.js``
# hides the others. The server-side rule (``content_problems``) stays the judge.
CHOICE_TYPES = ("single", "multiple", "ordering", "matching")
SCORED_TYPES = ("multiple", "ordering", "matching")


def for_types(*types: str) -> dict:
    return {"data-question-types": " ".join(types)}


class QuestionQuerySet(models.QuerySet):
    def for_course(self, course) -> "QuestionQuerySet":
        """Questions a course may use: its own and the shared ones."""
        return self.filter(models.Q(course=course) | models.Q(course__isnull=True))

    def with_choices(self) -> "QuestionQuerySet":
        return self.prefetch_related("choices")


class QuestionForm(WagtailAdminModelForm):
    """Checks that a question's choices make sense for its type. A trainer files
    every question under one of their own courses: a shared question (no course)
    is for reviewers and administrators, and a trainer could not edit it again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("course")
        user = getattr(self, "for_user", None)
        if field is None or user is None:
            return
        if is_only_trainer(user):
            # A trainer's question belongs to one of their courses: the field is
            # required, and the model's hint ("leave it empty to share") is not
            # for them.
            field.queryset = CoursePage.objects.filter(pk__in=own_course_ids(user))
            field.required = True
            field.empty_label = None
            field.help_text = _(
                "Soal disimpan di bank soal kursus ini. Soal bersama untuk semua "
                "kursus dibuat oleh peninjau atau admin."
            )

    class Media:
        js = ["js/question_form.js"]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("type")
        formset = self.formsets.get("choices")
        rows = []
        if formset is not None:
            # ClusterForm validates its formsets only after this form's clean():
            # without this call no choice has cleaned_data yet.
            formset.is_valid()
            for form in formset.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data and not data.get("DELETE") and data.get("text"):
                    rows.append(data)
        problems = content_problems(
            type=kind,
            choices=[
                (row["text"], bool(row.get("is_correct")), row.get("match_text") or "")
                for row in rows
            ],
            accepted_answers=cleaned.get("accepted_answers", ""),
        )
        if problems:
            raise ValidationError(problems[0])
        return cleaned


class Question(RevisionMixin, index.Indexed, ClusterableModel):
    """One question in a course's bank (or shared), with its key and explanation.

    Attempts copy what they show into a snapshot, so editing a question never
    changes a past result; only an explicit regrade applies a corrected key.
    """

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("kursus"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="questions",
        help_text=_("Kosongkan jika soal dipakai bersama oleh semua kursus."),
    )
    type = models.CharField(
        _("jenis soal"),
        max_length=12,
        choices=QuestionType,
        default=QuestionType.SINGLE,
    )
    text = models.TextField(_("teks soal"))
    points = models.PositiveSmallIntegerField(_("bobot nilai"), default=1)
    scoring = models.CharField(
        _("cara penilaian"),
        max_length=8,
        choices=Scoring,
        default=Scoring.ALL_OR_NOTHING,
        help_text=_("Untuk pilihan jamak, mengurutkan, dan menjodohkan."),
    )
    is_true = models.BooleanField(
        _("pernyataan ini benar"),
        default=True,
        help_text=_("Hanya untuk soal Benar/Salah."),
    )
    accepted_answers = models.TextField(
        _("jawaban yang diterima"),
        blank=True,
        help_text=_(
            "Hanya untuk jawaban singkat: satu jawaban per baris. Huruf besar/kecil "
            "dan spasi berlebih diabaikan."
        ),
    )
    explanation = models.TextField(
        _("pembahasan"),
        blank=True,
        help_text=_("Ditampilkan saat peserta boleh melihat pembahasan."),
    )
    difficulty = models.CharField(
        _("tingkat kesulitan"),
        max_length=8,
        choices=Difficulty,
        default=Difficulty.MEDIUM,
    )
    competency = models.CharField(
        _("kode kompetensi"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Kode kompetensi PermenPANRB 38/2017, mis. M.8."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("topik"), through=QuestionTag, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    base_form_class = QuestionForm
    panels = [
        FieldPanel("course"),
        FieldPanel("type"),
        FieldPanel("text"),
        InlinePanel(
            "choices",
            label=_("Pilihan / butir / pasangan"),
            help_text=_(
                "Pilihan: centang yang benar. Mengurutkan: tulis butir dalam urutan "
                "yang benar. Menjodohkan: isi kiri dan pasangannya."
            ),
            attrs=for_types(*CHOICE_TYPES),
        ),
        FieldPanel("is_true", attrs=for_types("true_false")),
        FieldPanel("accepted_answers", attrs=for_types("short")),
        FieldPanel("scoring", attrs=for_types(*SCORED_TYPES)),
        FieldPanel("points"),
        FieldPanel("explanation"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("difficulty"), FieldPanel("competency")],
            heading=_("Penanda"),
        ),
    ]
    search_fields = [
        index.SearchField("text"),
        index.AutocompleteField("text"),
        index.FilterField("course"),
        index.FilterField("type"),
        index.FilterField("competency"),
    ]

    class Meta:
        verbose_name = _("soal")
        verbose_name_plural = _("bank soal")
        ordering = ["course_id", "id"]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def accepted_list(self) -> list[str]:
        return [line for line in self.accepted_answers.splitlines() if line.strip()]


class QuestionChoice(Orderable):
    """A choice (single/multiple), an item in correct order (ordering), or a pair
    (matching: ``text`` on the left, ``match_text`` on the right)."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("teks"), max_length=500)
    is_correct = models.BooleanField(_("benar"), default=False)
    match_text = models.CharField(
        _("pasangan (menjodohkan)"), max_length=500, blank=True
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("is_correct", attrs=for_types("single", "multiple")),
        FieldPanel("match_text", attrs=for_types("matching")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("pilihan")
        verbose_name_plural = _("pilihan")

    def __str__(self) -> str:
        return self.text
