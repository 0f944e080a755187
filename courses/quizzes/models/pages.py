"""A quiz is a Wagtail page under its course: revisions and moderation for free."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.models.pages import CourseOwnedPermissions, MobileFirstPreview, course_of
from courses.published import RestrictionsFromRoute

from ..forms import QuizPageForm
from ..permissions import can_open_quiz
from .questions import Difficulty


class QuizKind(models.TextChoices):
    PRETEST = "pretest", _("Pre-test")
    QUIZ = "quiz", _("Kuis")
    POSTTEST = "posttest", _("Post-test")


class ReviewRule(models.TextChoices):
    NEVER = "never", _("Tidak pernah")
    AFTER_SUBMIT = "after_submit", _("Setiap selesai mengumpulkan")
    ONCE_PASSED = "once_passed", _("Setelah lulus")
    AFTER_LAST_ATTEMPT = "after_last", _("Setelah percobaan terakhir yang diizinkan")


class DrawBlock(blocks.StructBlock):
    """Draw N random questions from the course's bank, filtered by tag,
    competency and/or difficulty."""

    count = blocks.IntegerBlock(label=_("Jumlah soal"), min_value=1, max_value=100)
    tag = blocks.CharBlock(label=_("Topik (tag)"), required=False, max_length=100)
    competency = blocks.CharBlock(
        label=_("Kode kompetensi"), required=False, max_length=20
    )
    difficulty = blocks.ChoiceBlock(
        label=_("Tingkat kesulitan"), choices=Difficulty.choices, required=False
    )

    class Meta:
        icon = "resubmit"
        label = _("Soal acak dari bank")


class QuizItemsBlock(blocks.StreamBlock):
    """What a quiz asks: fixed questions and random draws, in this order."""

    question = SnippetChooserBlock(
        "quizzes.Question", label=_("Soal tetap"), icon="help"
    )
    draw = DrawBlock()


class QuizPage(MobileFirstPreview, RestrictionsFromRoute, CourseOwnedPermissions, Page):
    """A pre-test, quiz or post-test of a course, with its rules."""

    kind = models.CharField(
        _("jenis"), max_length=10, choices=QuizKind, default=QuizKind.QUIZ
    )
    intro = models.TextField(_("petunjuk"), blank=True)
    items = StreamField(
        QuizItemsBlock(), verbose_name=_("soal"), blank=True, use_json_field=True
    )
    shuffle_questions = models.BooleanField(_("acak urutan soal"), default=True)
    shuffle_choices = models.BooleanField(_("acak urutan pilihan"), default=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        _("jumlah percobaan"),
        default=0,
        help_text=_("0 berarti tidak terbatas."),
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Kosongkan jika tanpa batas waktu."),
    )
    review_rule = models.CharField(
        _("kapan kunci & pembahasan ditampilkan"),
        max_length=12,
        choices=ReviewRule,
        default=ReviewRule.AFTER_SUBMIT,
    )
    questions_per_page = models.PositiveSmallIntegerField(
        _("soal per halaman"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )

    base_form_class = QuizPageForm

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("attempts_allowed"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("review_rule"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("questions_per_page"),
            ],
            heading=_("Aturan kuis"),
        ),
        FieldPanel("items"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    template = "quizzes/quiz_page.html"

    class Meta:
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")

    def get_course(self):
        if not hasattr(self, "_course"):
            self._course = course_of(self)
        return self._course

    @property
    def is_pretest(self) -> bool:
        return self.kind == QuizKind.PRETEST

    @property
    def is_posttest(self) -> bool:
        return self.kind == QuizKind.POSTTEST

    def serve(self, request, *args, **kwargs):
        previewing = getattr(request, "is_preview", False)
        if not self.get_course().live and not previewing:
            raise Http404  # a quiz of an unpublished course (``may_learn``)
        if not previewing and not can_open_quiz(request.user, self):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            messages.info(
                request, _("Daftar ke kursus ini dulu untuk mengerjakan kuisnya.")
            )
            return redirect(self.get_course().url)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        # in-function: the quiz selectors import these models (a page is its own view)
        from ..selectors import quiz_overview

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = quiz_overview(quiz=self, user=request.user)
        return context
