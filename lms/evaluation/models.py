"""Course evaluation (Kirkpatrick level 1, "evaluasi penyelenggaraan"): the
standard form, a course's own extra questions, and the learners' answers.

The answers are anonymous by construction: an ``EvaluationResponse`` has no link
to the person, the enrolment or the receipt, carries only the month it was sent in
and a random id (so neither a time nor a row number pairs it with its receipt).
``EvaluationReceipt`` is the separate, personal fact "this person sent the
evaluation of this course on this day": it is what stops a second evaluation and
what the person's data export shows. See ``docs/evaluation.md``.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class Section(models.TextChoices):
    """The parts of the standard form, in the order the form shows them."""

    MATERI = "materi", _("Materi")
    PENGAJAR = "pengajar", _("Pengajar")
    PENYELENGGARAAN = "penyelenggaraan", _("Penyelenggaraan")
    SARANA = "sarana", _("Sarana (platform dan koneksi)")
    TAMBAHAN = "tambahan", _("Pertanyaan tambahan pengajar")
    KOMENTAR = "komentar", _("Komentar dan saran")


SECTION_ORDER = [choice.value for choice in Section]


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Skala 1–5")
    TEXT = "text", _("Jawaban terbuka")


SCALE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class StandardQuestion(models.Model):
    """One question of the standard form every evaluated course asks; shipped as
    data (``standard_form.yaml``) and edited by administrators. A question of the
    ``pengajar`` section is asked once for each trainer of the course."""

    key = models.SlugField(
        _("kunci"),
        max_length=60,
        unique=True,
        help_text=_("Pengenal tetap; hasil lintas angkatan dibandingkan per kunci."),
    )
    section = models.CharField(_("bagian"), max_length=20, choices=Section.choices)
    kind = models.CharField(
        _("jenis"), max_length=10, choices=QuestionKind.choices, default="scale"
    )
    text = models.CharField(_("pertanyaan"), max_length=300)
    sort_order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    active = models.BooleanField(
        _("dipakai"),
        default=True,
        help_text=_("Pertanyaan yang tidak dipakai tidak ditanyakan lagi."),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("section"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("sort_order"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("pertanyaan evaluasi standar")
        verbose_name_plural = _("formulir evaluasi standar")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.text


class CourseQuestion(Orderable):
    """A question a course's trainer adds to the standard form, for that course
    only; edited, reviewed and copied with the course page."""

    course = ParentalKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="evaluation_questions",
    )
    text = models.CharField(_("pertanyaan"), max_length=300)
    kind = models.CharField(
        _("jenis"), max_length=10, choices=QuestionKind.choices, default="scale"
    )

    panels = [FieldPanel("text"), FieldPanel("kind")]

    class Meta(Orderable.Meta):
        verbose_name = _("pertanyaan evaluasi tambahan")
        verbose_name_plural = _("pertanyaan evaluasi tambahan")

    def __str__(self) -> str:
        return self.text


class CourseRun(models.Model):
    """Which course a copied course is a new run (angkatan) of, for the trend
    across runs. Written when a course is copied; a course without one is the
    first run of its own line."""

    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="evaluation_run"
    )
    first_run = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="evaluation_later_runs",
    )

    class Meta:
        verbose_name = _("angkatan kursus")
        verbose_name_plural = _("angkatan kursus")

    def __str__(self) -> str:
        return f"{self.course_id} ← {self.first_run_id}"


class EvaluationReceipt(models.Model):
    """The person's own fact "I sent the evaluation of this course on this day":
    asked once per person, course and enrolment cycle. It holds no answer."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="evaluation_receipts",
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField(_("dikirim"))
    # The enrolment cycle it was sent in: a renewal asks again (courses' cycles).
    cycle = models.PositiveSmallIntegerField(_("siklus"), default=1)

    class Meta:
        verbose_name = _("tanda terima evaluasi")
        verbose_name_plural = _("tanda terima evaluasi")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course", "cycle"], name="one_evaluation_per_cycle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} — {self.course_id}"


class EvaluationResponse(models.Model):
    """One anonymous evaluation of a course: no person, no enrolment, no time of
    day; a random id and the month it was sent in (``period``, its first day)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+"
    )
    period = models.DateField(_("bulan"))

    class Meta:
        verbose_name = _("evaluasi anonim")
        verbose_name_plural = _("evaluasi anonim")
        indexes = [models.Index(fields=["course", "period"])]

    def __str__(self) -> str:
        return f"{self.course_id} — {self.period:%Y-%m}"


class EvaluationAnswer(models.Model):
    """One answer of an anonymous evaluation, with the question as it was asked
    (its text kept, so that editing the form never changes a past result)."""

    response = models.ForeignKey(
        EvaluationResponse, on_delete=models.CASCADE, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(default=0)
    section = models.CharField(max_length=20, choices=Section.choices)
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    # "s:<StandardQuestion.key>" or "c:<CourseQuestion.pk>"
    question_key = models.CharField(max_length=80)
    question_text = models.CharField(max_length=300)
    # The trainer a ``pengajar`` question was about (their name as it was then).
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    trainer_name = models.CharField(max_length=200, blank=True)
    score = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=SCALE_VALIDATORS
    )
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("jawaban evaluasi")
        verbose_name_plural = _("jawaban evaluasi")
        indexes = [models.Index(fields=["question_key", "trainer"])]

    def __str__(self) -> str:
        return f"{self.question_key}: {self.score or ''}"


# --- Level 3: the direct supervisor's survey ---------------------------------------


class SupervisorSurvey(models.Model):
    """Kirkpatrick level 3: the survey that the learner's direct supervisor (atasan
    langsung) is sent some weeks after the learner completed a course, on how the
    learner applies the course's competencies at work. One per completion, ever
    (never asked twice for the same learner and course)."""

    enrolment = models.OneToOneField(
        "courses.Enrolment", on_delete=models.CASCADE, related_name="supervisor_survey"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="supervisor_surveys_about",
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="+"
    )
    # Who was asked (the supervisor when it was sent); only they may answer.
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="supervisor_surveys",
    )
    sent_at = models.DateTimeField(_("dikirim"))
    reminded_at = models.DateTimeField(_("diingatkan"), null=True, blank=True)

    class Meta:
        verbose_name = _("survei atasan (evaluasi level 3)")
        verbose_name_plural = _("survei atasan (evaluasi level 3)")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="one_supervisor_survey_per_course"
            )
        ]
        indexes = [models.Index(fields=["supervisor", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.learner_id} — {self.course_id}"


class SupervisorAnswer(models.Model):
    """The supervisor's answer to a level-3 survey: who answered (``user``), when,
    and an optional comment; the ratings per competency hang on it."""

    survey = models.OneToOneField(
        SupervisorSurvey, on_delete=models.CASCADE, related_name="answer"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="supervisor_answers",
    )
    answered_at = models.DateTimeField(_("dijawab"))
    comment = models.TextField(_("komentar"), blank=True)

    class Meta:
        verbose_name = _("jawaban survei atasan")
        verbose_name_plural = _("jawaban survei atasan")

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.answered_at:%Y-%m-%d}"


class SupervisorRating(models.Model):
    """How the supervisor rates the learner's application of one competency at
    work, 1–5 on the behaviour scale; the competency's code and name are kept as
    they were asked."""

    answer = models.ForeignKey(
        SupervisorAnswer, on_delete=models.CASCADE, related_name="ratings"
    )
    competency = models.ForeignKey(
        "competencies.Competency", on_delete=models.PROTECT, related_name="+"
    )
    competency_label = models.CharField(max_length=200)
    rating = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)

    class Meta:
        verbose_name = _("nilai survei atasan")
        verbose_name_plural = _("nilai survei atasan")
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "competency"], name="one_rating_per_competency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency_label}: {self.rating}"
