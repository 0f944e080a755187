"""Facts about learners taking quizzes. Written only by services."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttemptQuerySet(models.QuerySet):
    def open(self) -> "AttemptQuerySet":
        return self.filter(status=Attempt.Status.OPEN)

    def closed(self) -> "AttemptQuerySet":
        return self.exclude(status=Attempt.Status.OPEN)

    def passed(self) -> "AttemptQuerySet":
        return self.closed().filter(passed=True)

    def for_learner(self, user) -> "AttemptQuerySet":
        return self.filter(user=user)

    def in_cycle(self, enrolment) -> "AttemptQuerySet":
        """Only the attempts of the enrolment's cycle: a renewal starts empty,
        the earlier cycles' attempts stay as their record."""
        since = enrolment.cycle_started_at if enrolment is not None else None
        return self if since is None else self.filter(started_at__gte=since)


class Attempt(models.Model):
    """One learner's attempt at a quiz, with a snapshot of exactly what it showed.

    ``snapshot`` holds the questions as shown (text, choices in shown order, key,
    points); grading reads only the snapshot, never the live question bank.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Sedang dikerjakan")
        SUBMITTED = "submitted", _("Dikumpulkan")
        EXPIRED = "expired", _("Ditutup: waktu habis")

    quiz = models.ForeignKey(
        "quizzes.QuizPage", on_delete=models.PROTECT, related_name="attempts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("percobaan ke"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    started_at = models.DateTimeField(_("mulai"))
    deadline = models.DateTimeField(_("batas waktu"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    snapshot = models.JSONField(_("salinan soal"), default=list)
    max_score = models.FloatField(_("nilai maksimum"), default=0)
    score = models.FloatField(_("nilai"), null=True, blank=True)
    percent = models.FloatField(_("nilai (%)"), null=True, blank=True)
    passed = models.BooleanField(_("lulus"), null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("nilai lulus (%)"), default=0)
    regraded_at = models.DateTimeField(_("dinilai ulang"), null=True, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=models.Q(status="open"),
                name="one_open_attempt_per_learner_and_quiz",
            ),
            models.UniqueConstraint(
                fields=["user", "quiz", "number"], name="attempt_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "status"]),
            models.Index(
                fields=["deadline"],
                condition=models.Q(status="open"),
                name="open_attempt_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.quiz_id} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Response(models.Model):
    """The learner's answer to one snapshot item, saved as it is given.

    Rows are created with the attempt, so an autosave is one UPDATE of one row.
    """

    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="responses"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("nomor"))
    question = models.ForeignKey(
        "quizzes.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responses",
    )
    answer = models.JSONField(_("jawaban"), null=True, blank=True)
    saved_at = models.DateTimeField(_("disimpan"), null=True, blank=True)
    client_seq = models.PositiveBigIntegerField(default=0)
    credit = models.FloatField(_("bagian benar (0–1)"), null=True, blank=True)
    score = models.FloatField(_("nilai"), null=True, blank=True)
    # The attempt's percent, copied at grading so item analysis reads one table.
    attempt_percent = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name = _("jawaban")
        verbose_name_plural = _("jawaban")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="one_response_per_item"
            )
        ]
        indexes = [models.Index(fields=["quiz", "question"])]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.position}"


class ChoicePick(models.Model):
    """A choice a learner picked in a closed attempt: feeds choice frequencies in
    item analysis with one GROUP BY (``option`` is ``c<choice id>``, ``t`` or ``f``).
    """

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="picks"
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage", on_delete=models.CASCADE, related_name="+"
    )
    question_id = models.BigIntegerField()
    option = models.CharField(max_length=24)

    class Meta:
        indexes = [models.Index(fields=["quiz", "question_id", "option"])]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.option}"
